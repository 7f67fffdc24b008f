/**
 * Readers of untrusted JSON-like data (an imported file, another tab's message, an IndexedDB
 * entry): each returns the value with its type checked or throws Invalid with a message that
 * names the value's path ('recipe.trueW[1] must be a number, got null').
 */

/** A failed check; its message is the sentence to show. */
export class Invalid extends Error {}

export type Obj = Record<string, unknown>;

/** A value as an error message shows it: numbers as they are, text quoted and cut short. */
export function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;
}

/** o[key] and its path (base.key), or a failure naming the path as missing. */
export function req(o: Obj, key: string, base = ''): [unknown, string] {
  const path = base ? `${base}.${key}` : key;
  if (o[key] === undefined) throw new Invalid(`${path} is missing`);
  return [o[key], path];
}

export function object(v: unknown, path: string): Obj {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
  throw new Invalid(`${path} must be an object, got ${shown(v)}`);
}

export function number(v: unknown, path: string): number {
  if (typeof v === 'number') return v;
  throw new Invalid(`${path} must be a number, got ${shown(v)}`);
}

/** An array of at most maxLength numbers, each read by `each`. */
export function numbers(
  v: unknown,
  path: string,
  maxLength: number,
  each: (x: unknown, path: string) => number,
): number[] {
  if (!Array.isArray(v)) throw new Invalid(`${path} must be an array, got ${shown(v)}`);
  if (v.length > maxLength) {
    throw new Invalid(`${path} must have at most ${maxLength} entries, got ${v.length}`);
  }
  return v.map((x: unknown, i) => each(x, `${path}[${i}]`));
}
