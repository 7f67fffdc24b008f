/**
 * The experiment's settings as the form and the URL hold them: one text per field. Thin
 * wrappers binding the generic form code (src/settings/form.ts) to hinge-lab's schema
 * (src/settings/schema.ts), where every field's name, label and limit is written.
 */
import type { Hyperparameters, Recipe } from './core/recipe.ts';
import { sameGroup } from './settings/define.ts';
import { checkText, readTexts, textsOf, type FieldCheck, type FormRead } from './settings/form.ts';
import { DEFAULT_SETTINGS, SETTINGS, type FieldName, type Settings } from './settings/schema.ts';

export { DEFAULT_SETTINGS, type FieldCheck, type FieldName, type Settings };

/** The form's texts, one per field. */
export type FieldTexts = Record<FieldName, string>;

/** The texts of every field for a setting. */
export function settingsTexts(s: Settings): FieldTexts {
  return textsOf(SETTINGS, s);
}

/**
 * Parses one field's text and checks it against the core's ranges (the other fields at their
 * defaults; every range is per field). Unparsable text is quoted in the message instead of NaN.
 */
export function checkField(name: FieldName, text: string): FieldCheck {
  return checkText(SETTINGS, name, text);
}

/**
 * Reads every field and checks them together with the core's validators, so each message is the
 * one the worker would give: the settings when all are valid, and a message per invalid field.
 */
export function readFields(texts: FieldTexts): FormRead<Settings, FieldName> {
  return readTexts(SETTINGS, texts);
}

/** True when two recipes draw the same data (every dataset setting equal, −0 apart from 0). */
export function sameRecipe(a: Recipe, b: Recipe): boolean {
  return sameGroup(SETTINGS, 'recipe', { recipe: a }, { recipe: b });
}

/** True when two runs train with the same settings (every training setting equal). */
export function sameHyperparameters(a: Hyperparameters, b: Hyperparameters): boolean {
  return sameGroup(SETTINGS, 'hp', { hp: a }, { hp: b });
}
