/**
 * A schema's settings in a URL hash: `#key=text&…`, every entry in schema order, texts as the
 * form writes them. parseHashWith(serialiseHashWith(s)) gives back s exactly for valid settings.
 * A missing entry takes its default silently; a malformed, out-of-range or unknown one is
 * ignored (the entry keeps its default) and reported, so the page can say what it dropped.
 */
import type { LimitValue } from '../core/limits.ts';
import { assemble, entryNamed, valueOf, type Schema } from './define.ts';
import { checkText } from './form.ts';
import { textOf } from './text.ts';

/** A hash entry that was not used, with why. */
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

/** '#key=…&…' for the settings, entries in schema order. */
export function serialiseHashWith<S extends object>(schema: Schema<S>, s: S): string {
  return '#' + schema.entries.map((e) => `${e.key}=${escape(textOf(valueOf(s, e)))}`).join('&');
}

/** Reads a location hash (with or without its leading '#'). */
export function parseHashWith<S extends object, K extends string>(
  schema: Schema<S, K>,
  hash: string,
): HashRead<S> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const values = {} as Record<K, LimitValue>;
  for (const e of schema.entries) values[e.key] = valueOf(schema.defaults, e);
  const ignored: IgnoredEntry[] = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    const entry = name === null ? undefined : entryNamed(schema, name);
    if (!entry) {
      ignored.push({ name: name ?? part, raw, reason: 'not a setting' });
      continue;
    }
    const text = decode(raw);
    const check = text === null ? null : checkText(schema, entry.key, text);
    if (check?.ok) values[entry.key] = check.value;
    else ignored.push({ name: entry.key, raw, reason: check ? check.message : 'malformed escape' });
  }
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
