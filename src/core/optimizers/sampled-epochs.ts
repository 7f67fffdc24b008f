/**
 * The epoch structure shared by the sampling optimizers (Pegasos, mini-batch SGD): an epoch is
 * n sampled updates (sample number k = epoch·n + pos, pos in [0, n)) and then one evaluation pass
 * over the end weights (eval-pass.ts), so rowsPerEpoch = 2n and epoch t's metrics are those of
 * (w_t, b_t), computed as GD computes its own. A subclass supplies only its update rule, for
 * samples [k0, k0 + count) of the current epoch; it keeps no state past an epoch's end beyond the
 * weights (rows come from sample-index.ts, a pure function of k), so a snapshot is just (epoch,
 * w, b) and a restored run draws the same rows again.
 *
 * Allocation-free per epoch: buffers are made in the constructor; history doubles rarely.
 */
import type { LinearModel } from '../classifier.ts';
import type { Dataset } from '../dataset.ts';
import type { Metrics } from '../evaluate.ts';
import { MetricHistory } from '../metric-history.ts';
import {
  checkRestorable,
  weightsDiverged,
  weightsState,
  type Optimizer,
  type OptimizerSettings,
  type OptimizerState,
} from '../optimizer.ts';
import { EvalPass } from './eval-pass.ts';
import { sampleKey } from './sample-index.ts';

export abstract class SampledEpochs implements Optimizer {
  readonly data: Dataset;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly rowsPerEpoch: number;
  readonly w: Float64Array;
  b: number;
  epoch = 0;
  readonly history = new MetricHistory();
  capture = true;
  lr: number;
  reg: number;
  /** Key of the row sampler (sample-index.ts), from the seed. */
  protected readonly key: number;
  /** Updates done in the current epoch; n once its updates are over. */
  protected pos: number;
  private readonly pass: EvalPass;
  private readonly initial: { w: Float64Array; b: number };

  constructor(data: Dataset, model: LinearModel, settings: OptimizerSettings, seed: number) {
    if (model.w.length !== data.d) {
      throw new RangeError(`weights have length ${model.w.length}, data has d = ${data.d}`);
    }
    this.data = data;
    this.x = data.x;
    this.y = data.y;
    this.n = data.n;
    this.d = data.d;
    this.rowsPerEpoch = 2 * data.n;
    this.w = Float64Array.from(model.w);
    this.b = model.b;
    this.initial = { w: Float64Array.from(model.w), b: model.b };
    this.lr = settings.lr; // checked by setSettings: a worker builds with placeholders first
    this.reg = settings.reg;
    this.key = sampleKey(seed);
    this.pos = data.n; // epoch 0 has no updates: its end weights are the initial ones
    this.pass = new EvalPass(data);
  }

  /**
   * Applies the updates of samples [k0, k0 + count) of the current epoch, k0 = epoch·n + pos
   * (count >= 1, pos + count <= n); the weights may move after every sample.
   */
  protected abstract update(k0: number, count: number): void;

  /** Drops what a batch under way had gathered (a restore or reset lands between epochs). */
  protected clearPartial(): void {}

  /** Throws a RangeError naming the field when the settings do not suit this method. */
  protected checkSettings(settings: OptimizerSettings): void {
    void settings;
  }

  get settings(): Readonly<OptimizerSettings> {
    return { lr: this.lr, reg: this.reg };
  }

  get epochComplete(): boolean {
    return this.pos === this.n && this.pass.complete;
  }

  get diverged(): boolean {
    return weightsDiverged(this.w, this.b);
  }

  advance(maxRows: number): number {
    let budget = Math.max(0, Math.floor(maxRows));
    if (this.epochComplete) {
      const m = this.metrics();
      this.history.push(m.meanLoss, m.objective, m.svCount, m.accuracy);
      this.pos = 0;
    }
    let done = 0;
    if (this.pos < this.n && budget > 0) {
      const count = Math.min(budget, this.n - this.pos);
      this.update(this.epoch * this.n + this.pos, count);
      this.pos += count;
      done += count;
      budget -= count;
      if (this.pos === this.n) {
        this.epoch++;
        this.pass.restart();
      }
    }
    if (this.pos === this.n && budget > 0)
      done += this.pass.advance(this.w, this.b, budget, this.capture);
    return done;
  }

  metrics(): Metrics {
    if (!this.epochComplete) throw new Error('metrics() needs a complete epoch');
    return this.pass.metrics(this.w, this.reg);
  }

  capturedSupportVectors(): Uint32Array | null {
    return this.pos === this.n ? this.pass.supportVectors() : null;
  }

  finishEpoch(capture: boolean): Metrics {
    while (this.pos < this.n) this.advance(this.n - this.pos);
    if (capture && !this.pass.captures) this.pass.restart(); // redo it, writing the indices
    this.pass.scan(this.w, this.b, this.n, capture || this.capture);
    return this.metrics();
  }

  setSettings(settings: OptimizerSettings): void {
    this.checkSettings(settings);
    this.lr = settings.lr;
    this.reg = settings.reg;
  }

  /** The weights after the last whole epoch of updates (their evaluation may be under way). */
  snapshot(into?: OptimizerState): OptimizerState {
    if (this.pos !== this.n) throw new Error('snapshot() needs a complete epoch');
    return weightsState(this.epoch, this.w, this.b, into);
  }

  restore(state: OptimizerState): void {
    checkRestorable(state, this.epoch, this.d);
    const { epoch, w } = state;
    this.w.set(w);
    this.b = state.b;
    this.epoch = epoch;
    this.pos = this.n;
    this.pass.restart();
    this.clearPartial();
    this.history.truncate(epoch);
  }

  reset(): void {
    this.w.set(this.initial.w);
    this.b = this.initial.b;
    this.epoch = 0;
    this.pos = this.n;
    this.pass.restart();
    this.clearPartial();
    this.history.clear();
  }
}
