/**
 * The class kernels: d = 2 over a block of one class (the generator writes positives first, then
 * negatives), by the per-row rule of pass-kernels.ts, in row order. With y fixed, m = 1 − y·s is
 * 1 − s or 1 + s and −y·x is −x or x: the same IEEE operations as the reference with y = ±1, so
 * the same bits, without reading y (16 bytes a row instead of 24) or multiplying by it.
 *
 * Layout: x row-major n×2, w length 2, acc.gw length 2; support-vector indices go to
 * sv[acc.sv …] (the count so far is the write position).
 *
 * Per row, with a = [m > 0] as the number 0 or 1 (`+(m > 0)`: a compare and a convert, no
 * branch; adding a signed zero leaves every sum as it was): loss += m·a, g ∓= a·x. loss, g0 and g1
 * take the rows one by one; the integer-valued sums are counted in int32 and added once per slice:
 * count = Σ a (gb = ∓count), and the rows with s >= 0 (signedPositive = ±that).
 *
 * Four rows a turn (as rows-d2-kernels.ts, and why): V8 re-checks maps, reloads the data pointer
 * and polls the stack guard once per four rows. At 10^6 rows of the generator's layout this took
 * 3.05 ns a row against 3.85 for one row a turn (fastest of 9 interleaved batches, two runs).
 * The variants writing support-vector indices are in class-d2-capture.ts (V8 does not unswitch a
 * loop on a flag, so they are written out). Indices are int32 (`| 0`, `<< 1`): callers pass i1 <= n < 2^30.
 */
import type { PassSums } from './pass-sums.ts';

/** Rows [i0, i1), all labelled +1. */
export function scanPositivesD2(
  x: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
): void {
  const w0 = +w[0]!;
  const w1 = +w[1]!;
  const bias = +b;
  const gw = acc.gw;
  let loss = +acc.loss;
  let g0 = +gw[0]!;
  let g1 = +gw[1]!;
  let count = 0;
  let nonNegative = 0; // rows with s >= 0
  const end = i1 | 0;
  let i = i0 | 0;
  for (; i < ((end - 3) | 0); i = (i + 4) | 0) {
    const p = i << 1;
    const a0 = x[p]!;
    const a1 = x[p | 1]!;
    const as = bias + w0 * a0 + w1 * a1;
    const am = 1.0 - as;
    const aa = +(am > 0.0);
    loss += am * aa;
    g0 -= aa * a0;
    g1 -= aa * a1;
    const b0 = x[(p + 2) | 0]!;
    const b1 = x[(p + 3) | 0]!;
    const bs = bias + w0 * b0 + w1 * b1;
    const bm = 1.0 - bs;
    const ba = +(bm > 0.0);
    loss += bm * ba;
    g0 -= ba * b0;
    g1 -= ba * b1;
    const c0 = x[(p + 4) | 0]!;
    const c1 = x[(p + 5) | 0]!;
    const cs = bias + w0 * c0 + w1 * c1;
    const cm = 1.0 - cs;
    const ca = +(cm > 0.0);
    loss += cm * ca;
    g0 -= ca * c0;
    g1 -= ca * c1;
    const d0 = x[(p + 6) | 0]!;
    const d1 = x[(p + 7) | 0]!;
    const ds = bias + w0 * d0 + w1 * d1;
    const dm = 1.0 - ds;
    const da = +(dm > 0.0);
    loss += dm * da;
    g0 -= da * d0;
    g1 -= da * d1;
    count = (count + (aa + ba + (ca + da))) | 0;
    nonNegative = (nonNegative + (+(as >= 0.0) + +(bs >= 0.0) + (+(cs >= 0.0) + +(ds >= 0.0)))) | 0;
  }
  for (; i < end; i = (i + 1) | 0) {
    const x0 = x[i << 1]!;
    const x1 = x[(i << 1) | 1]!;
    const s = bias + w0 * x0 + w1 * x1;
    const m = 1.0 - s;
    const a = +(m > 0.0);
    loss += m * a;
    g0 -= a * x0;
    g1 -= a * x1;
    count = (count + a) | 0;
    nonNegative = (nonNegative + +(s >= 0.0)) | 0;
  }
  acc.loss = loss;
  gw[0] = g0;
  gw[1] = g1;
  acc.sv += count;
  acc.gb -= count;
  acc.signedPositive += nonNegative;
}

/** Rows [i0, i1), all labelled −1. */
export function scanNegativesD2(
  x: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
): void {
  const w0 = +w[0]!;
  const w1 = +w[1]!;
  const bias = +b;
  const gw = acc.gw;
  let loss = +acc.loss;
  let g0 = +gw[0]!;
  let g1 = +gw[1]!;
  let count = 0;
  let nonNegative = 0; // rows with s >= 0
  const end = i1 | 0;
  let i = i0 | 0;
  for (; i < ((end - 3) | 0); i = (i + 4) | 0) {
    const p = i << 1;
    const a0 = x[p]!;
    const a1 = x[p | 1]!;
    const as = bias + w0 * a0 + w1 * a1;
    const am = 1.0 + as;
    const aa = +(am > 0.0);
    loss += am * aa;
    g0 += aa * a0;
    g1 += aa * a1;
    const b0 = x[(p + 2) | 0]!;
    const b1 = x[(p + 3) | 0]!;
    const bs = bias + w0 * b0 + w1 * b1;
    const bm = 1.0 + bs;
    const ba = +(bm > 0.0);
    loss += bm * ba;
    g0 += ba * b0;
    g1 += ba * b1;
    const c0 = x[(p + 4) | 0]!;
    const c1 = x[(p + 5) | 0]!;
    const cs = bias + w0 * c0 + w1 * c1;
    const cm = 1.0 + cs;
    const ca = +(cm > 0.0);
    loss += cm * ca;
    g0 += ca * c0;
    g1 += ca * c1;
    const d0 = x[(p + 6) | 0]!;
    const d1 = x[(p + 7) | 0]!;
    const ds = bias + w0 * d0 + w1 * d1;
    const dm = 1.0 + ds;
    const da = +(dm > 0.0);
    loss += dm * da;
    g0 += da * d0;
    g1 += da * d1;
    count = (count + (aa + ba + (ca + da))) | 0;
    nonNegative = (nonNegative + (+(as >= 0.0) + +(bs >= 0.0) + (+(cs >= 0.0) + +(ds >= 0.0)))) | 0;
  }
  for (; i < end; i = (i + 1) | 0) {
    const x0 = x[i << 1]!;
    const x1 = x[(i << 1) | 1]!;
    const s = bias + w0 * x0 + w1 * x1;
    const m = 1.0 + s;
    const a = +(m > 0.0);
    loss += m * a;
    g0 += a * x0;
    g1 += a * x1;
    count = (count + a) | 0;
    nonNegative = (nonNegative + +(s >= 0.0)) | 0;
  }
  acc.loss = loss;
  gw[0] = g0;
  gw[1] = g1;
  acc.sv += count;
  acc.gb += count;
  acc.signedPositive -= nonNegative;
}
