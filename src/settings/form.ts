/**
 * A schema's settings as a form holds them: one text per entry, read and checked with the
 * groups' validators (the worker's own), so a message here reads exactly like the worker's
 * rejection of the same value. Also each field's hint, from its limit.
 */
import type { LimitValue } from '../core/limits.ts';
import { assemble, entryNamed, valueOf, type Schema, type SettingEntry } from './define.ts';
import { explain, limitHint, parseText, textOf } from './text.ts';

/** A field's parsed value, or the sentence that rejects it. */
export type FieldCheck = { ok: true; value: LimitValue } | { ok: false; message: string };

export interface FormRead<S, K extends string> {
  /** The settings when every field is valid, else null. */
  settings: S | null;
  /** One message per invalid field. */
  errors: Partial<Record<K, string>>;
}

/** The text every field shows for a settings object. */
export function textsOf<S extends object, K extends string>(
  schema: Schema<S, K>,
  s: S,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const e of schema.entries) out[e.key] = textOf(valueOf(s, e));
  return out;
}

/**
 * Reads one field's text and checks it with its group's validator, the other fields at their
 * defaults (every limit is per field). Text that is not a value is quoted in the message.
 */
export function checkText<K extends string>(
  schema: Schema<object, K>,
  name: K,
  text: string,
): FieldCheck {
  const entry = entryNamed(schema, name);
  if (!entry) throw new Error(`no setting ${name}`);
  const value = parseText(entry.limit, text);
  const group = schema.groups.find((g) => g.key === entry.group)!;
  const defaults = (schema.defaults as Record<string, Record<string, LimitValue>>)[group.key];
  const error = group.errors({ ...defaults, [name]: value }).find((e) => e.field === name);
  return error ? { ok: false, message: explain(error.message, text, value) } : { ok: true, value };
}

/**
 * Reads every field and checks each group as a whole with its validator (a limit may depend on
 * another field of the group: the memory a point count needs depends on the dimension).
 */
export function readTexts<S extends object, K extends string>(
  schema: Schema<S, K>,
  texts: Readonly<Record<K, string>>,
): FormRead<S, K> {
  const values = {} as Record<K, LimitValue>;
  for (const e of schema.entries) values[e.key] = parseText(e.limit, texts[e.key]);
  const settings = assemble(schema, values);
  const errors: Partial<Record<K, string>> = {};
  for (const g of schema.groups) {
    const groupValues = (settings as Record<string, Record<string, LimitValue>>)[g.key]!;
    for (const e of g.errors(groupValues)) {
      const entry = entryNamed(schema, e.field);
      if (entry && errors[entry.key] === undefined) {
        errors[entry.key] = explain(e.message, texts[entry.key], values[entry.key]);
      }
    }
  }
  return { settings: Object.keys(errors).length > 0 ? null : settings, errors };
}

/** The form's note under a field: its allowed values, then its note ('0 or more; …'). */
export function hintOf(entry: SettingEntry): string {
  const range = limitHint(entry.limit, entry.optionLabels);
  return entry.note ? `${range}; ${entry.note}` : range;
}

/** The input mode a field's keyboard should have on a phone. */
export function inputModeOf(entry: SettingEntry): 'numeric' | 'decimal' | 'text' {
  const kind = entry.limit.kind;
  return kind === 'integer' ? 'numeric' : kind === 'number' ? 'decimal' : 'text';
}
