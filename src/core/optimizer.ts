/**
 * What a training run needs from an optimizer, and nothing more: the worker's run loop
 * (workers/training-run.ts) drives any optimizer through this interface alone, so full-batch GD
 * (trainer.ts, the first implementation), Pegasos, mini-batch SGD, momentum or dual coordinate
 * descent fit without changing the loop.
 *
 * The optimizer owns its epoch structure. An epoch is one pass's worth of work over the n
 * points (GD: one fused pass that evaluates w_t and yields the step to w_{t+1}; SGD: n updates
 * then an evaluation pass). The loop only hands out row budgets (advance) and, whenever an epoch
 * is complete, reads its metrics and weights. Epoch t's metrics are those of the weights at the
 * epoch's end, (w_t, b_t): history entry t once the optimizer has moved past it.
 */
import type { Dataset } from './dataset.ts';
import type { Metrics } from './evaluate.ts';
import type { MetricHistory } from './metric-history.ts';

export type { Metrics };

/** Step size and L2 weight: the objective is mean hinge loss + reg/2·‖w‖² (bias unregularised). */
export interface OptimizerSettings {
  lr: number;
  reg: number;
}

/**
 * A saved point of a run: the weights after `epoch` epochs. Implementations add what else they
 * need to carry on bit for bit (a velocity, a generator's state); only the optimizer that made a
 * state may restore it.
 */
export interface OptimizerState {
  readonly epoch: number;
  /** w_epoch, length d (a copy, not a view of the live weights). */
  readonly w: Float64Array;
  readonly b: number;
}

export interface Optimizer {
  readonly data: Dataset;
  /** Points and dimension: x is row-major n×d. */
  readonly n: number;
  readonly d: number;
  /**
   * Rows of work advance() does in one epoch (GD: n, one fused pass; n updates and an
   * evaluation pass: 2n), so the loop can predict an epoch's time and count points × epochs.
   */
  readonly rowsPerEpoch: number;
  /** The live weights, length d (a view updated in place; copy what must be kept). */
  readonly w: Float64Array;
  readonly b: number;
  /** Completed epochs: when epochComplete, the live weights are (w_epoch, b_epoch). */
  readonly epoch: number;
  /** Entries [0, epoch): the metrics of the weights at the end of each earlier epoch. */
  readonly history: MetricHistory;
  readonly settings: Readonly<OptimizerSettings>;
  /**
   * True when epoch `epoch` is done and its metrics known: metrics() may run, and w, b, epoch
   * describe one consistent point of the run. False while an epoch's work is under way.
   */
  readonly epochComplete: boolean;
  /** True when a weight or the bias is no longer finite. */
  readonly diverged: boolean;
  /**
   * Whether epochs begun from now on write the support-vector indices of their end weights
   * (about a fifth of a pass's cost at d = 2). Metrics and weights are the same bits either way.
   */
  capture: boolean;

  /**
   * Does at most `maxRows` rows of work and returns how many it did; stops early when an epoch
   * completes. Called when epochComplete, it first moves past that epoch (recording its metrics
   * as history entry `epoch`). Any slicing of the work gives the same bits. Returns 0 while
   * its pass waits for other threads (sharded-pass.ts): the run loop then awaits them.
   */
  advance(maxRows: number): number;
  /** Metrics of (w_epoch, b_epoch); needs epochComplete. */
  metrics(): Metrics;
  /**
   * For an optimizer that keeps a dual (dcd): a certified upper bound of P(w_epoch, b_epoch) − P*
   * (needs epochComplete). Absent for the others.
   */
  certifiedGap?(): number;
  /**
   * Ascending support-vector indices of (w_epoch, b_epoch) when the complete epoch wrote them
   * (a view, valid until the next advance), else null.
   */
  capturedSupportVectors(): Uint32Array | null;
  /**
   * Completes the current epoch without a budget and returns its metrics; with `capture`, also
   * makes sure capturedSupportVectors() is not null (redoing the evaluation if it was not
   * captured).
   */
  finishEpoch(capture: boolean): Metrics;
  /** New lr and reg from the next update on (call between epochs); reg also enters metrics(). */
  setSettings(settings: OptimizerSettings): void;
  /**
   * The last completed epoch's point of the run (needs epochComplete). Pass a state this
   * optimizer made earlier as `into` to reuse its buffers.
   */
  snapshot(into?: OptimizerState): OptimizerState;
  /**
   * Back to a state this optimizer saved (an epoch at most the current one): history keeps
   * entries [0, state.epoch) and the evaluation of the restored weights starts anew.
   */
  restore(state: OptimizerState): void;
  /** Back to the initial weights: epoch 0, empty history, evaluation not begun. */
  reset(): void;
}

/** True when a weight (w, length d) or the bias b is no longer finite: the run has diverged. */
export function weightsDiverged(w: Float64Array, b: number): boolean {
  if (!Number.isFinite(b)) return true;
  for (let j = 0; j < w.length; j++) if (!Number.isFinite(w[j]!)) return true;
  return false;
}

/**
 * The point (epoch, w, b) as a state: written into `into` when it is a state of the same d
 * (no allocation), else a new one with a copy of w.
 */
export function weightsState(
  epoch: number,
  w: Float64Array,
  b: number,
  into?: OptimizerState,
): OptimizerState {
  if (into && into.w.length === w.length) {
    const s = into as { epoch: number; w: Float64Array; b: number };
    s.w.set(w);
    s.epoch = epoch;
    s.b = b;
    return s;
  }
  return { epoch, w: Float64Array.from(w), b };
}

/** Throws unless `state` can be restored by an optimizer at `epoch` with dimension d. */
export function checkRestorable(state: OptimizerState, epoch: number, d: number): void {
  if (!Number.isInteger(state.epoch) || state.epoch < 0 || state.epoch > epoch) {
    throw new RangeError(`restore needs a state of epoch in [0, ${epoch}], got ${state.epoch}`);
  }
  if (state.w.length !== d) throw new RangeError(`weights have length ${state.w.length}, d = ${d}`);
}
