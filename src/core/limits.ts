/**
 * The allowed values of one setting, as data: the core validates with it (recipe.ts), and the
 * settings schema (src/settings/) derives its form hints, CLI checks and run-file checks from the
 * same objects, so a range is written once and every message about it reads the same.
 */

/** What a setting may hold. Every number is finite. */
export type Limit =
  /** An integer in [min, max]. */
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** A finite number; >= min (or > min when strict) when min is given. */
  | { readonly kind: 'number'; readonly min?: number; readonly strict?: boolean }
  /** minLength to maxLength finite numbers. */
  | { readonly kind: 'numbers'; readonly minLength: number; readonly maxLength: number }
  /** One of a few named options (ids: plain lowercase words). */
  | { readonly kind: 'choice'; readonly options: readonly string[] };

/** A setting's value: a number, a list of numbers or a choice's id. */
export type LimitValue = number | readonly number[] | string;

/** A field that failed validation, with a sentence naming it and its allowed range. */
export interface FieldError {
  field: string;
  message: string;
}

/** 'an integer in [0, 400]', 'a finite number > 0', '1 to 64 finite numbers', 'one of a, b'. */
export function rangeText(limit: Limit): string {
  switch (limit.kind) {
    case 'integer':
      return `an integer in [${limit.min}, ${limit.max}]`;
    case 'number':
      if (limit.min === undefined) return 'a finite number';
      return `a finite number ${limit.strict ? '>' : '>='} ${limit.min}`;
    case 'numbers':
      return `${limit.minLength} to ${limit.maxLength} finite numbers`;
    case 'choice':
      return `one of ${limit.options.join(', ')}`;
  }
}

/** True when v is allowed; v is untrusted (any type). */
export function withinLimit(limit: Limit, v: unknown): boolean {
  switch (limit.kind) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= limit.min && v <= limit.max;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      if (limit.min === undefined) return true;
      return limit.strict ? v > limit.min : v >= limit.min;
    case 'numbers':
      return (
        Array.isArray(v) &&
        v.length >= limit.minLength &&
        v.length <= limit.maxLength &&
        v.every((x) => typeof x === 'number' && Number.isFinite(x))
      );
    case 'choice':
      return typeof v === 'string' && limit.options.includes(v);
  }
}

/** A value as the messages quote it: numbers as String does, lists comma-joined, text in quotes. */
export function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.join(',');
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** `${field} must be <range>, got <value>`, or null when v is allowed. */
export function limitError(field: string, limit: Limit, v: unknown): FieldError | null {
  if (withinLimit(limit, v)) return null;
  return { field, message: `${field} must be ${rangeText(limit)}, got ${valueText(v)}` };
}

/** Every field of `values` outside its limit, in the order of `limits`. */
export function limitErrors(
  limits: Readonly<Record<string, Limit>>,
  values: Readonly<Record<string, unknown>>,
): FieldError[] {
  const out: FieldError[] = [];
  for (const [field, limit] of Object.entries(limits)) {
    const error = limitError(field, limit, values[field]);
    if (error) out.push(error);
  }
  return out;
}
