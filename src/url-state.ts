/**
 * The experiment in the URL hash: `#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05
 * &epochs=400&reg=0.01`, every setting of the schema (src/settings/schema.ts) in its order.
 * parseHash(serialiseHash(s)) gives back s exactly for valid settings. A missing field takes its
 * default silently; a malformed, out-of-range or unknown one is ignored (the field keeps its
 * default) and reported, so the page can say what it dropped (src/settings/hash.ts).
 */
import { parseHashWith, serialiseHashWith, type HashRead } from './settings/hash.ts';
import { SETTINGS, type Settings } from './settings/schema.ts';

export { describeIgnored, type IgnoredEntry } from './settings/hash.ts';

export type UrlState = HashRead<Settings>;

/** '#seed=…&…&reg=…' for the settings, fields in schema order. */
export function serialiseHash(s: Settings): string {
  return serialiseHashWith(SETTINGS, s);
}

/** Reads a location hash (with or without its leading '#'). */
export function parseHash(hash: string): UrlState {
  return parseHashWith(SETTINGS, hash);
}
