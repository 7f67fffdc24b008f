/**
 * What a settings schema is: one entry per setting, in groups (the dataset, the training), and
 * the generic reads and writes of a settings object by entry. The app's own schema is
 * schema.ts; the form, the URL hash, the CLI flags, run files and Compare all derive from it,
 * and every function here takes the schema as an argument so a test can hand it another one.
 *
 * A settings object has one plain object per group: `{ recipe: { seed, … }, hp: { lr, … } }`.
 */
import { withinLimit, type FieldError, type Limit, type LimitValue } from '../core/limits.ts';

/** A group of settings: a key of the settings object and of a run record. */
export interface GroupSpec {
  /** The settings object's key, and the path prefix of its fields in a run file ('recipe.seed'). */
  readonly key: string;
  /** The form's legend for the group. */
  readonly legend: string;
  /**
   * Every problem with the group's values, in field order: the worker's own validator where it
   * has one (so the page says what the worker would), else limitErrors over the entries.
   */
  readonly errors: (values: Readonly<Record<string, unknown>>) => FieldError[];
}

/** One setting. */
export interface SettingEntry<K extends string = string> {
  /**
   * Its name in the settings object, the URL hash, the form (`field-<key>`), messages and run
   * files; the CLI flag is its kebab-case (`nPerClass` → `--n-per-class`).
   */
  readonly key: K;
  /** GroupSpec.key of its group. */
  readonly group: string;
  /** The form's label. */
  readonly label: string;
  /** The Compare table's column heading (short). */
  readonly heading: string;
  /** The allowed values: one of the core's constants (src/core/recipe.ts), never retyped. */
  readonly limit: Limit;
  readonly default: LimitValue;
  /** Said after the allowed range in the form's hint ('objective = loss + λ/2·‖w‖²'). */
  readonly note?: string;
  /** For a choice: the form's text for each option id (the id itself when absent). */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** For a list: the exact length the CLI takes (the report is two-dimensional). */
  readonly cliLength?: number;
  /**
   * The URL hash leaves it out while it holds its default: for settings added after links were
   * shared (the optimizer's), so a link of the default stays as it was, byte for byte.
   */
  readonly hashOmitsDefault?: boolean;
}

export interface Schema<S extends object, K extends string = string> {
  readonly groups: readonly GroupSpec[];
  /** Every setting, in URL, form, CLI and table order. */
  readonly entries: readonly SettingEntry<K>[];
  /** The settings every entry's default makes (frozen). */
  readonly defaults: S;
}

type Loose = Record<string, Record<string, LimitValue>>;

/**
 * A schema from its groups and entries. Throws (at module load, so every test sees it) when a
 * key repeats, an entry names no group, or a default is outside its own limit.
 */
export function defineSchema<S extends object, K extends string = string>(
  groups: readonly GroupSpec[],
  entries: readonly SettingEntry<K>[],
): Schema<S, K> {
  const defaults: Loose = {};
  for (const g of groups) defaults[g.key] = {};
  for (const e of entries) {
    const group = defaults[e.group];
    if (!group) throw new Error(`setting ${e.key}: no group ${e.group}`);
    if (entries.filter((x) => x.key === e.key).length > 1) {
      throw new Error(`setting ${e.key} is defined twice`);
    }
    if (!withinLimit(e.limit, e.default)) {
      throw new Error(`setting ${e.key}: the default ${String(e.default)} is outside its limit`);
    }
    group[e.key] = freezeValue(e.default);
  }
  for (const g of groups) Object.freeze(defaults[g.key]);
  return { groups, entries, defaults: Object.freeze(defaults) as unknown as S };
}

function freezeValue(v: LimitValue): LimitValue {
  return Array.isArray(v) ? Object.freeze([...(v as number[])]) : v;
}

/** The entry named `key`, or undefined. */
export function entryNamed<K extends string>(
  schema: Schema<object, K>,
  key: string,
): SettingEntry<K> | undefined {
  return schema.entries.find((e) => e.key === key);
}

/** The entries of one group, in schema order. */
export function entriesOf<K extends string>(
  schema: Schema<object, K>,
  group: string,
): SettingEntry<K>[] {
  return schema.entries.filter((e) => e.group === group);
}

/** A setting's value in a settings object (or a run record: it has the same groups). */
export function valueOf(s: object, e: SettingEntry): LimitValue {
  return (s as Loose)[e.group]![e.key]!;
}

/** A fresh settings object from one value per entry (lists copied). */
export function assemble<S extends object, K extends string>(
  schema: Schema<S, K>,
  values: Readonly<Record<K, LimitValue>>,
): S {
  const out: Loose = {};
  for (const g of schema.groups) out[g.key] = {};
  for (const e of schema.entries) {
    const v = values[e.key];
    out[e.group]![e.key] = Array.isArray(v) ? [...(v as number[])] : v;
  }
  return out as unknown as S;
}

/** Equal as settings: Object.is for numbers (−0 is not 0: the URL tells them apart), per item. */
export function sameValue(a: LimitValue, b: LimitValue): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return Object.is(a, b);
  return a.length === b.length && a.every((v: number, i) => Object.is(v, b[i]));
}

/** True when two settings objects agree on every entry of `group`. */
export function sameGroup(schema: Schema<object>, group: string, a: object, b: object): boolean {
  return entriesOf(schema, group).every((e) => sameValue(valueOf(a, e), valueOf(b, e)));
}

/** The CLI flag of a key, without dashes: `nPerClass` → `n-per-class`. */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
