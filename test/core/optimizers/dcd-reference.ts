/**
 * A plain reference of dual coordinate descent at a fixed bias (Hsieh et al. 2008, L1 hinge,
 * C = 1/n, our λ scaling), written from the formulas with number[] and no slicing, shrinking or
 * typed-array tricks, for the dcd optimizer's bits to be compared against.
 *
 * Fixed-b dual: min f(α) = (λ/2)‖w(α)‖² − Σ α_i (1 − y_i b), w(α) = (1/λ) Σ α_i y_i x_i,
 * 0 ≤ α_i ≤ C. ∂f/∂α_i = G_i = y_i(w·x_i + b) − 1, ∂²f/∂α_i² = ‖x_i‖²/λ.
 */
import type { Dataset } from '../../../src/core/dataset.ts';

/**
 * One exact coordinate step on α_i: returns the new α_i and moves w (in place) by
 * (Δα_i y_i/λ) x_i. Nothing moves when the projected gradient is zero.
 */
export function referenceStep(
  xi: readonly number[],
  yi: number,
  ai: number,
  w: number[],
  b: number,
  lambda: number,
  C: number,
): number {
  let dot = 0;
  for (let j = 0; j < xi.length; j++) dot += w[j]! * xi[j]!;
  const G = yi * (dot + b) - 1;
  const pg = ai === 0 ? Math.min(G, 0) : ai === C ? Math.max(G, 0) : G;
  if (pg === 0) return ai;
  let xx = 0;
  for (const v of xi) xx += v * v;
  // ‖x_i‖ = 0: f is linear in α_i, so the minimum is at the bound the gradient points to.
  let na = xx > 0 ? ai - (G * lambda) / xx : G < 0 ? C : 0;
  na = Math.min(C, Math.max(0, na));
  const step = ((na - ai) * yi) / lambda;
  for (let j = 0; j < xi.length; j++) w[j] = w[j]! + step * xi[j]!;
  return na;
}

/** The visiting order: the classes interleaved in proportion, each in row order. */
export function referenceOrder(y: Float64Array): number[] {
  const pos: number[] = [];
  const neg: number[] = [];
  y.forEach((v, i) => (v > 0 ? pos : neg).push(i));
  const order: number[] = [];
  let p = 0;
  let q = 0;
  while (p + q < y.length) {
    // A positive is next while the positives taken are no further along than the negatives.
    const takePos = q >= neg.length || (p < pos.length && p / pos.length <= q / neg.length);
    order.push(takePos ? pos[p++]! : neg[q++]!);
  }
  return order;
}

/** Rows of x as arrays. */
export function rows(data: Dataset): number[][] {
  return Array.from({ length: data.n }, (_, i) =>
    Array.from(data.x.subarray(i * data.d, (i + 1) * data.d)),
  );
}

/**
 * Sweeps from α = 0, w = 0, sweep k at bias bs[k]; after each, w is recomputed as
 * (Σ_{y=+1} α_i x_i − Σ_{y=−1} α_i x_i)/λ (each class summed in row order). Returns α and w
 * after every sweep.
 */
export function referenceSweeps(
  data: Dataset,
  lambda: number,
  bs: readonly number[],
): { alpha: number[]; w: number[] }[] {
  const X = rows(data);
  const order = referenceOrder(data.y);
  const C = 1 / data.n;
  const alpha = new Array<number>(data.n).fill(0);
  let w = new Array<number>(data.d).fill(0);
  const out: { alpha: number[]; w: number[] }[] = [];
  for (const b of bs) {
    for (const i of order) alpha[i] = referenceStep(X[i]!, data.y[i]!, alpha[i]!, w, b, lambda, C);
    const uPos = new Array<number>(data.d).fill(0);
    const uNeg = new Array<number>(data.d).fill(0);
    for (let i = 0; i < data.n; i++) {
      const u = data.y[i]! > 0 ? uPos : uNeg;
      for (let j = 0; j < data.d; j++) u[j] = u[j]! + alpha[i]! * X[i]![j]!;
    }
    w = uPos.map((v, j) => (v - uNeg[j]!) / lambda);
    out.push({ alpha: [...alpha], w: [...w] });
  }
  return out;
}
