/**
 * Dual coordinate descent (the exact solver's sweeps, liblinear's method) as an optimizer: each
 * epoch is one sweep over all n points of the solver's fixed-b coordinate step (dcd-sweep.ts:
 * α_i ← clip(α_i − λ·G_i/‖x_i‖², 0, 1/n), G_i = y_i(w·x_i + b) − 1, w += (Δα_i·y_i/λ)·x_i), in the
 * solver's interleaved class order and without shrinking (so an epoch visits every point). Then
 * one pass sums α per class (dcd-dual.ts) and w is set to w(α) = (1/λ)·Σ α_i y_i x_i exactly as
 * summed; then the evaluation pass every optimizer ends with (eval-pass.ts) gives the metrics of
 * (w_t, b_t). Moving past the epoch, the bias search (dcd-search.ts) takes its step: b may move
 * for the next sweep. Each epoch also has a certified gap ≥ P(w_t, b_t) − P* (certifiedGap()).
 *
 * rowsPerEpoch = 3n: n coordinate steps, n rows of dual sums, n rows of evaluation.
 * lr is ignored. reg = λ must be > 0. The dual starts at α = 0 (w(α) = 0) with the bias search
 * at the current b: at the first epoch, after a reset, after a restore of another optimizer's
 * point (continueRun) and when λ changes (a new λ is a new dual; α of the old one is not
 * optimal, and not the same problem's, so the sweeps restart from 0 at the current b).
 * A snapshot carries α (n values), the per-class sums and the search, so a restored run goes on
 * bit for bit. Allocation-free per epoch (snapshot into a state it made reuses its buffers).
 */
import type { LinearModel } from '../classifier.ts';
import type { Dataset } from '../dataset.ts';
import { SweepState, sweepDone, sweepSlice } from '../dcd-sweep.ts';
import type { Metrics } from '../evaluate.ts';
import { MetricHistory } from '../metric-history.ts';
import {
  checkRestorable,
  weightsDiverged,
  type Optimizer,
  type OptimizerSettings,
  type OptimizerState,
} from '../optimizer.ts';
import { classOrder } from '../solver-result.ts';
import { ClassDualSums, dualRows, weightsOfDual } from './dcd-dual.ts';
import { DcdBiasSearch } from './dcd-search.ts';
import { EvalPass } from './eval-pass.ts';

/** A dcd run's saved point: the weights, the dual α (length n), its sums and the bias search. */
export interface DcdState extends OptimizerState {
  readonly alpha: Float64Array;
  readonly sums: ClassDualSums;
  readonly search: DcdBiasSearch;
  /** True when the dual restarts at α = 0 after this point (another optimizer's, or new λ). */
  readonly fresh: boolean;
}

type Phase = 'sweep' | 'dual' | 'eval';

export class Dcd implements Optimizer {
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
  /** The dual: n values in [0, C], C = 1/n, in row order. */
  readonly alpha: Float64Array;
  readonly C: number;
  private readonly sweep: SweepState;
  private readonly sums: ClassDualSums;
  private readonly search: DcdBiasSearch;
  /** The dual starts anew at α = 0 when moving past the current epoch. */
  private fresh = true;
  private phase: Phase = 'eval';
  private dualRow = 0;
  private readonly pass: EvalPass;
  private readonly initial: { w: Float64Array; b: number };

  constructor(data: Dataset, model: LinearModel, settings: OptimizerSettings) {
    if (model.w.length !== data.d) {
      throw new RangeError(`weights have length ${model.w.length}, data has d = ${data.d}`);
    }
    this.data = data;
    this.n = data.n;
    this.d = data.d;
    this.rowsPerEpoch = 3 * data.n;
    this.w = Float64Array.from(model.w);
    this.b = model.b;
    this.initial = { w: Float64Array.from(model.w), b: model.b };
    this.lr = settings.lr; // checked by setSettings: a worker builds with placeholders first
    this.reg = settings.reg;
    this.alpha = new Float64Array(data.n);
    this.C = 1 / data.n;
    // One class only: every row in order (the search then finds h = 0 at b = ±1).
    const order = classOrder(data.y) ?? Uint32Array.from({ length: data.n }, (_, i) => i);
    // No shrinking (thresholds stay ±Infinity), so the sweep reads the order itself.
    this.sweep = new SweepState(order, true);
    this.sums = new ClassDualSums(data.d);
    this.search = new DcdBiasSearch(data.d);
    this.pass = new EvalPass(data);
  }

  get settings(): Readonly<OptimizerSettings> {
    return { lr: this.lr, reg: this.reg };
  }

  get epochComplete(): boolean {
    return this.phase === 'eval' && this.pass.complete;
  }

  get diverged(): boolean {
    return weightsDiverged(this.w, this.b);
  }

