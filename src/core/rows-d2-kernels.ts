/**
 * The d = 2 general kernels: rows in any order (labels read per row), by the per-row rule of
 * pass-kernels.ts, in row order, so the bits equal the reference loop's whenever every margin is
 * finite (a NaN or −∞ margin makes the loss NaN and the caller reruns carefully).
 *
 * Layout: x row-major n×2, y ±1 (length n), w length 2, acc.gw length 2; support-vector indices
 * go to sv[acc.sv …] (the count so far is the write position).
 *
 * Per row i, with a = [m > 0] as the number 0 or 1 (`+(m > 0)`: V8 compiles it to a compare and a
 * convert, no branch; adding a signed zero leaves every sum as it was):
 *   s = b + w0·x0 + w1·x1,   m = 1 − y·s,   loss += m·a,   g0 −= (y·a)·x0,   g1 −= (y·a)·x1.
 * loss, g0 and g1 are the only sums whose bits depend on order: they take the rows one by one.
 * The others are integer-valued, hence exact in any order and grouping (below 2^53): the count
 * Σ a, Σ y·a (gb = −Σ y·a) and signedPositive = Σ y·[s >= 0]; they are summed per group of rows
 * and added to acc once, at the end of the slice.
 *
 * Why four rows a turn: V8 (Node 20) re-checks each array's map and reloads its data pointer on
 * every turn of a loop, and polls the stack guard; four rows a turn pay that once for four. On
 * this machine the unrolled loop took 4.3–4.5 ns a row at 10^6 random-order rows, against 5.5–5.9
 * for one row a turn (fastest of 9 interleaved batches, three runs). Indices are int32 (`| 0`,
 * `<< 1`) so V8 emits no overflow checks for them; callers pass i1 <= n < 2^30.
 */
import type { PassSums } from './pass-sums.ts';

/** d = 2, rows in any order, without writing indices. */
export function scanRowsD2(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
): void {
  // The unary + makes the loads plain doubles even when the objects reaching here differ in
  // shape (else V8 may keep the running sums boxed: about twice the time).
  const w0 = +w[0]!;
  const w1 = +w[1]!;
  const bias = +b;
  const gw = acc.gw;
  let loss = +acc.loss;
  let g0 = +gw[0]!;
  let g1 = +gw[1]!;
  let count = 0.0; // Σ a
  let ySv = 0.0; // Σ y·a, the support vectors' labels
  let signed = 0.0; // Σ y·[s >= 0]
  const end = i1 | 0;
  let i = i0 | 0;
  for (; i < ((end - 3) | 0); i = (i + 4) | 0) {
    const p = i << 1;
    const a0 = x[p]!;
    const a1 = x[p | 1]!;
    const ay = y[i]!;
    const as = bias + w0 * a0 + w1 * a1;
    const am = 1.0 - ay * as;
    const aa = +(am > 0.0);
    const aq = ay * aa;
    loss += am * aa;
    g0 -= aq * a0;
    g1 -= aq * a1;
    const b0 = x[(p + 2) | 0]!;
    const b1 = x[(p + 3) | 0]!;
    const by = y[(i + 1) | 0]!;
    const bs = bias + w0 * b0 + w1 * b1;
    const bm = 1.0 - by * bs;
    const ba = +(bm > 0.0);
    const bq = by * ba;
    loss += bm * ba;
    g0 -= bq * b0;
    g1 -= bq * b1;
    const c0 = x[(p + 4) | 0]!;
    const c1 = x[(p + 5) | 0]!;
    const cy = y[(i + 2) | 0]!;
    const cs = bias + w0 * c0 + w1 * c1;
    const cm = 1.0 - cy * cs;
    const ca = +(cm > 0.0);
    const cq = cy * ca;
    loss += cm * ca;
    g0 -= cq * c0;
    g1 -= cq * c1;
    const d0 = x[(p + 6) | 0]!;
    const d1 = x[(p + 7) | 0]!;
    const dy = y[(i + 3) | 0]!;
    const ds = bias + w0 * d0 + w1 * d1;
    const dm = 1.0 - dy * ds;
    const da = +(dm > 0.0);
    const dq = dy * da;
    loss += dm * da;
    g0 -= dq * d0;
    g1 -= dq * d1;
    count += aa + ba + (ca + da);
    ySv += aq + bq + (cq + dq);
    signed += ay * +(as >= 0.0) + by * +(bs >= 0.0) + (cy * +(cs >= 0.0) + dy * +(ds >= 0.0));
  }
  for (; i < end; i = (i + 1) | 0) {
    const x0 = x[i << 1]!;
    const x1 = x[(i << 1) | 1]!;
    const yi = y[i]!;
    const s = bias + w0 * x0 + w1 * x1;
    const m = 1.0 - yi * s;
    const a = +(m > 0.0);
    const q = yi * a;
    loss += m * a;
    g0 -= q * x0;
    g1 -= q * x1;
    count += a;
    ySv += q;
    signed += yi * +(s >= 0.0);
  }
  acc.loss = loss;
  gw[0] = g0;
  gw[1] = g1;
  acc.sv += count;
  acc.gb -= ySv;
  acc.signedPositive += signed;
}

