/**
 * A schema's settings as table columns: each entry's heading, its value as a cell shows it, and
 * which entries are not the same in every row (the Compare table highlights those).
 */
import type { LimitValue } from '../core/limits.ts';
import { sameValue, valueOf, type Schema, type SettingEntry } from './define.ts';
import { numberText } from './text.ts';

/** The keys of the entries whose values are not the same in every item (none below two). */
export function differingKeys<K extends string>(
  schema: Schema<object, K>,
  items: readonly object[],
): Set<K> {
  const out = new Set<K>();
  const first = items[0];
  if (!first) return out;
  for (const e of schema.entries) {
    const v = valueOf(first, e);
    if (items.some((item) => !sameValue(valueOf(item, e), v))) out.add(e.key);
  }
  return out;
}

/**
 * A value as a table cell shows it: numbers as the URL writes them (−0 shown, since the diff
 * tells it from 0), list items comma-and-space separated, a choice by its label.
 */
export function cellText(entry: SettingEntry, v: LimitValue): string {
  if (typeof v === 'string') return entry.optionLabels?.[v] ?? v;
  return typeof v === 'number' ? numberText(v) : v.map(numberText).join(', ');
}
