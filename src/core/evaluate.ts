/**
 * Metrics of any weights over a dataset, with the same kernels and order of operations as the
 * trainer's pass (so they agree bit for bit with the trainer's metrics for the same weights).
 */
import type { Dataset } from './dataset.ts';
import { scanRows, scanRowsCareful, type PassSums } from './pass-kernels.ts';

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

/** Rows labelled −1. */
export function countNegatives(y: Float64Array): number {
  let k = 0;
  for (let i = 0; i < y.length; i++) k += +(y[i]! < 0);
  return k;
}

/** Whether y is +1 on rows [0, positives) and −1 on the rest (the generator's layout). */
export function isClassBlocked(y: Float64Array, positives: number): boolean {
  for (let i = 0; i < y.length; i++) if (y[i] !== (i < positives ? 1.0 : -1.0)) return false;
  return true;
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

/** Fresh zeroed sums for dimension d. */
export function emptySums(d: number): PassSums {
  return { loss: 0, gb: 0, sv: 0, signedPositive: 0, gw: new Float64Array(d) };
}

/** Zeroes sums in place, for a new pass. */
export function clearSums(s: PassSums): void {
  s.loss = 0.0;
  s.gb = 0.0;
  s.sv = 0;
  s.signedPositive = 0;
  s.gw.fill(0.0);
}

/** Copies `from` into `to` (same d). */
export function copySums(from: PassSums, to: PassSums): void {
  to.loss = from.loss;
  to.gb = from.gb;
  to.sv = from.sv;
  to.signedPositive = from.signedPositive;
  to.gw.set(from.gw);
}

/**
 * One full pass over `data` at (w, b): the metrics, and the ascending support-vector indices
 * written into `sv` (length >= n; its first svCount entries).
 */
export function evaluateWeights(
  data: Dataset,
  w: Float64Array,
  b: number,
  reg: number,
  sv: Uint32Array = new Uint32Array(data.n),
): Metrics {
  const sums = emptySums(data.d);
  scanRows(data.x, data.y, w, b, 0, data.n, sums, sv);
  if (Number.isNaN(sums.loss)) {
    const fresh = emptySums(data.d);
    scanRowsCareful(data.x, data.y, w, b, 0, data.n, fresh, sv);
    return metricsFromSums(fresh, data.n, countNegatives(data.y), w, reg);
  }
  return metricsFromSums(sums, data.n, countNegatives(data.y), w, reg);
}
