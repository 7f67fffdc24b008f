/**
 * Full-batch gradient descent on the mean hinge loss plus reg/2·‖w‖² (bias unregularised),
 * steppable and resumable: the reference's train(), one epoch at a time or in slices of rows.
 *
 * An epoch at weights (w_t, b_t) is one pass over the data (see pass-kernels.ts) giving
 *   L_t = (1/n)·Σ max(0, m_i),  g_w = (1/n)·Σ_{m_i>0} (−y_i·x_i) + reg·w_t,  g_b = (1/n)·Σ_{m_i>0} (−y_i)
 * then w_{t+1} = w_t − lr·g_w, b_{t+1} = b_t − lr·g_b, in the reference's order of operations.
 * The same pass yields the metrics of (w_t, b_t), recorded as history entry t, and the indices of
 * its support vectors, so nothing is computed twice.
 *
 * It is the first Optimizer (optimizer.ts): its epoch is that one pass, complete when the pass
 * over w_t is, and advance() moves past a complete epoch by taking the step (commit()).
 *
 * Buffers are allocated once: per epoch the trainer allocates nothing (history doubles rarely).
 */
import type { Dataset } from './dataset.ts';
import type { LinearModel } from './classifier.ts';
import type { Metrics } from './evaluate.ts';
import { MetricHistory } from './metric-history.ts';
import {
  checkRestorable,
  weightsDiverged,
  weightsState,
  type Optimizer,
  type OptimizerSettings,
  type OptimizerState,
} from './optimizer.ts';
import { EvalPass } from './optimizers/eval-pass.ts';
import type { PassSums } from './pass-kernels.ts';

export type TrainingSettings = OptimizerSettings;

export type { Metrics };

export class Trainer implements Optimizer {
  readonly data: Dataset;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  /** One fused pass: n rows of work an epoch. */
  readonly rowsPerEpoch: number;
  /** Current weights w_t (updated in place). */
  readonly w: Float64Array;
  /** Current bias b_t. */
  b: number;
  /** Steps applied so far: the current weights are w_epoch. */
  epoch = 0;
  lr: number;
  reg: number;
  /** history entry t: the metrics of (w_t, b_t). */
  readonly history = new MetricHistory();
  /**
   * After a complete capturing pass, sv.subarray(0, svCount) are the ascending indices of the
   * support vectors of the current weights; supportVectors() is the safe way to read them.
   */
  readonly sv: Uint32Array;
  /**
   * Whether passes that start from now on write support-vector indices (about a quarter of a
   * pass's cost at d = 2). Metrics and steps are the same either way.
   */
  capture = true;

  /** The pass over the current weights (the fused kernels; its sums give the step too). */
  private readonly pass: EvalPass;
  private readonly gradW: Float64Array;
  private readonly initial: { w: Float64Array; b: number };

  constructor(data: Dataset, model: LinearModel, settings: TrainingSettings) {
    if (model.w.length !== data.d) {
      throw new RangeError(`weights have length ${model.w.length}, data has d = ${data.d}`);
    }
    this.data = data;
    this.x = data.x;
    this.y = data.y;
    this.n = data.n;
    this.d = data.d;
    this.rowsPerEpoch = data.n;
    this.w = Float64Array.from(model.w);
    this.b = model.b;
    this.lr = settings.lr;
    this.reg = settings.reg;
    this.pass = new EvalPass(data);
    this.sv = this.pass.sv;
    this.gradW = new Float64Array(data.d);
    this.initial = { w: Float64Array.from(model.w), b: model.b };
  }

  /** Rows scanned in the current pass; n when the pass over the current weights is complete. */
  private get cursor(): number {
    return this.pass.cursor;
  }

  private get sums(): PassSums {
    return this.pass.sums;
  }

  /** True when the pass over the current weights is complete (metrics() and commit() may run). */
  get passComplete(): boolean {
    return this.cursor === this.n;
  }

  /** The optimizer's view of a complete pass: epoch `epoch` is evaluated. */
  get epochComplete(): boolean {
    return this.cursor === this.n;
  }

  get settings(): Readonly<TrainingSettings> {
    return { lr: this.lr, reg: this.reg };
  }

  /** Whether the current pass writes support-vector indices. */
  get passCaptured(): boolean {
    return this.pass.captures;
  }

