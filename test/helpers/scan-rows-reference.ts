import type { PassSums } from '../../src/core/pass-sums.ts';

/**
 * The first general kernel (any d, any order of labels, one row at a time, gradient by the mask);
 * always writes support-vector indices. Passes take src/core/general-kernels.ts, bit for bit the
 * same and several times faster; this simple form is kept here, in the tests, as their reference.
 */
export function scanRows(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array,
): void {
  const d = w.length;
  const gw = acc.gw;
  let loss = acc.loss;
  let gb = acc.gb;
  let count = acc.sv;
  let signedPositive = acc.signedPositive;
  for (let i = i0; i < i1; i++) {
    const row = i * d;
    const yi = y[i]!;
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[row + j]!;
    const m = 1.0 - yi * s;
    const active = +(m > 0.0);
    const ny = -yi * active;
    loss += m * active;
    for (let j = 0; j < d; j++) gw[j] = gw[j]! + ny * x[row + j]!;
    gb += ny;
    sv[count] = i;
    count += active;
    signedPositive += yi * +(s >= 0.0);
  }
  acc.loss = loss;
  acc.gb = gb;
  acc.sv = count;
  acc.signedPositive = signedPositive;
}
