/**
 * Metrics of any weights over a dataset, with the same kernels and order of operations as the
 * trainer's pass (so they agree bit for bit with the trainer's metrics for the same weights).
 */
import { passRows, scanAllBlocks } from './blocked-sums.ts';
import type { Dataset } from './dataset.ts';
import { countNegatives, emptySums, type PassSums } from './pass-sums.ts';

// Where these lived before pass-sums.ts; callers outside the core import them from here.
export { clearSums, copySums, countNegatives, emptySums, isClassBlocked } from './pass-sums.ts';

/** Metrics of one set of weights, over all n points. */
export interface Metrics {
  /** (1/n)·Σ max(0, 1 − y·s). */
  meanLoss: number;
  /** meanLoss + reg/2·‖w‖². */
  objective: number;
  /** Points with 1 − y·s > 0. */
  svCount: number;
  /** Fraction of points labelled y: +1 when s >= 0, else −1. */
  accuracy: number;
}

/** Metrics from the sums of a complete pass over n rows at weights w. */
export function metricsFromSums(
  sums: PassSums,
  n: number,
  negatives: number,
  w: Float64Array,
  reg: number,
): Metrics {
  const meanLoss = sums.loss / n;
  let normSq = 0.0;
  for (let j = 0; j < w.length; j++) normSq += w[j]! * w[j]!;
  return {
    meanLoss,
    objective: meanLoss + 0.5 * reg * normSq,
    svCount: sums.sv,
    accuracy: (negatives + sums.signedPositive) / n,
  };
}

/**
 * One full pass over `data` at (w, b) in the fixed blocked order (blocked-sums.ts): the metrics,
 * and the ascending support-vector indices written into `sv` (length >= n; its first svCount
 * entries).
 */
export function evaluateWeights(
  data: Dataset,
  w: Float64Array,
  b: number,
  reg: number,
  sv: Uint32Array = new Uint32Array(data.n),
): Metrics {
  const total = emptySums(data.d);
  scanAllBlocks(passRows(data), data.n, w, b, total, emptySums(data.d), sv);
  return metricsFromSums(total, data.n, countNegatives(data.y), w, reg);
}