  /** Rows of the current pass already scanned. */
  get rowsScanned(): number {
    return this.cursor;
  }

  /**
   * Continues the pass over the current weights by at most `maxRows` rows; returns true when the
   * pass is complete. Any slicing gives bit-identical sums.
   */
  scan(maxRows: number): boolean {
    this.pass.scan(this.w, this.b, maxRows, this.capture);
    return this.pass.complete;
  }

  /** Metrics of the current weights; requires a complete pass. */
  metrics(): Metrics {
    this.requireCompletePass('metrics');
    return this.pass.metrics(this.w, this.reg);
  }

  /** Records the current metrics as history entry `epoch` and takes the gradient step. */
  commit(): void {
    const m = this.metrics();
    this.history.push(m.meanLoss, m.objective, m.svCount, m.accuracy);
    const { n, w, gradW, lr, reg, sums } = this;
    const d = w.length;
    for (let j = 0; j < d; j++) gradW[j] = sums.gw[j]! / n + reg * w[j]!;
    const gradB = sums.gb / n;
    for (let j = 0; j < d; j++) w[j] = w[j]! - lr * gradW[j]!;
    this.b = this.b - lr * gradB;
    this.epoch++;
    this.pass.restart();
  }

  /** Runs k whole epochs (k >= 0). step(a); step(b) gives the same bits as step(a + b). */
  step(k: number): void {
    for (let e = 0; e < k; e++) {
      this.scan(this.n - this.cursor);
      this.commit();
    }
  }

  /** Optimizer.advance: past a complete pass, the step first; then at most maxRows rows. */
  advance(maxRows: number): number {
    if (this.cursor === this.n) this.commit();
    // pass.advance may share the pass with other threads (sharded-pass.ts): same bits.
    return this.pass.advance(this.w, this.b, maxRows, this.capture);
  }

  /** Completes the pass over the current weights (without stepping) and returns its metrics. */
  evaluate(): Metrics {
    this.scan(this.n - this.cursor);
    return this.metrics();
  }

  /**
   * Support-vector indices of the current weights (a view into `sv`). Completes the pass, and
   * rescans with capture when the pass did not write them.
   */
  supportVectors(): Uint32Array {
    if (!this.pass.captures) this.pass.restart(); // a pass without indices starts again, capturing
    const keep = this.capture;
    this.capture ||= this.cursor === 0;
    this.evaluate();
    this.capture = keep;
    return this.sv.subarray(0, this.sums.sv);
  }

  capturedSupportVectors(): Uint32Array | null {
    return this.pass.supportVectors();
  }

  finishEpoch(capture: boolean): Metrics {
    if (capture) this.supportVectors();
    return this.evaluate();
  }

  setSettings(settings: TrainingSettings): void {
    this.lr = settings.lr;
    this.reg = settings.reg;
  }

  /** True when a weight or the bias is no longer finite. */
  get diverged(): boolean {
    return weightsDiverged(this.w, this.b);
  }

  /** The current weights w_epoch (the pass over them need not be complete: they stay put). */
  snapshot(into?: OptimizerState): OptimizerState {
    return weightsState(this.epoch, this.w, this.b, into);
  }

  /**
   * Back to weights saved by snapshot() at an epoch at most the current one: history keeps
   * entries [0, epoch), the pass over them starts anew. A run paused mid-epoch shows its last
   * completed pass; when it ends there, later steps count from that epoch.
   */
  restore(state: OptimizerState): void {
    checkRestorable(state, this.epoch, this.d);
    const { epoch, w } = state;
    this.w.set(w);
    this.b = state.b;
    this.epoch = epoch;
    this.pass.restart();
    this.history.truncate(epoch);
  }

  /** Back to the initial weights, epoch 0, empty history; optionally new lr and reg. */
  reset(settings?: TrainingSettings): void {
    this.w.set(this.initial.w);
    this.b = this.initial.b;
    if (settings) {
      this.lr = settings.lr;
      this.reg = settings.reg;
    }
    this.epoch = 0;
    this.pass.restart();
    this.history.clear();
  }

  private requireCompletePass(what: string): void {
    if (this.cursor !== this.n) throw new Error(`Trainer.${what}() needs a complete pass`);
  }
}
