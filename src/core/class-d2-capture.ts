/**
 * The class kernels of class-d2-kernels.ts (which see, for the layout, the per-row rule and the
 * bits), also writing each support vector's row index into sv: every row writes its index at the
 * write position (acc.sv so far), and only a support vector moves it on, so no branch is needed.
 */
import type { PassSums } from './pass-sums.ts';

/** scanPositivesD2, also writing support-vector indices into sv. */
export function scanPositivesD2Capture(
  x: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array,
): void {
  const w0 = +w[0]!;
  const w1 = +w[1]!;
  const bias = +b;
  const gw = acc.gw;
  let loss = +acc.loss;
  let g0 = +gw[0]!;
  let g1 = +gw[1]!;
  // The write position: every row writes its index there, and only a support vector moves it on.
  const from = acc.sv | 0;
  let at = from;
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
    sv[at] = i;
    at = (at + aa) | 0;
    const b0 = x[(p + 2) | 0]!;
    const b1 = x[(p + 3) | 0]!;
    const bs = bias + w0 * b0 + w1 * b1;
    const bm = 1.0 - bs;
    const ba = +(bm > 0.0);
    loss += bm * ba;
    g0 -= ba * b0;
    g1 -= ba * b1;
    sv[at] = (i + 1) | 0;
    at = (at + ba) | 0;
    const c0 = x[(p + 4) | 0]!;
    const c1 = x[(p + 5) | 0]!;
    const cs = bias + w0 * c0 + w1 * c1;
    const cm = 1.0 - cs;
    const ca = +(cm > 0.0);
    loss += cm * ca;
    g0 -= ca * c0;
    g1 -= ca * c1;
    sv[at] = (i + 2) | 0;
    at = (at + ca) | 0;
    const d0 = x[(p + 6) | 0]!;
    const d1 = x[(p + 7) | 0]!;
    const ds = bias + w0 * d0 + w1 * d1;
    const dm = 1.0 - ds;
    const da = +(dm > 0.0);
    loss += dm * da;
    g0 -= da * d0;
    g1 -= da * d1;
    sv[at] = (i + 3) | 0;
    at = (at + da) | 0;
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
    sv[at] = i;
    at = (at + a) | 0;
    nonNegative = (nonNegative + +(s >= 0.0)) | 0;
  }
  acc.loss = loss;
  gw[0] = g0;
  gw[1] = g1;
  const count = at - from;
  acc.sv = at;
  acc.gb -= count;
  acc.signedPositive += nonNegative;
}

/** scanNegativesD2, also writing support-vector indices into sv. */
export function scanNegativesD2Capture(
  x: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array,
): void {
  const w0 = +w[0]!;
  const w1 = +w[1]!;
  const bias = +b;
  const gw = acc.gw;
  let loss = +acc.loss;
  let g0 = +gw[0]!;
  let g1 = +gw[1]!;
  // The write position: every row writes its index there, and only a support vector moves it on.
  const from = acc.sv | 0;
  let at = from;
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
    sv[at] = i;
    at = (at + aa) | 0;
    const b0 = x[(p + 2) | 0]!;
    const b1 = x[(p + 3) | 0]!;
    const bs = bias + w0 * b0 + w1 * b1;
    const bm = 1.0 + bs;
    const ba = +(bm > 0.0);
    loss += bm * ba;
    g0 += ba * b0;
    g1 += ba * b1;
    sv[at] = (i + 1) | 0;
    at = (at + ba) | 0;
    const c0 = x[(p + 4) | 0]!;
    const c1 = x[(p + 5) | 0]!;
    const cs = bias + w0 * c0 + w1 * c1;
    const cm = 1.0 + cs;
    const ca = +(cm > 0.0);
    loss += cm * ca;
    g0 += ca * c0;
    g1 += ca * c1;
    sv[at] = (i + 2) | 0;
    at = (at + ca) | 0;
    const d0 = x[(p + 6) | 0]!;
    const d1 = x[(p + 7) | 0]!;
    const ds = bias + w0 * d0 + w1 * d1;
    const dm = 1.0 + ds;
    const da = +(dm > 0.0);
    loss += dm * da;
    g0 += da * d0;
    g1 += da * d1;
    sv[at] = (i + 3) | 0;
    at = (at + da) | 0;
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
    sv[at] = i;
    at = (at + a) | 0;
    nonNegative = (nonNegative + +(s >= 0.0)) | 0;
  }
  acc.loss = loss;
  gw[0] = g0;
  gw[1] = g1;
  const count = at - from;
  acc.sv = at;
  acc.gb += count;
  acc.signedPositive -= nonNegative;
}
