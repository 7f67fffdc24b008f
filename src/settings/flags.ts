/**
 * A schema's settings as command-line flags: `--n-per-class 100` or `--n-per-class=100`, the
 * last occurrence winning, values read as Python's argparse with int() and float() would (the
 * report's reference is a Python script), each checked against its entry's limit. A problem is
 * a FlagError whose message is the one line to print: the flag, its allowed values and the text.
 */
import { rangeText, withinLimit, type Limit, type LimitValue } from '../core/limits.ts';
import { assemble, flagName, valueOf, type Schema } from './define.ts';
import { EXCERPT_LENGTH, excerpt, MAX_NUMBER_TEXT } from './excerpt.ts';

/** A flag problem; `message` is the one line printed on stderr. */
export class FlagError extends Error {}

/** One flag: its name without dashes and what it takes. */
export interface FlagSpec {
  flag: string;
  limit: Limit;
}

/** The flags of a schema's entries, in schema order (a list of cliLength takes exactly that). */
export function schemaFlags(schema: Schema<object>): FlagSpec[] {
  return schema.entries.map((e) => {
    const n = e.cliLength;
    const limit: Limit =
      n !== undefined && e.limit.kind === 'numbers'
        ? { kind: 'numbers', minLength: n, maxLength: n }
        : e.limit;
    return { flag: flagName(e.key), limit };
  });
}

const WORDS = ['no', 'one', 'two', 'three', 'four'];

/** 'a,b' for two numbers, 'a,b,…' for a list of varying length. */
function listMetavar(limit: Extract<Limit, { kind: 'numbers' }>): string {
  if (limit.minLength !== limit.maxLength) return 'a,b,…';
  return Array.from({ length: limit.minLength }, (_, i) => String.fromCharCode(97 + i)).join(',');
}

/** What a flag takes, in the flag's own words: 'two finite numbers a,b' for a fixed-length list. */
export function flagRangeText(limit: Limit): string {
  if (limit.kind === 'numbers' && limit.minLength === limit.maxLength) {
    const n = limit.minLength;
    return `${WORDS[n] ?? n} finite numbers ${listMetavar(limit)}`;
  }
  return rangeText(limit);
}

/** The usage line's placeholder: N for an integer, v for a number, a,b for a pair, {x,y}. */
function metavar(limit: Limit): string {
  if (limit.kind === 'integer') return 'N';
  if (limit.kind === 'number') return 'v';
  if (limit.kind === 'numbers') return listMetavar(limit);
  return `{${limit.options.join(',')}}`;
}

/** `prefix [--a N] [--b v] …`, wrapped before `width` columns under a 7-space indent. */
export function usageLine(prefix: string, specs: readonly FlagSpec[], width = 80): string {
  const lines = [prefix.trimEnd()];
  for (const s of specs) {
    const item = `[--${s.flag} ${metavar(s.limit)}]`;
    const last = lines.length - 1;
    if (lines[last]!.length + 1 + item.length > width) lines.push('       ' + item);
    else lines[last] += ' ' + item;
  }
  return lines.join('\n');
}

/** Python's int() and float() accept underscores between digits and surrounding spaces. */
function normalise(text: string): string {
  return text.trim().replace(/(?<=\d)_(?=\d)/g, '');
}

const INT = /^[+-]?\d+$/;
/** One way to match every digit run, so a failing match is linear (see text.ts's NUMBER). */
const FLOAT = /^[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;

/**
 * A flag's text as a message quotes it: whole when short, else an escaped excerpt, its length
 * and, when it is a number's text, the length limit.
 */
function quote(text: string): string {
  if (text.length <= EXCERPT_LENGTH && excerpt(text) === text) return `'${text}'`;
  const count = text.length.toLocaleString('en-US');
  const limit = text.length > MAX_NUMBER_TEXT ? `; a number is at most ${MAX_NUMBER_TEXT}` : '';
  return `'${excerpt(text)}' (${count} characters${limit})`;
}

/** A number's text, or a FlagError when it is longer than MAX_NUMBER_TEXT once trimmed. */
function bounded(must: string, text: string): string {
  const t = normalise(text);
  if (t.length > MAX_NUMBER_TEXT) throw new FlagError(`${must}, got ${quote(text)}`);
  return t;
}

/** A float as Python reads it; inf and nan are refused quoting the text bare, as Python prints. */
function finite(flag: string, text: string, limit: Limit): number {
  const must = `--${flag} must be ${flagRangeText(limit)}`;
  const t = bounded(must, text);
  if (NON_FINITE.test(t)) throw new FlagError(`${must}, got ${text}`);
  if (!FLOAT.test(t)) throw new FlagError(`${must}, got ${quote(text)}`);
  const v = Number(t);
  if (!Number.isFinite(v)) throw new FlagError(`${must}, got ${text}`);
  return v;
}

/** The value of one flag's text; throws FlagError when it is malformed or out of range. */
export function parseFlagValue(spec: FlagSpec, text: string): LimitValue {
  const { flag, limit } = spec;
  const must = `--${flag} must be ${flagRangeText(limit)}`;
  const bad = () => new FlagError(`${must}, got ${quote(text)}`);
  let v: LimitValue;
  switch (limit.kind) {
    case 'integer': {
      const t = bounded(must, text);
      if (!INT.test(t)) throw bad();
      v = Number(t);
      break;
    }
    case 'number':
      v = finite(flag, text, limit);
      break;
    case 'numbers': {
      const parts = text.split(',');
      if (parts.length < limit.minLength || parts.length > limit.maxLength) throw bad();
      v = parts.map((p) => finite(flag, p, limit));
      break;
    }
    case 'choice':
      v = text.trim();
      break;
  }
  if (!withinLimit(limit, v)) throw bad();
  return v;
}

/** Parses argv (without node and script) into one value per flag given; throws FlagError. */
export function parseFlags(
  specs: readonly FlagSpec[],
  argv: readonly string[],
): Map<string, LimitValue> {
  const values = new Map<string, LimitValue>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new FlagError(`unexpected argument '${arg}' (flags look like --seed 7)`);
    const flag = match[1]!;
    const spec = specs.find((s) => s.flag === flag);
    if (!spec) {
      const known = specs.map((s) => '--' + s.flag).join(' ');
      throw new FlagError(`unknown flag --${flag}; known: ${known}`);
    }
    let text = match[2];
    if (text === undefined) {
      text = argv[++i];
      if (text === undefined) {
        throw new FlagError(`--${flag} needs a value: ${flagRangeText(spec.limit)}`);
      }
    }
    values.set(flag, parseFlagValue(spec, text));
  }
  return values;
}

/** The settings the flags give: each entry's flag value, or its default. */
export function settingsFromFlags<S extends object, K extends string>(
  schema: Schema<S, K>,
  values: ReadonlyMap<string, LimitValue>,
): S {
  const out = {} as Record<K, LimitValue>;
  for (const e of schema.entries) {
    out[e.key] = values.get(flagName(e.key)) ?? valueOf(schema.defaults, e);
  }
  return assemble(schema, out);
}