/** d = 2, rows in any order, writing support-vector indices into sv. */
export function scanRowsD2Capture(
  x: Float64Array,
  y: Float64Array,
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
  let at = acc.sv | 0;
  let ySv = 0.0;
  let signed = 0.0;
  const end = i1 | 0;
  let i = i0 | 0;
  for (; i < ((end - 3) | 0); i = (i + 4) | 0) {
    const p = i << 1;
    const a0 = x[p]!;
    const a1 = x[p | 1]!;
    const ay = y[i]!;
    const as = bias + w0 * a0 + w1 * a1;
    const am = 1.0 - ay * as;
    const aa = +(am > 0.0);
    const aq = ay * aa;
    loss += am * aa;
    g0 -= aq * a0;
    g1 -= aq * a1;
    sv[at] = i;
    at = (at + aa) | 0;
    const b0 = x[(p + 2) | 0]!;
    const b1 = x[(p + 3) | 0]!;
    const by = y[(i + 1) | 0]!;
    const bs = bias + w0 * b0 + w1 * b1;
    const bm = 1.0 - by * bs;
    const ba = +(bm > 0.0);
    const bq = by * ba;
    loss += bm * ba;
    g0 -= bq * b0;
    g1 -= bq * b1;
    sv[at] = (i + 1) | 0;
    at = (at + ba) | 0;
    const c0 = x[(p + 4) | 0]!;
    const c1 = x[(p + 5) | 0]!;
    const cy = y[(i + 2) | 0]!;
    const cs = bias + w0 * c0 + w1 * c1;
    const cm = 1.0 - cy * cs;
    const ca = +(cm > 0.0);
    const cq = cy * ca;
    loss += cm * ca;
    g0 -= cq * c0;
    g1 -= cq * c1;
    sv[at] = (i + 2) | 0;
    at = (at + ca) | 0;
    const d0 = x[(p + 6) | 0]!;
    const d1 = x[(p + 7) | 0]!;
    const dy = y[(i + 3) | 0]!;
    const ds = bias + w0 * d0 + w1 * d1;
    const dm = 1.0 - dy * ds;
    const da = +(dm > 0.0);
    const dq = dy * da;
    loss += dm * da;
    g0 -= dq * d0;
    g1 -= dq * d1;
    sv[at] = (i + 3) | 0;
    at = (at + da) | 0;
    ySv += aq + bq + (cq + dq);
    signed += ay * +(as >= 0.0) + by * +(bs >= 0.0) + (cy * +(cs >= 0.0) + dy * +(ds >= 0.0));
  }
  for (; i < end; i = (i + 1) | 0) {
    const x0 = x[i << 1]!;
    const x1 = x[(i << 1) | 1]!;
    const yi = y[i]!;
    const s = bias + w0 * x0 + w1 * x1;
    const m = 1.0 - yi * s;
    const a = +(m > 0.0);
    const q = yi * a;
    loss += m * a;
    g0 -= q * x0;
    g1 -= q * x1;
    sv[at] = i;
    at = (at + a) | 0;
    ySv += q;
    signed += yi * +(s >= 0.0);
  }
  acc.loss = loss;
  gw[0] = g0;
  gw[1] = g1;
  acc.sv = at;
  acc.gb -= ySv;
  acc.signedPositive += signed;
}
