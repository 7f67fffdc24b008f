/**
 * A second Optimizer for tests only: cyclic SGD on the same objective, to show the run loop
 * needs nothing of GD. Its epoch is n updates (row order, step lr: w ← w − lr·(reg·w − y·x·[m > 0]),
 * b ← b + lr·y·[m > 0]) and then an evaluation pass of the end weights: 2n rows of work, with
 * weights that move mid-epoch. Not tuned: plain loops, clarity over speed.
 */
import type { LinearModel } from '../../src/core/classifier.ts';
import type { Dataset } from '../../src/core/dataset.ts';
import { clearSums, countNegatives, emptySums, metricsFromSums } from '../../src/core/evaluate.ts';
import { MetricHistory } from '../../src/core/metric-history.ts';
import type {
  Metrics,
  Optimizer,
  OptimizerSettings,
  OptimizerState,
} from '../../src/core/optimizer.ts';
import { scanRows } from '../helpers/scan-rows-reference.ts';

export class ToySgd implements Optimizer {
  readonly n: number;
  readonly d: number;
  readonly rowsPerEpoch: number;
  readonly w: Float64Array;
  b: number;
  epoch = 0;
  readonly history = new MetricHistory();
  capture = true;
  private lr: number;
  private reg: number;
  /** 'update' while the epoch's n updates run, then 'eval' for the pass over the end weights. */
  private phase: 'update' | 'eval' = 'eval';
  private cursor = 0;
  private readonly sums;
  private readonly sv: Uint32Array;
  private readonly negatives: number;

  constructor(
    readonly data: Dataset,
    private readonly initial: LinearModel,
    settings: OptimizerSettings,
  ) {
    this.n = data.n;
    this.d = data.d;
    this.rowsPerEpoch = 2 * data.n;
    this.w = Float64Array.from(initial.w);
    this.b = initial.b;
    this.lr = settings.lr;
    this.reg = settings.reg;
    this.sums = emptySums(data.d);
    this.sv = new Uint32Array(data.n);
    this.negatives = countNegatives(data.y);
  }

  get settings(): OptimizerSettings {
    return { lr: this.lr, reg: this.reg };
  }
  get epochComplete(): boolean {
    return this.phase === 'eval' && this.cursor === this.n;
  }
  get diverged(): boolean {
    return !Number.isFinite(this.b) || !this.w.every(Number.isFinite);
  }

  advance(maxRows: number): number {
    if (this.epochComplete) {
      const m = this.metrics();
      this.history.push(m.meanLoss, m.objective, m.svCount, m.accuracy);
      this.phase = 'update';
      this.cursor = 0;
    }
    let done = 0;
    const { x, y } = this.data;
    const { w, d, n } = this;
    while (done < maxRows && !this.epochComplete) {
      const i = this.cursor;
      if (this.phase === 'update') {
        let s = this.b;
        for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
        const active = 1 - y[i]! * s > 0 ? 1 : 0;
        for (let j = 0; j < d; j++) {
          w[j] = w[j]! - this.lr * (this.reg * w[j]! - active * y[i]! * x[i * d + j]!);
        }
        this.b += this.lr * active * y[i]!;
        if (++this.cursor === n)
          [this.phase, this.cursor, this.epoch] = ['eval', 0, this.epoch + 1];
      } else {
        if (i === 0) clearSums(this.sums);
        scanRows(x, y, w, this.b, i, i + 1, this.sums, this.sv);
        this.cursor++;
      }
      done++;
    }
    return done;
  }

  metrics(): Metrics {
    if (!this.epochComplete) throw new Error('ToySgd.metrics() needs a complete epoch');
    return metricsFromSums(this.sums, this.n, this.negatives, this.w, this.reg);
  }
  capturedSupportVectors(): Uint32Array | null {
    return this.epochComplete ? this.sv.subarray(0, this.sums.sv) : null;
  }
  finishEpoch(): Metrics {
    while (!this.epochComplete) this.advance(this.rowsPerEpoch);
    return this.metrics();
  }
  setSettings(s: OptimizerSettings): void {
    this.lr = s.lr;
    this.reg = s.reg;
  }
  snapshot(): OptimizerState {
    return { epoch: this.epoch, w: Float64Array.from(this.w), b: this.b };
  }
  restore(s: OptimizerState): void {
    this.w.set(s.w);
    this.b = s.b;
    this.epoch = s.epoch;
    this.phase = 'eval';
    this.cursor = 0;
    this.history.truncate(s.epoch);
  }
  reset(): void {
    this.restore({ epoch: 0, w: this.initial.w, b: this.initial.b });
  }
}
