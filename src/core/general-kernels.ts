/**
 * The general kernel for any d: rows in any order (labels read per row), by the per-row rule of
 * pass-kernels.ts, in row order, so the bits equal the reference loop's whenever every margin is
 * finite (a NaN or −∞ margin makes the loss NaN and the caller reruns carefully). d = 2 has its
 * own, faster kernels (rows-d2-kernels.ts).
 *
 * Layout: x row-major n×d, y ±1 (length n), w length d, acc.gw length d; support-vector indices
 * go to sv[acc.sv …] (the count so far is the write position) unless sv is null.
 *
 * Why it is fast without changing a bit:
 * - It computes the dot products of four rows in one loop: each s is still summed left to
 *   right, but the four chains of dependent additions overlap instead of waiting on each other
 *   (the C loop waits on one chain). The four rows' terms are then added in row order.
 *   The gradient is added under a branch on m > 0: for d of several columns that skips d
 *   multiply-adds on most rows, which costs less than the mispredicted branches.
 * The null test of sv is a well-predicted branch beside the row's work.
 */
import type { PassSums } from './pass-sums.ts';

/** gw += ny·x[row … row + d): one support vector's term of the gradient, column by column. */
function addRow(gw: Float64Array, x: Float64Array, row: number, d: number, ny: number): void {
  for (let j = 0; j < d; j++) gw[j] = gw[j]! + ny * x[row + j]!;
}

/**
 * Any d >= 1, rows in any order; indices into sv unless it is null. The rows go in groups of
 * four, then one by one; the two loops are separate functions so that a tail first met late
 * (after V8 has optimised the groups' loop on whole groups) does not throw that code away.
 */
export function scanRowsAny(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array | null,
): void {
  const i4 = i0 + ((i1 - i0) & ~3);
  if (i0 < i4) scanGroupsOf4(x, y, w, b, i0, i4, acc, sv);
  if (i4 < i1) scanOneByOne(x, y, w, b, i4, i1, acc, sv);
}

/** Rows [i0, i1), i1 − i0 a multiple of 4: four dot products at a time, then the rows in order. */
function scanGroupsOf4(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array | null,
): void {
  const d = w.length;
  const gw = acc.gw;
  let loss = +acc.loss;
  let gb = +acc.gb;
  let count = +acc.sv;
  let signedPositive = +acc.signedPositive;
  for (let i = i0; i < i1; i += 4) {
    const r0 = i * d;
    let s0 = b;
    let s1 = b;
    let s2 = b;
    let s3 = b;
    // Four independent dot products, each summed left to right.
    for (let j = 0; j < d; j++) {
      const wj = w[j]!;
      const p = r0 + j;
      s0 += wj * x[p]!;
      s1 += wj * x[p + d]!;
      s2 += wj * x[p + 2 * d]!;
      s3 += wj * x[p + 3 * d]!;
    }
    // Then the four rows' terms, in row order.
    for (let k = 0; k < 4; k++) {
      const s = k === 0 ? s0 : k === 1 ? s1 : k === 2 ? s2 : s3;
      const yi = y[i + k]!;
      const m = 1.0 - yi * s;
      const active = +(m > 0.0);
      loss += m * active;
      if (m > 0.0) {
        addRow(gw, x, r0 + k * d, d, -yi);
        if (sv !== null) sv[count] = i + k;
      }
      gb += -yi * active;
      count += active;
      signedPositive += yi * +(s >= 0.0);
    }
  }
  acc.loss = loss;
  acc.gb = gb;
  acc.sv = count;
  acc.signedPositive = signedPositive;
}

/** Rows [i0, i1) one at a time (the tail of scanRowsAny). */
function scanOneByOne(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array | null,
): void {
  const d = w.length;
  const gw = acc.gw;
  for (let i = i0; i < i1; i++) {
    const row = i * d;
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[row + j]!;
    const yi = y[i]!;
    const m = 1.0 - yi * s;
    const active = +(m > 0.0);
    acc.loss += m * active;
    if (m > 0.0) {
      addRow(gw, x, row, d, -yi);
      if (sv !== null) sv[acc.sv] = i;
    }
    acc.gb += -yi * active;
    acc.sv += active;
    acc.signedPositive += yi * +(s >= 0.0);
  }
}
