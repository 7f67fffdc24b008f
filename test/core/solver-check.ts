/**
 * The certificate recomputed from scratch, sharing no code with the solvers: plain loops in
 * double precision over the dataset, the printed (w, b) and the dual α.
 */
import type { Dataset } from '../../src/core/dataset.ts';

export interface Certificate {
  /** P(w, b): mean hinge loss + reg/2·‖w‖². */
  primal: number;
  /** D(α) = Σα − ‖Σ α_i y_i x_i‖²/(2·reg). */
  dual: number;
  /** Σ α_i y_i (must be 0 for D(α) ≤ P*). */
  sumAlphaY: number;
  /** How far α leaves the box [0, 1/n] (0 when inside). */
  boxViolation: number;
}

export function certificate(
  data: Dataset,
  reg: number,
  w: ArrayLike<number>,
  b: number,
  alpha: ArrayLike<number>,
): Certificate {
  const { n, d, x, y } = data;
  let hinge = 0;
  let sumA = 0;
  let sumAY = 0;
  let box = 0;
  const u = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
    hinge += Math.max(0, 1 - y[i]! * s);
    const a = alpha[i]!;
    box = Math.max(box, -a, a - 1 / n);
    sumA += a;
    sumAY += a * y[i]!;
    for (let j = 0; j < d; j++) u[j]! += a * y[i]! * x[i * d + j]!;
  }
  let ww = 0;
  let uu = 0;
  for (let j = 0; j < d; j++) {
    ww += w[j]! * w[j]!;
    uu += u[j]! * u[j]!;
  }
  return {
    primal: hinge / n + (reg / 2) * ww,
    dual: sumA - uu / (2 * reg),
    sumAlphaY: sumAY,
    boxViolation: box,
  };
}

/**
 * The largest violation of the KKT conditions of (w, b, α): α_i = 0 needs y_i f(x_i) ≥ 1,
 * α_i = 1/n needs y_i f(x_i) ≤ 1, 0 < α_i < 1/n needs y_i f(x_i) = 1; and w = Σ α_i y_i x_i / reg.
 */
export function kktViolation(
  data: Dataset,
  reg: number,
  w: ArrayLike<number>,
  b: number,
  alpha: ArrayLike<number>,
): number {
  const { n, d, x, y } = data;
  let worst = 0;
  const u = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
    const m = y[i]! * s;
    const a = alpha[i]!;
    if (a === 0) worst = Math.max(worst, 1 - m);
    else if (a === 1 / n) worst = Math.max(worst, m - 1);
    else worst = Math.max(worst, Math.abs(m - 1));
    for (let j = 0; j < d; j++) u[j]! += (a * y[i]! * x[i * d + j]!) / reg;
  }
  for (let j = 0; j < d; j++) worst = Math.max(worst, Math.abs(u[j]! - w[j]!));
  return worst;
}
