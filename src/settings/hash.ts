/**
 * A schema's settings in a URL hash: `#key=text&…`, every entry in schema order, texts as the
 * form writes them. parseHashWith(serialiseHashWith(s)) gives back s exactly for valid settings.
 * A missing entry takes its default silently; a malformed, out-of-range or unknown one is
 * ignored (the entry keeps its default) and reported, so the page can say what it dropped.
 */
import type { LimitValue } from '../core/limits.ts';
import { assemble, entryNamed, sameValue, valueOf, type Schema } from './define.ts';
import { excerpt } from './excerpt.ts';
import { checkText } from './form.ts';
import { textOf } from './text.ts';

/**
 * A hash entry that was not used, with why. name and raw are short escaped excerpts (excerpt.ts)
 * of what the link held, safe to show as they are.
 */
export interface IgnoredEntry {
  name: string;
  raw: string;
  reason: string;
}

export interface HashRead<S> {
  settings: S;
  ignored: IgnoredEntry[];
}

/**
 * Escapes what would end or garble an entry (&, =, #, %, spaces, non-ASCII); numbers, commas
 * and option ids pass as they are, so the hash stays readable ('trueW=1,-0.6', '1e+21').
 */
function escape(text: string): string {
  return text.replace(/[%&=#\s]|[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** '#key=…&…' for the settings, entries in schema order (hashOmitsDefault ones when set). */
export function serialiseHashWith<S extends object>(schema: Schema<S>, s: S): string {
  const written = schema.entries.filter((e) => {
    if (!e.hashOmitsDefault) return true;
    const v = valueOf(s, e) as LimitValue | undefined; // absent: the default
    return v !== undefined && !sameValue(v, e.default);
  });
  return '#' + written.map((e) => `${e.key}=${escape(textOf(valueOf(s, e)))}`).join('&');
}

/**
 * Reads a location hash (with or without its leading '#'). Linear in the hash's length. A key
 * given more than once is read from its last entry (as URLSearchParams.get would not, but as
 * the CLI's flags do); each earlier entry is reported as ignored, so a link never changes a
 * setting without saying so.
 */
export function parseHashWith<S extends object, K extends string>(
  schema: Schema<S, K>,
  hash: string,
): HashRead<S> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const values = {} as Record<K, LimitValue>;
  for (const e of schema.entries) values[e.key] = valueOf(schema.defaults, e);
  const parts = body.split('&').filter((p) => p !== '');
  const lastOf = new Map<string, number>();
  const named = parts.map((part, i) => {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    const name = decode(key);
    const entry = name === null ? undefined : entryNamed(schema, name);
    if (entry) lastOf.set(entry.key, i);
    return { key, raw, name, entry };
  });
  const ignored: IgnoredEntry[] = [];
  const skip = (name: string, raw: string, reason: string) =>
    ignored.push({ name: excerpt(name), raw: excerpt(raw), reason });
  named.forEach(({ key, raw, name, entry }, i) => {
    if (name === null) return void skip(key, raw, 'malformed escape in the name');
    if (!entry) return void skip(name, raw, 'not a setting');
    if (lastOf.get(entry.key) !== i) {
      return void skip(entry.key, raw, `${entry.key} is given more than once; the last is used`);
    }
    const text = decode(raw);
    const check = text === null ? null : checkText(schema, entry.key, text);
    if (check?.ok) values[entry.key] = check.value;
    else skip(entry.key, raw, check ? check.message : 'malformed escape');
  });
  return { settings: assemble(schema, values), ignored };
}

/** One sentence naming what was ignored, or '' when nothing was. */
export function describeIgnored(ignored: readonly IgnoredEntry[]): string {
  if (ignored.length === 0) return '';
  const parts = ignored.map((e) => `${e.name}=${e.raw}`);
  return `Ignored from the link (defaults used instead): ${parts.join(', ')}.`;
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
