/**
 * A setting as text, the way the form and the URL hold it: numbers in JavaScript's shortest
 * round-trip notation, lists comma-separated, a choice as its option id. textOf and parseText are
 * inverses for every allowed value; parseText never throws (a malformed number becomes NaN, which
 * the limit check then rejects).
 */
import type { Limit, LimitValue } from '../core/limits.ts';
import { MAX_NUMBER_TEXT, quoted } from './excerpt.ts';

/**
 * Plain decimal or scientific notation, as String(number) writes it; nothing else. Every digit
 * run has one way to match (the fraction's digits only after a '.'), so a failing match is
 * linear in the text: `\d+\.?\d*` would split a long digit run ending in a bad character in
 * every possible place, quadratic time (200,000 digits and an 'x' froze the page for 30 s).
 */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number a text spells, or NaN when it is not a plain number (empty, '0x10', '1,5'…) or is
 * longer than MAX_NUMBER_TEXT characters after trimming. Linear in the text's length.
 */
export function parseNumber(text: string): number {
  const t = text.trim();
  if (t.length > MAX_NUMBER_TEXT) return NaN;
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

/** The value a text spells for a setting of this limit. */
export function parseText(limit: Limit, text: string): LimitValue {
  switch (limit.kind) {
    case 'numbers':
      return parseNumberList(text);
    case 'choice':
      return text.trim();
    default:
      return parseNumber(text);
  }
}

/** The text of a value: '7', '1,-0.6', 'pegasos'. */
export function textOf(v: LimitValue): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' ? numberText(v) : v.map(numberText).join(',');
}

/**
 * A limit message about a typed text: as the core words it when the text spells a number, else
 * with the text quoted (the core would say NaN), at most a short escaped excerpt of it
 * (excerpt.ts), the length limit said when a number was too long; or 'an empty field'.
 */
export function explain(message: string, text: string, value: LimitValue): string {
  const t = text.trim();
  const got = (what: string) => message.replace(/got .*$/s, () => `got ${what}`);
  if (t === '') return got('an empty field');
  const spelledNumber = typeof value === 'number' && !Number.isNaN(value);
  const listSpelled = Array.isArray(value) && value.every((v: number) => !Number.isNaN(v));
  if (spelledNumber || listSpelled) return message;
  const shown = quoted(t);
  // A choice's text is short or quoted as the core quotes it: keep the core's words then.
  if (typeof value === 'string' && shown === JSON.stringify(t)) return message;
  const long = t.split(',').some((item) => item.trim().length > MAX_NUMBER_TEXT);
  if (long && typeof value !== 'string') {
    return got(`${shown}; a number is written in at most ${MAX_NUMBER_TEXT} characters`);
  }
  return got(shown);
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/**
 * The allowed values in words for the form: 'Integer, 1 to 5,000,000', 'Greater than 0',
 * '0 or more', 'Any finite number', '1 to 64 comma-separated numbers', 'One of: GD, SGD'.
 */
export function limitHint(limit: Limit, optionLabels?: Readonly<Record<string, string>>): string {
  switch (limit.kind) {
    case 'integer':
      if (limit.max >= Number.MAX_SAFE_INTEGER)
        return `Integer, ${COUNT.format(limit.min)} or more`;
      return `Integer, ${COUNT.format(limit.min)} to ${COUNT.format(limit.max)}`;
    case 'number':
      if (limit.min === undefined) return 'Any finite number';
      return limit.strict ? `Greater than ${limit.min}` : `${limit.min} or more`;
    case 'numbers':
      return `${limit.minLength} to ${limit.maxLength} comma-separated numbers`;
    case 'choice':
      return `One of: ${limit.options.map((o) => optionLabels?.[o] ?? o).join(', ')}`;
  }
}
