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
 * - The gradient takes the four rows column by column with 0/1 masks, gw_j −= (y·a)·x_j for each
 *   row in order, instead of a branch per row: no mispredicted branches, and gw_j is loaded and
 *   stored once per four rows. A row that is not a support vector subtracts a signed zero, which
 *   changes no sum (none of them is ever −0: each starts at +0). Four rows with no support vector
 *   skip the columns. At 10^6 random rows this took d = 8 from about 22.8 to 16.9 ns a row (fastest
 *   of 7 interleaved batches) and left d = 32 as it was.
 * - The integer-valued sums (count, gb, signedPositive) are exact in any grouping: the four rows'
 *   are added together. The null test of sv is a well-predicted branch beside the rows' work.
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
  const d = w.length | 0;
  const gw = acc.gw;
  const bias = +b;
  let loss = +acc.loss;
  let gb = +acc.gb;
  let count = +acc.sv;
  let signedPositive = +acc.signedPositive;
  for (let i = i0 | 0; i < i1; i = (i + 4) | 0) {
    const r0 = Math.imul(i, d);
    const r1 = (r0 + d) | 0;
    const r2 = (r1 + d) | 0;
    const r3 = (r2 + d) | 0;
    let s0 = bias;
    let s1 = bias;
    let s2 = bias;
    let s3 = bias;
    // Four independent dot products, each summed left to right.
    for (let j = 0; j < d; j = (j + 1) | 0) {
      const wj = w[j]!;
      s0 += wj * x[(r0 + j) | 0]!;
      s1 += wj * x[(r1 + j) | 0]!;
      s2 += wj * x[(r2 + j) | 0]!;
      s3 += wj * x[(r3 + j) | 0]!;
    }
    // Then the four rows' terms, in row order.
    const y0 = y[i]!;
    const y1 = y[(i + 1) | 0]!;
    const y2 = y[(i + 2) | 0]!;
    const y3 = y[(i + 3) | 0]!;
    const m0 = 1.0 - y0 * s0;
    const m1 = 1.0 - y1 * s1;
    const m2 = 1.0 - y2 * s2;
    const m3 = 1.0 - y3 * s3;
    const a0 = +(m0 > 0.0);
    const a1 = +(m1 > 0.0);
    const a2 = +(m2 > 0.0);
    const a3 = +(m3 > 0.0);
    loss += m0 * a0;
    loss += m1 * a1;
    loss += m2 * a2;
    loss += m3 * a3;
    const q0 = y0 * a0;
    const q1 = y1 * a1;
    const q2 = y2 * a2;
    const q3 = y3 * a3;
    // Column by column, the four rows' gradient terms in row order (a row that is not a support
    // vector subtracts a zero); skipped when none of the four is one.
    if (a0 + a1 + a2 + a3 > 0) {
      for (let j = 0; j < d; j = (j + 1) | 0) {
        let g = gw[j]!;
        g -= q0 * x[(r0 + j) | 0]!;
        g -= q1 * x[(r1 + j) | 0]!;
        g -= q2 * x[(r2 + j) | 0]!;
        g -= q3 * x[(r3 + j) | 0]!;
        gw[j] = g;
      }
    }
    if (sv !== null) {
      // Every row writes its index at the count; only a support vector moves the count on.
      sv[count] = i;
      count += a0;
      sv[count] = (i + 1) | 0;
      count += a1;
      sv[count] = (i + 2) | 0;
      count += a2;
      sv[count] = (i + 3) | 0;
      count += a3;
    } else count += a0 + a1 + (a2 + a3);
    gb -= q0 + q1 + (q2 + q3);
    signedPositive +=
      y0 * +(s0 >= 0.0) + y1 * +(s1 >= 0.0) + (y2 * +(s2 >= 0.0) + y3 * +(s3 >= 0.0));
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