  advance(maxRows: number): number {
    let budget = Math.max(0, Math.floor(maxRows));
    if (this.epochComplete) this.commit();
    const { data, n, d, alpha, w } = this;
    let done = 0;
    while (budget > 0 && !this.epochComplete) {
      let did: number;
      if (this.phase === 'sweep') {
        const st = this.sweep;
        did = sweepSlice(data.x, data.y, d, alpha, w, this.b, this.reg, this.C, st, budget);
        if (sweepDone(st)) {
          this.epoch++;
          this.phase = 'dual';
          this.dualRow = 0;
          this.sums.reset();
        }
      } else if (this.phase === 'dual') {
        const to = Math.min(n, this.dualRow + budget);
        dualRows(data.x, data.y, d, alpha, this.sums, this.dualRow, to);
        did = to - this.dualRow;
        this.dualRow = to;
        if (to === n) {
          // The live w drifted from w(α) by rounding over the sweep: the epoch's w is the sum.
          weightsOfDual(this.sums, this.reg, w);
          this.phase = 'eval';
          this.pass.restart();
        }
      } else {
        did = this.pass.scan(w, this.b, budget, this.capture);
      }
      done += did;
      budget -= did;
    }
    return done;
  }

  metrics(): Metrics {
    if (!this.epochComplete) throw new Error('metrics() needs a complete epoch');
    return this.pass.metrics(this.w, this.reg);
  }

  /**
   * The certified gap of the complete epoch: P(w_t, b_t) − L ≥ P(w_t, b_t) − P*, L the best
   * dual value of a feasible α known (dcd-search.ts says why each is one). P itself when the dual
   * has not started (L = D(0) = 0 ≤ P*, as P* ≥ 0).
   */
  certifiedGap(): number {
    const p = this.metrics().objective;
    return this.fresh ? p : p - this.search.bound(this.sums);
  }

  capturedSupportVectors(): Uint32Array | null {
    return this.epochComplete ? this.pass.supportVectors() : null;
  }

  finishEpoch(capture: boolean): Metrics {
    while (!this.epochComplete) this.advance(this.rowsPerEpoch);
    if (capture && !this.pass.captures) {
      this.pass.restart(); // redo it, writing the indices
      this.pass.scan(this.w, this.b, this.n, true);
    }
    return this.metrics();
  }

  /** lr is ignored; a new reg (λ > 0) restarts the dual at α = 0 from the next sweep on. */
  setSettings(settings: OptimizerSettings): void {
    if (!(settings.reg > 0) || !Number.isFinite(settings.reg)) {
      throw new RangeError(
        `reg must be a finite number > 0 for dcd (w = Σ α_i y_i x_i / reg), got ${settings.reg}`,
      );
    }
    if (settings.reg !== this.reg) this.fresh = true;
    this.lr = settings.lr;
    this.reg = settings.reg;
  }

  /** The complete epoch's point (its evaluation may be under way). */
  snapshot(into?: OptimizerState): DcdState {
    if (this.phase !== 'eval') throw new Error('snapshot() needs a complete epoch');
    const s = (
      into && 'alpha' in into && (into as DcdState).alpha.length === this.n
        ? into
        : {
            w: new Float64Array(this.d),
            alpha: new Float64Array(this.n),
            sums: new ClassDualSums(this.d),
            search: new DcdBiasSearch(this.d),
          }
    ) as { -readonly [K in keyof DcdState]: DcdState[K] };
    s.epoch = this.epoch;
    s.w.set(this.w);
    s.b = this.b;
    s.alpha.set(this.alpha);
    s.sums.copyFrom(this.sums);
    s.search.copyFrom(this.search);
    s.fresh = this.fresh;
    return s;
  }

  restore(state: OptimizerState): void {
    checkRestorable(state, this.epoch, this.d);
    this.w.set(state.w);
    this.b = state.b;
    if ('alpha' in state && (state as DcdState).alpha.length === this.n) {
      const s = state as DcdState;
      this.alpha.set(s.alpha);
      this.sums.copyFrom(s.sums);
      this.search.copyFrom(s.search);
      this.fresh = s.fresh;
    } else {
      this.fresh = true; // another optimizer's point: the dual restarts there
    }
    this.epoch = state.epoch;
    this.phase = 'eval';
    this.pass.restart();
    this.history.truncate(state.epoch);
  }

  reset(): void {
    this.w.set(this.initial.w);
    this.b = this.initial.b;
    this.fresh = true;
    this.epoch = 0;
    this.phase = 'eval';
    this.pass.restart();
    this.history.clear();
  }

  /** Records epoch t's metrics and sets up sweep t + 1 (the bias search's step first). */
  private commit(): void {
    const m = this.metrics();
    this.history.push(m.meanLoss, m.objective, m.svCount, m.accuracy);
    if (this.fresh) {
      this.alpha.fill(0);
      this.w.fill(0); // w(0): the sweeps keep w = w(α)
      this.sums.reset();
      this.b = this.search.restart(this.b, this.reg);
      this.fresh = false;
    } else {
      this.b = this.search.step(m.objective, this.sums, this.b, this.w);
    }
    this.sweep.startSweep();
    this.phase = 'sweep';
  }
}
