/**
 * Which runs trained on the same data: an imported file is known by its content hash (the same
 * hash, the same x and y row for row, whatever the file was called), the generator's data by its
 * recipe. Compare groups its rows, overlays decision lines and shares P* by this.
 */
import { sameRecipe } from '../fields.ts';
import { excerpt } from '../settings/excerpt.ts';
import type { RunData, RunRecord } from './run-record.ts';

/** Whether two runs' data are the same: both the same imported file, or both drawn alike. */
export function sameData(
  a: Pick<RunRecord, 'recipe' | 'data'>,
  b: Pick<RunRecord, 'recipe' | 'data'>,
): boolean {
  if (a.data || b.data) return a.data?.hash !== undefined && a.data.hash === b.data?.hash;
  return sameRecipe(a.recipe, b.recipe);
}

/** 'file “name.csv” · 60 × 5 · 0123456789abcdef', the tag of a run on imported data. */
export function dataTag(data: RunData): string {
  return `file “${excerpt(data.name, 40)}” · ${data.rows.toLocaleString('en-US')} × ${data.d} · ${data.hash}`;
}
