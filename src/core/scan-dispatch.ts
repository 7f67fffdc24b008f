/**
 * Picks the fastest kernel for a slice of rows [i0, i1): the wasm kernel when the rows live in a
 * row memory (wasm/row-memory.ts); else the JavaScript class kernels
 * when the rows follow the generator's layout at d = 2, else the general ones; with or without
 * writing support-vector indices. Every kernel adds the same IEEE operations in the same row
 * order, so the choice changes the speed, never the bits.
 */
import type { PassRows } from './blocked-sums.ts';
import { scanRowsAny } from './general-kernels.ts';
import { scanNegativesD2Capture, scanPositivesD2Capture } from './class-d2-capture.ts';
import { scanNegativesD2, scanPositivesD2 } from './class-d2-kernels.ts';
import type { PassSums } from './pass-sums.ts';
import { scanRowsD2, scanRowsD2Capture } from './rows-d2-kernels.ts';
import { scanInRowMemory } from './wasm/row-scan.ts';

/**
 * Continues `acc` over rows [i0, i1) with the fast (mask) kernels; writes support-vector indices
 * at sv[acc.sv …] when sv is not null. A NaN acc.loss afterwards means a margin was NaN or −∞.
 */
export function scanFast(
  rows: PassRows,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array | null,
): void {
  const { x, y, classSplit } = rows;
  // Rows in a row memory go to the wasm kernel, in any layout (same bits).
  if (scanInRowMemory(x, y, w, b, i0, i1, acc, sv, classSplit)) return;
  if (classSplit < 0) {
    if (w.length !== 2) scanRowsAny(x, y, w, b, i0, i1, acc, sv);
    else if (sv) scanRowsD2Capture(x, y, w, b, i0, i1, acc, sv);
    else scanRowsD2(x, y, w, b, i0, i1, acc);
    return;
  }
  const p1 = Math.min(i1, classSplit);
  const n0 = Math.max(i0, classSplit);
  if (sv) {
    if (i0 < p1) scanPositivesD2Capture(x, w, b, i0, p1, acc, sv);
    if (n0 < i1) scanNegativesD2Capture(x, w, b, n0, i1, acc, sv);
  } else {
    if (i0 < p1) scanPositivesD2(x, w, b, i0, p1, acc);
    if (n0 < i1) scanNegativesD2(x, w, b, n0, i1, acc);
  }
}
