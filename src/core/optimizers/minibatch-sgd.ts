/**
 * Mini-batch SGD on P(w, b) = (1/n)·Σ max(0, 1 − y_i(w·x_i + b)) + reg/2·‖w‖². An epoch's n
 * samples (row of sample k: sampleIndex(key, k, n)) go in batches of B = batchSize, the last
 * batch of an epoch shorter when B does not divide n; K = ⌈n/B⌉ batches an epoch. Over a batch
 * of m samples at fixed (w, b), with s = b + w·x_i and a_i = [y_i·s < 1]:
 *   g_w = reg·w − (1/m)·Σ a_i·y_i·x_i,  g_b = −(1/m)·Σ a_i·y_i,  w ← w − η·g_w,  b ← b − η·g_b,
 * where batch q (counted from 0 over the run) has τ = 1 + q/K (time in epochs, from 1, so the
 * schedule reads the same at any n) and η = lr (constant), lr/τ (1/t) or lr/√τ (1/√t).
 * A batch may span slices: its running sums are fields, so any slicing gives the same bits.
 */
import type { LinearModel } from '../classifier.ts';
import type { Dataset } from '../dataset.ts';
import type { OptimizerSettings } from '../optimizer.ts';
import { blockKey, rowIn } from './sample-index.ts';
import { SampledEpochs } from './sampled-epochs.ts';

export const STEP_SCHEDULES = ['constant', 'inverse', 'inverse-sqrt'] as const;
/** constant: η = lr; inverse: lr/τ; inverse-sqrt: lr/√τ (τ = epochs so far + 1). */
export type StepSchedule = (typeof STEP_SCHEDULES)[number];

export interface MinibatchOptions {
  /** Samples a batch, in [1, n] (larger is clamped to n). */
  batchSize: number;
  schedule: StepSchedule;
  /** Seed of the row sampler. */
  seed: number;
}

export class MinibatchSgd extends SampledEpochs {
  readonly batchSize: number;
  readonly schedule: StepSchedule;
  /** Batches an epoch, ⌈n/B⌉. */
  private readonly batches: number;
  /** Σ a_i·y_i·x_i over the current batch so far, length d; and Σ a_i·y_i. */
  private readonly acc: Float64Array;
  private accB = 0;

  constructor(data: Dataset, model: LinearModel, settings: OptimizerSettings, o: MinibatchOptions) {
    super(data, model, settings, o.seed);
    if (!Number.isInteger(o.batchSize) || o.batchSize < 1) {
      throw new RangeError(`batchSize must be an integer >= 1, got ${o.batchSize}`);
    }
    this.batchSize = Math.min(o.batchSize, data.n);
    this.schedule = o.schedule;
    this.batches = Math.ceil(data.n / this.batchSize);
    this.acc = new Float64Array(data.d);
  }

  protected update(k0: number, count: number): void {
    const { x, y, w, d, n, acc, batchSize: B, key } = this;
    const epochStart = this.epoch * n;
    let accB = this.accB;
    let b = this.b;
    const scale = n / 4294967296;
    let block = blockKey(key, k0);
    let lo = k0 % 4294967296;
    // Samples of the current batch so far (a batch may have begun in an earlier slice).
    let m = (k0 - epochStart) % B;
    for (let k = k0; k < k0 + count; k++) {
      const i = rowIn(block, lo, scale);
      if (++lo === 4294967296) {
        lo = 0;
        block = blockKey(key, k + 1);
      }
      const off = i * d;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * x[off + j]!;
      const yi = y[i]!;
      if (yi * s < 1) {
        for (let j = 0; j < d; j++) acc[j] = acc[j]! + yi * x[off + j]!;
        accB += yi;
      }
      m++;
      if (m === B || k + 1 - epochStart === n) {
        const q = this.epoch * this.batches + Math.floor((k - epochStart) / B);
        const eta = this.stepSize(1 + q / this.batches);
        const reg = this.reg;
        for (let j = 0; j < d; j++) {
          w[j] = w[j]! - eta * (reg * w[j]! - acc[j]! / m);
          acc[j] = 0;
        }
        b = b - eta * (-accB / m);
        accB = 0;
        m = 0;
      }
    }
    this.b = b;
    this.accB = accB;
  }

  protected override clearPartial(): void {
    this.acc.fill(0);
    this.accB = 0;
  }

  private stepSize(tau: number): number {
    if (this.schedule === 'constant') return this.lr;
    return this.schedule === 'inverse' ? this.lr / tau : this.lr / Math.sqrt(tau);
  }
}
