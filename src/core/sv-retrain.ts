/**
 * The article's claim, "only the support vectors matter", as a computation: the rows with
 * α_i > 0 of a solution, as a dataset of their own, and the λ that makes the subset's problem
 * the same one. The objective averages the hinge over the points, so on m of the n points
 * P_m(w, b) = (1/m) Σ_SV hinge + (λ'/2)‖w‖² equals (n/m)·[(1/n) Σ_SV hinge + (λ/2)‖w‖²] when
 * λ' = λ·n/m; the rows with α_i = 0 drop out of the dual, so at the optimum the subset's
 * minimiser is the full one.
 */
import type { Dataset } from './dataset.ts';

export interface SupportSubset {
  /** The support rows, in their order in the full data (x row-major m×d, y ±1). */
  data: Dataset;
  /** Indices of those rows in the full data, ascending. */
  rows: Uint32Array;
  /** λ·n/m: the subset's problem is the full one restricted to these rows. */
  reg: number;
}

/** The rows where keep(i) holds, with the rescaled λ; throws when there are none. */
export function subsetRows(
  data: Dataset,
  reg: number,
  keep: (i: number) => boolean,
): SupportSubset {
  const { n, d, x, y } = data;
  let m = 0;
  for (let i = 0; i < n; i++) if (keep(i)) m++;
  if (m === 0) throw new RangeError('no support vectors: the subset would be empty');
  const rows = new Uint32Array(m);
  const sx = new Float64Array(m * d);
  const sy = new Float64Array(m);
  let k = 0;
  let nPositive = 0;
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    rows[k] = i;
    sx.set(x.subarray(i * d, i * d + d), k * d);
    sy[k] = y[i]!;
    if (y[i]! > 0) nPositive++;
    k++;
  }
  return { data: { x: sx, y: sy, n: m, d, nPositive }, rows, reg: (reg * n) / m };
}

/** The rows with α_i > 0 of a dual solution α (length n). */
export function supportSubset(data: Dataset, reg: number, alpha: Float64Array): SupportSubset {
  return subsetRows(data, reg, (i) => alpha[i]! > 0);
}
