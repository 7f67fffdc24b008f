/**
 * The fixed blocked order of summation: how every full pass over n rows adds up its sums, so
 * that the result does not depend on how many threads share the pass.
 *
 * CONTRACT (stable; the multi-thread pool builds on it):
 * - Rows are cut into blocks of BLOCK_ROWS: block k holds rows [k·B, min(n, (k+1)·B)) for
 *   k = 0 … blockCount(n) − 1 (blockStart(k), blockEnd(k, n)).
 * - A block's partial is its rows summed from zero in the reference's order (row by row, as in
 *   pass-kernels.ts): scanBlock(). Any thread may compute any block.
 * - The pass's total is the partials added in block order, 0 + p_0 + p_1 + …, by addPartial()
 *   into a total cleared with clearSums() (pass-sums.ts; evaluate.ts re-exports it).
 * - For n ≤ B that is 0 + p_0 = p_0, bit for bit the reference's sequential order (a partial is
 *   never −0), so the article's numbers and the report fixtures are unchanged.
 * - Support-vector indices: scanBlock writes the indices of its block's support vectors, in
 *   ascending order, to sv[svAt], sv[svAt + 1], … (partial.sv of them); the kernels may also
 *   write scratch values up to sv[svAt + (i1 − i0) − 1], so sv needs that length. Indices are
 *   positions in the x and y given (a shard holding rows from r adds r to get the global row).
 *   With svAt = the total's sv count before the block, the indices of a whole pass come out
 *   contiguous and ascending, as the single-thread core writes them.
 * - The non-finite rule: a block whose fast sums meet a NaN or −∞ margin is redone from zero by
 *   the reference's branches (scanRowsCareful); per row the two give the same operations
 *   otherwise, so where the rerun starts does not change the bits.
 *
 * Only loss and gw depend on the order (gb, sv and signedPositive are sums of small integers,
 * exact in any order); the rule fixes all of them anyway.
 */
import type { Dataset } from './dataset.ts';
import { scanRowsCareful } from './pass-kernels.ts';
import { clearSums, copySums, isClassBlocked, type PassSums } from './pass-sums.ts';
import { scanFast } from './scan-dispatch.ts';

/** Rows per block: B. */
export const BLOCK_ROWS = 65536;

/** Blocks of a pass over n rows: ⌈n / B⌉ (0 for n = 0). */
export function blockCount(n: number): number {
  return Math.ceil(n / BLOCK_ROWS);
}

/** First row of block k. */
export function blockStart(k: number): number {
  return k * BLOCK_ROWS;
}

/** One past the last row of block k of a pass over n rows. */
export function blockEnd(k: number, n: number): number {
  return Math.min(n, (k + 1) * BLOCK_ROWS);
}

/**
 * The rows a pass reads: x row-major (d per row), y ±1, and `classSplit`, a speed hint only:
 * when d = 2 and rows [0, classSplit) are +1 and the rest −1 (the generator's layout), the
 * class kernels run; else −1. The bits are the same either way.
 */
export interface PassRows {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly d: number;
  readonly classSplit: number;
}

/** A dataset's PassRows, with classSplit checked against its labels. */
export function passRows(data: Dataset): PassRows {
  let positives = 0;
  for (let i = 0; i < data.n; i++) positives += +(data.y[i]! > 0);
  const blocked = data.d === 2 && isClassBlocked(data.y, positives);
  return { x: data.x, y: data.y, d: data.d, classSplit: blocked ? positives : -1 };
}

/**
 * One block's partial: clears `partial` and sums rows [i0, i1) (one whole block) into it in the
 * reference's order, writing support-vector indices at sv[svAt …] when sv is not null. The fast
 * kernels run first; a NaN loss (a NaN or −∞ margin) redoes the block by the reference's branches.
 */
export function scanBlock(
  rows: PassRows,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  partial: PassSums,
  sv: Uint32Array | null,
  svAt: number,
): void {
  clearSums(partial);
  partial.sv = svAt;
  scanFast(rows, w, b, i0, i1, partial, sv);
  if (Number.isNaN(partial.loss)) {
    clearSums(partial);
    partial.sv = svAt;
    scanRowsCareful(rows.x, rows.y, w, b, i0, i1, partial, sv);
  }
  partial.sv -= svAt;
}

/**
 * Continues one block's partial over rows [i0, i1) inside that block (a resumable pass's slice):
 * the same bits as scanBlock over the whole block, however the block is sliced. Indices go to
 * sv[svAt + partial.sv …]. `saved` is scratch (same d) for the careful rerun of this slice.
 */
export function continueBlock(
  rows: PassRows,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  partial: PassSums,
  sv: Uint32Array | null,
  svAt: number,
  saved: PassSums,
): void {
  copySums(partial, saved);
  partial.sv += svAt;
  scanFast(rows, w, b, i0, i1, partial, sv);
  if (Number.isNaN(partial.loss)) {
    copySums(saved, partial);
    partial.sv += svAt;
    scanRowsCareful(rows.x, rows.y, w, b, i0, i1, partial, sv);
  }
  partial.sv -= svAt;
}

/** total ← total + partial, field by field (the next block's turn in the fixed order). */
export function addPartial(total: PassSums, partial: PassSums): void {
  total.loss += partial.loss;
  total.gb += partial.gb;
  total.sv += partial.sv;
  total.signedPositive += partial.signedPositive;
  const gw = total.gw;
  const pw = partial.gw;
  for (let j = 0; j < gw.length; j++) gw[j] = gw[j]! + pw[j]!;
}

/**
 * A whole pass over rows [0, n) by the rule, single-threaded: `total` gets the sums, sv (when
 * not null, length >= n) the ascending support-vector indices. `partial` is scratch (same d).
 */
export function scanAllBlocks(
  rows: PassRows,
  n: number,
  w: Float64Array,
  b: number,
  total: PassSums,
  partial: PassSums,
  sv: Uint32Array | null,
): void {
  clearSums(total);
  const blocks = blockCount(n);
  for (let k = 0; k < blocks; k++) {
    scanBlock(rows, w, b, blockStart(k), blockEnd(k, n), partial, sv, total.sv);
    addPartial(total, partial);
  }
}
