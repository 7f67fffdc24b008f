/**
 * Full-batch gradient descent with momentum, in the form PyTorch's SGD uses. An epoch at the
 * iterate (w_t, b_t) is one pass over the data (eval-pass.ts, GD's kernels) giving its metrics
 * and the gradient g_t = ((1/n)·Σ_{m_i>0} −y_i·x_i + reg·w_t, (1/n)·Σ_{m_i>0} −y_i); then
 *   v ← β·v + g_t,  heavy ball: w_{t+1} = w_t − lr·v;  Nesterov: w_{t+1} = w_t − lr·(g_t + β·v)
 * (for w and b alike, v starting at 0). Nesterov's look-ahead is folded into the iterate, so one
 * pass an epoch still evaluates exactly the weights reported. With β = 0 both are GD, bit for bit.
 * A snapshot carries the velocity, so a restored run continues with the same bits.
 */
import type { LinearModel } from '../classifier.ts';
import type { Dataset } from '../dataset.ts';
import type { Metrics } from '../evaluate.ts';
import { MetricHistory } from '../metric-history.ts';
import {
  checkRestorable,
  weightsDiverged,
  type Optimizer,
  type OptimizerSettings,
  type OptimizerState,
} from '../optimizer.ts';
import { EvalPass } from './eval-pass.ts';

export const MOMENTUM_KINDS = ['heavy-ball', 'nesterov'] as const;
export type MomentumKind = (typeof MOMENTUM_KINDS)[number];

export interface MomentumOptions {
  /** β in [0, 1). */
  beta: number;
  kind: MomentumKind;
}

/** A momentum run's saved point: the weights and the velocity (vw length d, and vb). */
export interface MomentumState extends OptimizerState {
  readonly vw: Float64Array;
  readonly vb: number;
}

export class Momentum implements Optimizer {
  readonly data: Dataset;
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
  readonly beta: number;
  readonly kind: MomentumKind;
  /** Velocity of w (length d) and of b. */
  private readonly vw: Float64Array;
  private vb = 0;
  private readonly pass: EvalPass;
  private readonly initial: { w: Float64Array; b: number };

  constructor(data: Dataset, model: LinearModel, settings: OptimizerSettings, o: MomentumOptions) {
    if (model.w.length !== data.d) {
      throw new RangeError(`weights have length ${model.w.length}, data has d = ${data.d}`);
    }
    if (!(o.beta >= 0 && o.beta < 1)) {
      throw new RangeError(`beta must be in [0, 1), got ${o.beta}`);
    }
    this.data = data;
    this.n = data.n;
    this.d = data.d;
    this.rowsPerEpoch = data.n;
    this.w = Float64Array.from(model.w);
    this.b = model.b;
    this.initial = { w: Float64Array.from(model.w), b: model.b };
    this.lr = settings.lr;
    this.reg = settings.reg;
    this.beta = o.beta;
    this.kind = o.kind;
    this.vw = new Float64Array(data.d);
    this.pass = new EvalPass(data);
  }

  get settings(): Readonly<OptimizerSettings> {
    return { lr: this.lr, reg: this.reg };
  }

  get epochComplete(): boolean {
    return this.pass.complete;
  }

  get diverged(): boolean {
    return weightsDiverged(this.w, this.b);
  }

  advance(maxRows: number): number {
    if (this.pass.complete) this.commit();
    return this.pass.advance(this.w, this.b, maxRows, this.capture);
  }

  metrics(): Metrics {
    return this.pass.metrics(this.w, this.reg);
  }

  capturedSupportVectors(): Uint32Array | null {
    return this.pass.supportVectors();
  }

  finishEpoch(capture: boolean): Metrics {
    if (capture && !this.pass.captures) this.pass.restart(); // redo it, writing the indices
    this.pass.scan(this.w, this.b, this.n, capture || this.capture);
    return this.metrics();
  }

  setSettings(settings: OptimizerSettings): void {
    this.lr = settings.lr;
    this.reg = settings.reg;
  }

  snapshot(into?: OptimizerState): MomentumState {
    if (into && into.w.length === this.d && 'vw' in into) {
      const s = into as { epoch: number; w: Float64Array; b: number; vw: Float64Array; vb: number };
      s.w.set(this.w);
      s.vw.set(this.vw);
      s.epoch = this.epoch;
      s.b = this.b;
      s.vb = this.vb;
      return s;
    }
    const { epoch, b, vb } = this;
    return { epoch, w: Float64Array.from(this.w), b, vw: Float64Array.from(this.vw), vb };
  }

  restore(state: OptimizerState): void {
    checkRestorable(state, this.epoch, this.d);
    const { epoch, w } = state;
    this.w.set(w);
    this.b = state.b;
    if ('vw' in state) {
      const s = state as MomentumState;
      this.vw.set(s.vw);
      this.vb = s.vb;
    } else {
      // Another optimizer's point (continueRun): the momentum starts from rest there.
      this.vw.fill(0);
      this.vb = 0;
    }
    this.epoch = epoch;
    this.pass.restart();
    this.history.truncate(epoch);
  }

  reset(): void {
    this.w.set(this.initial.w);
    this.b = this.initial.b;
    this.vw.fill(0);
    this.vb = 0;
    this.epoch = 0;
    this.pass.restart();
    this.history.clear();
  }

  /** Records epoch t's metrics and takes the momentum step to w_{t+1}. */
  private commit(): void {
    const m = this.metrics();
    this.history.push(m.meanLoss, m.objective, m.svCount, m.accuracy);
    const { n, w, vw, lr, reg, beta, d } = this;
    const { gw, gb } = this.pass.sums;
    const nesterov = this.kind === 'nesterov';
    for (let j = 0; j < d; j++) {
      const g = gw[j]! / n + reg * w[j]!;
      vw[j] = beta * vw[j]! + g;
      w[j] = w[j]! - lr * (nesterov ? g + beta * vw[j]! : vw[j]!);
    }
    const g = gb / n;
    this.vb = beta * this.vb + g;
    this.b = this.b - lr * (nesterov ? g + beta * this.vb : this.vb);
    this.epoch++;
    this.pass.restart();
  }
}
