/**
 * The pass's sums written plainly, for tests: the reference's per-row rule with its branches
 * (m = 1 − y·(b + Σ w_j·x_j); where m > 0 add m to the loss and the row to the support vectors;
 * unless m <= 0 add −y·x to gw and −y to gb; y·[s >= 0] to signedPositive), summed row after row, either over all rows
 * at once (the reference's order) or block by block from zero with the partials added in block
 * order (the fixed blocked order), written independently of src/core/blocked-sums.ts.
 */
import type { Dataset } from '../../src/core/dataset.ts';
import { emptySums, type PassSums } from '../../src/core/pass-sums.ts';
import { mulberry32 as seeded } from '../helpers/mulberry32.ts';

export { seeded };

export interface PlainSums {
  loss: number;
  gb: number;
  sv: number;
  signedPositive: number;
  gw: number[];
  /** Support-vector row indices, ascending. */
  svRows: number[];
}

function zero(d: number): PlainSums {
  return { loss: 0, gb: 0, sv: 0, signedPositive: 0, gw: new Array<number>(d).fill(0), svRows: [] };
}

/** Rows [i0, i1) summed from zero, one after another. */
export function plainRange(
  data: Dataset,
  w: ArrayLike<number>,
  b: number,
  i0: number,
  i1: number,
): PlainSums {
  const { x, y, d } = data;
  const out = zero(d);
  for (let i = i0; i < i1; i++) {
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
    const m = 1 - y[i]! * s;
    if (m > 0) {
      out.loss += m;
      out.sv++;
      out.svRows.push(i);
    }
    // The article's hinge_gradient: the gradient fires unless m <= 0, so a NaN margin fires.
    if (!(m <= 0)) {
      for (let j = 0; j < d; j++) out.gw[j]! += -y[i]! * x[i * d + j]!;
      out.gb += -y[i]!;
    }
    if (s >= 0) out.signedPositive += y[i]!;
  }
  return out;
}

/** The reference's order: all n rows in one running sum. */
export function plainSequential(data: Dataset, w: ArrayLike<number>, b: number): PlainSums {
  return plainRange(data, w, b, 0, data.n);
}

/** The blocked order with blocks of `rowsPerBlock`: 0 + p_0 + p_1 + … field by field. */
export function plainBlocked(
  data: Dataset,
  w: ArrayLike<number>,
  b: number,
  rowsPerBlock: number,
): PlainSums {
  const total = zero(data.d);
  for (let start = 0; start < data.n; start += rowsPerBlock) {
    const p = plainRange(data, w, b, start, Math.min(data.n, start + rowsPerBlock));
    total.loss += p.loss;
    total.gb += p.gb;
    total.sv += p.sv;
    total.signedPositive += p.signedPositive;
    for (let j = 0; j < data.d; j++) total.gw[j]! += p.gw[j]!;
    total.svRows.push(...p.svRows);
  }
  return total;
}

/**
 * n rows of d coordinates uniform in [−3, 3] in random order, labels from a noisy plane (a fifth
 * or so of the rows are support vectors at the weights `plane` gives); `classBlocked` relabels
 * them positives first, the generator's layout (d = 2 then takes the class kernels).
 */
export function randomRows(n: number, d: number, seed: number, classBlocked = false): Dataset {
  const r = seeded(seed);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  // Full 53-bit coordinates (two 32-bit draws): with 32-bit ones every product and gradient sum
  // is exact, and a kernel adding the rows' terms in the wrong order would still give the bits.
  for (let i = 0; i < n * d; i++) x[i] = 6 * (r() + r() * 2 ** -32) - 3;
  let nPositive = 0;
  for (let i = 0; i < n; i++) {
    let s = 0.3;
    for (let j = 0; j < d; j++) s += (j % 2 ? -0.6 : 1) * x[i * d + j]!;
    y[i] = s + 1.5 * (r() - 0.5) >= 0 ? 1 : -1;
    nPositive += +(y[i]! > 0);
  }
  if (classBlocked) for (let i = 0; i < n; i++) y[i] = i < nPositive ? 1 : -1;
  return { x, y, n, d, nPositive };
}

/** Weights near the plane randomData labels by (w_j = ±1 scaled, b = 0.3), slightly perturbed. */
export function planeWeights(d: number, r: () => number): { w: Float64Array; b: number } {
  const w = new Float64Array(d);
  for (let j = 0; j < d; j++) w[j] = (j % 2 ? -0.6 : 1) * (0.5 + r());
  return { w, b: 0.3 + r() - 0.5 };
}

/** Sums part-way through a pass: random, non-zero, as a previous slice leaves them. */
export function underWay(d: number, r: () => number): PassSums {
  const s = emptySums(d);
  s.loss = 40 * r();
  s.gb = Math.floor(20 * r()) - 10;
  s.sv = 3;
  s.signedPositive = Math.floor(10 * r()) - 5;
  for (let j = 0; j < d; j++) s.gw[j] = 30 * r() - 15;
  return s;
}
