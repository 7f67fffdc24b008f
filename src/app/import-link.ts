/**
 * An imported dataset in the URL hash. The file itself never goes in a link (it may be hundreds
 * of MB, and private); the link names it: `&data=<content hash>&file=<name>&rows=<n>&d=<d>`,
 * after the settings' entries (src/url-state.ts), so a generator link is the same bytes as
 * before. Opened elsewhere, the page draws the generator's data from the settings as usual and
 * asks for that file (name, rows, d, hash), which the import then matches by its hash.
 */
import type { DataSource } from '../../workers/import-api.ts';
import { excerpt } from '../settings/excerpt.ts';
import type { IgnoredEntry } from '../url-state.ts';

/** The data a link names. */
export interface LinkedSource {
  /** The content hash: 16 lowercase hex digits (src/core/import/dataset-hash.ts). */
  hash: string;
  /** The file's name as it was imported (user text: show it escaped). */
  name: string;
  rows: number;
  d: number;
}

const KEYS = ['data', 'file', 'rows', 'd'] as const;
/** A name in a link is cut to this many characters. */
const MAX_NAME = 200;

function escapeValue(text: string): string {
  return encodeURIComponent(text);
}

/** The hash with the source's entries appended (the hash as it is when there is no source). */
export function withDataLink(hash: string | null, source: LinkedSource | null): string | null {
  if (hash === null || source === null) return hash;
  const name = escapeValue(source.name.slice(0, MAX_NAME));
  return `${hash}&data=${source.hash}&file=${name}&rows=${source.rows}&d=${source.d}`;
}

/** What a link says of an imported source. */
export function linkedOf(source: DataSource): LinkedSource {
  return { hash: source.hash, name: source.name, rows: source.rows, d: source.d };
}

/**
 * Splits a location hash into the settings' part (for parseHash) and the data source it names,
 * with the data entries it could not use (a bad hash, rows or d: then no source at all).
 */
export function splitDataLink(hash: string): {
  rest: string;
  linked: LinkedSource | null;
  ignored: IgnoredEntry[];
} {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const kept: string[] = [];
  const found = new Map<string, string>();
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if ((KEYS as readonly string[]).includes(key)) found.set(key, eq < 0 ? '' : part.slice(eq + 1));
    else if (part !== '') kept.push(part);
  }
  const rest = '#' + kept.join('&');
  if (!found.has('data')) return { rest, linked: null, ignored: [] };
  const ignored: IgnoredEntry[] = [];
  const skip = (key: string, reason: string) =>
    ignored.push({ name: key, raw: excerpt(found.get(key) ?? ''), reason });
  const data = found.get('data')!;
  if (!/^[0-9a-f]{16}$/.test(data)) skip('data', 'expected 16 hex digits (a content hash)');
  const rows = integerIn(found.get('rows'), 1, 10_000_000);
  if (rows === null) skip('rows', 'expected an integer in [1, 10000000]');
  const d = integerIn(found.get('d'), 1, 1000);
  if (d === null) skip('d', 'expected an integer in [1, 1000]');
  const name = decode(found.get('file') ?? '');
  if (name === null) skip('file', 'malformed escape');
  if (ignored.length > 0 || rows === null || d === null) return { rest, linked: null, ignored };
  return { rest, linked: { hash: data, name: (name ?? '').slice(0, MAX_NAME), rows, d }, ignored };
}

function integerIn(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return null;
  const v = Number(text);
  return v >= min && v <= max ? v : null;
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
