/**
 * A run's training clock and its epochs' time stamps (the curves' "seconds" axis).
 *
 * Training time is the optimizer's own work: the time inside advance() and inside a finishEpoch()
 * that completes an epoch. Not counted: building snapshots, waiting for the page to take one,
 * the slow pace's sleeps, pauses, yields. (The snapshot's elapsedMs, the run's slices, does
 * count snapshot building: it is the worker's throughput.) A run that carries on from the
 * current epoch (after a pause, a step, a settings change or a switch of optimizer) carries on
 * from that epoch's time, so a run has one time axis. Each epoch is stamped once, when it is
 * first seen complete (MetricHistory.stamp: the core itself reads no clock).
 */
import type { Metrics, Optimizer } from '../src/core/optimizer.ts';

export class EpochClock {
  /** Training time so far, ms: the time of the run's first epoch plus the work since. */
  ms: number;

  constructor(
    private readonly opt: Optimizer,
    private readonly now: () => number,
  ) {
    const h = opt.history;
    const last = h.length > h.base ? h.ms[h.length - 1 - h.base]! : NaN;
    // The current epoch's stamp, else the last epoch's (mid-epoch), else a fresh run's 0.
    this.ms = [h.pendingMs, last, 0].find((v) => Number.isFinite(v))!;
    this.mark();
  }

  /** Adds `ms` of the optimizer's work; stamps the epoch that work completed, if it did. */
  worked(ms: number): void {
    this.ms += ms;
    this.mark();
  }

  /** The optimizer's finishEpoch, its work timed when it completes the epoch (not a recapture). */
  finish(capture: boolean): Metrics {
    if (this.opt.epochComplete) return this.opt.finishEpoch(capture);
    const t0 = this.now();
    const m = this.opt.finishEpoch(capture);
    this.worked(this.now() - t0);
    return m;
  }

  private mark(): void {
    const { opt } = this;
    if (opt.epochComplete && Number.isNaN(opt.history.pendingMs)) opt.history.stamp(this.ms);
  }
}
