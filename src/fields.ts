/**
 * The experiment's settings as the form and the URL hold them: one text per field, parsed and
 * checked field by field with the core's validators, so a message here reads exactly like the
 * worker's rejection of the same value.
 */
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_RECIPE,
  hyperparameterErrors,
  recipeErrors,
  type Hyperparameters,
  type Recipe,
} from './core/recipe.ts';

export const RECIPE_FIELDS = ['seed', 'nPerClass', 'trueW', 'trueB', 'noise'] as const;
export const TRAINING_FIELDS = ['lr', 'epochs', 'reg'] as const;
/** Every field, in URL and form order. */
export const FIELD_NAMES = [...RECIPE_FIELDS, ...TRAINING_FIELDS] as const;

export type RecipeField = (typeof RECIPE_FIELDS)[number];
export type TrainingField = (typeof TRAINING_FIELDS)[number];
export type FieldName = (typeof FIELD_NAMES)[number];
export type FieldTexts = Record<FieldName, string>;

/** A whole experiment: how the data is drawn and how the classifier is trained. */
export interface Settings {
  recipe: Recipe;
  hp: Hyperparameters;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  recipe: DEFAULT_RECIPE,
  hp: DEFAULT_HYPERPARAMETERS,
});

/** Plain decimal or scientific notation, as String(number) writes it; nothing else. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a text spells, or NaN when it is not a plain number (empty, '0x10', '1,5'…). */
export function parseNumber(text: string): number {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** Comma-separated numbers ('1,-0.6'); a malformed item becomes NaN, an empty text []. */
export function parseNumberList(text: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map(parseNumber);
}

/** Shortest round-trip text of a number, keeping the sign of −0. */
export function numberText(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The text a field shows for a setting. */
export function fieldText(s: Settings, name: FieldName): string {
  if (name === 'trueW') return s.recipe.trueW.map(numberText).join(',');
  if (isRecipeField(name)) return numberText(s.recipe[name]);
  return numberText(s.hp[name]);
}

/** The texts of every field for a setting. */
export function settingsTexts(s: Settings): FieldTexts {
  const out = {} as FieldTexts;
  for (const name of FIELD_NAMES) out[name] = fieldText(s, name);
  return out;
}

export function isRecipeField(name: string): name is RecipeField {
  return (RECIPE_FIELDS as readonly string[]).includes(name);
}

export function isFieldName(name: string): name is FieldName {
  return (FIELD_NAMES as readonly string[]).includes(name);
}

/** A field's parsed value (a number, or a list for trueW) or the sentence that rejects it. */
export type FieldCheck = { ok: true; value: number | number[] } | { ok: false; message: string };

/** The value a field's text spells (a list for trueW); NaN where it is not a number. */
export function parseField(name: FieldName, text: string): number | number[] {
  return name === 'trueW' ? parseNumberList(text) : parseNumber(text);
}

/**
 * Parses one field's text and checks it against the core's ranges (the other fields at their
 * defaults; every range is per field). Unparsable text is quoted in the message instead of NaN.
 */
export function checkField(name: FieldName, text: string): FieldCheck {
  const value = parseField(name, text);
  const errors = isRecipeField(name)
    ? recipeErrors({ ...DEFAULT_RECIPE, [name]: value })
    : hyperparameterErrors({ ...DEFAULT_HYPERPARAMETERS, [name]: value });
  const error = errors.find((e) => e.field === name);
  return error ? { ok: false, message: explain(error.message, text, value) } : { ok: true, value };
}

/**
 * Reads every field and checks them together with the core's validators, so each message is the
 * one the worker would give: the settings when all are valid, and a message per invalid field.
 */
export function readFields(texts: FieldTexts): {
  settings: Settings | null;
  errors: Partial<Record<FieldName, string>>;
} {
  const values = {} as Record<FieldName, number | number[]>;
  for (const name of FIELD_NAMES) values[name] = parseField(name, texts[name]);
  const settings = assemble(values);
  const errors: Partial<Record<FieldName, string>> = {};
  for (const e of [...recipeErrors(settings.recipe), ...hyperparameterErrors(settings.hp)]) {
    if (isFieldName(e.field) && errors[e.field] === undefined) {
      errors[e.field] = explain(e.message, texts[e.field], values[e.field]);
    }
  }
  return { settings: Object.keys(errors).length > 0 ? null : settings, errors };
}

/** The core's message, quoting the typed text when it is not a number (the core says NaN). */
function explain(message: string, text: string, value: number | number[]): string {
  const empty = text.trim() === '';
  const parsed =
    !empty && (Array.isArray(value) ? value.every((v) => !Number.isNaN(v)) : !Number.isNaN(value));
  if (parsed) return message;
  return message.replace(/got .*$/s, `got ${empty ? 'an empty field' : `"${text.trim()}"`}`);
}

/** Builds settings from checked values (trueW a list, the rest numbers). */
export function assemble(v: Record<FieldName, number | number[]>): Settings {
  const num = (name: FieldName) => v[name] as number;
  return {
    recipe: {
      seed: num('seed'),
      nPerClass: num('nPerClass'),
      trueW: v.trueW as number[],
      trueB: num('trueB'),
      noise: num('noise'),
    },
    hp: { lr: num('lr'), epochs: num('epochs'), reg: num('reg') },
  };
}

/** True when two recipes draw the same data. */
export function sameRecipe(a: Recipe, b: Recipe): boolean {
  return (
    Object.is(a.seed, b.seed) &&
    Object.is(a.nPerClass, b.nPerClass) &&
    Object.is(a.trueB, b.trueB) &&
    Object.is(a.noise, b.noise) &&
    a.trueW.length === b.trueW.length &&
    a.trueW.every((w, j) => Object.is(w, b.trueW[j]))
  );
}
