/**
 * The experiment in the URL hash: `#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05
 * &epochs=400&reg=0.01`. parseHash(serialiseHash(s)) gives back s exactly for valid settings.
 * A missing field takes its default silently; a malformed, out-of-range or unknown one is ignored
 * (the field keeps its default) and reported, so the page can say what it dropped.
 */
import {
  DEFAULT_SETTINGS,
  FIELD_NAMES,
  assemble,
  checkField,
  fieldText,
  isFieldName,
  type FieldName,
  type Settings,
} from './fields.ts';

/** A hash entry that was not used, with why. */
export interface IgnoredEntry {
  name: string;
  raw: string;
  reason: string;
}

export interface UrlState {
  settings: Settings;
  ignored: IgnoredEntry[];
}

/** '#seed=…&…&reg=…' for the settings, fields in FIELD_NAMES order. */
export function serialiseHash(s: Settings): string {
  return '#' + FIELD_NAMES.map((name) => `${name}=${fieldText(s, name)}`).join('&');
}

/** Reads a location hash (with or without its leading '#'). */
export function parseHash(hash: string): UrlState {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const values = {} as Record<FieldName, number | number[]>;
  for (const name of FIELD_NAMES) {
    const check = checkField(name, fieldText(DEFAULT_SETTINGS, name));
    if (check.ok) values[name] = check.value;
  }
  const ignored: IgnoredEntry[] = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    if (name === null || !isFieldName(name)) {
      ignored.push({ name: name ?? part, raw, reason: 'not a setting' });
      continue;
    }
    const text = decode(raw);
    const check = text === null ? null : checkField(name, text);
    if (check?.ok) values[name] = check.value;
    else ignored.push({ name, raw, reason: check ? check.message : 'malformed escape' });
  }
  return { settings: assemble(values), ignored };
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
