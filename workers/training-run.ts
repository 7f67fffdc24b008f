/**
 * One training run driven in time slices: advance the optimizer by budgets of rows for about
 * `sliceMs`, then yield so pause, step and cancel messages get through; an epoch longer than a
 * slice is split across slices (optimizers give the same bits however their work is sliced).
 * Any Optimizer (src/core/optimizer.ts) runs here: the loop only hands out row budgets and reads
 * "epoch complete", metrics and weights. Snapshots go out at completed epochs, paced by
 * snapshot-pacing.ts and by back-pressure: a paced snapshot is skipped while the page has not
 * taken the previous one (the next one carries the latest state), a required one (the first
 * epoch, every k-th epoch, the end) waits for it. Watching slowly, epochs wait for their time.
 */
import type { Metrics, Optimizer, OptimizerState } from '../src/core/optimizer.ts';
import type { ModelState, RunInfo, SnapshotBuilder } from './snapshot-builder.ts';
import { EpochClock } from './epoch-clock.ts';
import { LoopWaker } from './loop-waker.ts';
import { HISTORY_WINDOW, SnapshotPacing } from './snapshot-pacing.ts';
import type { RunDeps } from './run-deps.ts';
import { RunWaiters } from './run-waiters.ts';
import type { RunStatus, Snapshot, SnapshotPolicy } from './trainer-api.ts';

type Outcome = 'goal' | 'wait' | 'threads' | 'diverged' | 'slice' | number;

export class TrainingRun {
  status: RunStatus = 'running';
  /** Time in slices (snapshots built included; waits, pauses excluded), rows of advance(). */
  elapsedMs = 0;
  rows = 0;
  private readonly pacing: SnapshotPacing;
  private readonly clock: EpochClock; // the optimizer's own work time; the epochs' stamps
  /** Epoch whose completion was already handled (snapshot decision made). */
  private handledEpoch = -1;
  private inFlight: Promise<unknown> | null = null;
  private readonly waker: LoopWaker;
  private pauseRequested = false;
  private cancelRequested = false;
  /** pause() callers, and steps asked for while paused (in order; the first under way). */
  private readonly waiters = new RunWaiters();
  /** The last completed epoch with finite results: what a pause or divergence reports. */
  private last: { state: OptimizerState; m: Metrics; gap: number | null } | null = null;
  /** Epoch of the last snapshot the page received: steps count from it. */
  private reportedEpoch: number;
  /** Settles with the final snapshot when the run ends (rejects if the run itself failed). */
  readonly finished: Promise<Snapshot>;
  private finish!: (s: Snapshot) => void;
  private fail!: (e: Error) => void;

  constructor(
    readonly id: number,
    readonly epochs: number,
    private readonly opt: Optimizer,
    private readonly snapshots: SnapshotBuilder,
    private readonly policy: SnapshotPolicy,
    private readonly deps: RunDeps,
    startPaused = false,
  ) {
    this.waker = new LoopWaker(deps.sleep);
    this.finished = new Promise((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    this.finished.catch(() => undefined); // a step-only run's end may go unobserved
    this.reportedEpoch = opt.epoch;
    this.pacing = new SnapshotPacing(policy, opt.rowsPerEpoch, deps.sliceMs, opt.epoch);
    // The first snapshot lists its support vectors, like every required one.
    if (deps.send && opt.epochComplete && !opt.capturedSupportVectors()) {
      opt.restore(opt.snapshot());
    }
    if (!opt.epochComplete) opt.capture = true;
    this.clock = new EpochClock(opt, deps.now);
    if (startPaused) this.status = 'paused';
    this.pacing.anchor(deps.now(), opt.epoch);
    void this.loop().catch((e: unknown) => this.failed(e));
  }

  get active(): boolean {
    return this.status === 'running' || this.status === 'paused';
  }

  /**
   * Stops between slices (mid-epoch if an epoch is longer than a slice) and resolves with the
   * snapshot of the last completed epoch, the state steps then count from; null when the run
   * was not running.
   */
  pause(): Promise<Snapshot | null> {
    if (this.status !== 'running') return Promise.resolve(null);
    this.pauseRequested = true;
    this.waker.wakeUp(); // from a slow pace's wait
    return this.waiters.waitForPause();
  }

  /** Carries a paused run on; a run that only steps (no send) stays paused. */
  resume(): void {
    if (this.status !== 'paused' || !this.deps.send) return;
    this.pauseRequested = false;
    this.status = 'running';
    this.pacing.anchor(this.deps.now(), this.reportedEpoch);
    this.waker.wakeUp();
  }

  cancel(): Promise<Snapshot> {
    if (this.active) {
      this.cancelRequested = true;
      this.waker.wakeUp();
    }
    return this.finished;
  }

  /** k more epochs while paused; resolves with the snapshot after them. Steps queue in order. */
  step(k: number): Promise<Snapshot> {
    if (this.status !== 'paused') return Promise.reject(new Error('step() needs a paused run'));
    const stepped = this.waiters.addStep(k, this.reportedEpoch);
    this.waker.wakeUp();
    return stepped;
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.cancelRequested) return this.end('cancelled');
      if (this.pauseRequested && this.status === 'running') {
        this.pauseRequested = false;
        this.status = 'paused';
        this.waiters.paused(this.pausedSnapshot());
      }
      const stepping = this.waiters.stepping;
      if (this.status === 'paused' && !stepping) {
        await this.waker.park();
        continue;
      }
      const outcome = this.slice(stepping ? this.waiters.stepGoal : this.epochs, stepping);
      if (outcome === 'wait') {
        await this.inFlight;
        continue;
      }
      if (outcome === 'threads') {
        const t0 = this.deps.now(); // the pass on the other threads: training time too
        const ready = this.deps.passesReady!(); // a failure also shows in the next advance()
        await Promise.race([ready.catch(() => undefined), this.waker.park()]); // or a pause…
        this.clock.worked(this.deps.now() - t0);
        this.elapsedMs += this.deps.now() - t0;
        continue;
      }
      if (typeof outcome === 'number') {
        await this.waker.park(outcome);
        continue;
      }
      if (outcome === 'diverged') return this.end('diverged');
      if (outcome === 'goal') {
        if (!stepping) return this.end('done');
        this.waiters.stepDone(this.snapshot('paused'));
      }
      await this.deps.yieldToEvents();
    }
  }

  /**
   * Advances for about one slice. Returns 'goal' when epoch `goal` is complete, 'wait' when a
   * required snapshot must wait for the page, 'threads' when a pass waits for other threads,
   * 'diverged', or 'slice' when the time is up.
   */
  private slice(goal: number, stepping: boolean): Outcome {
    const { opt, deps, pacing } = this;
    const start = deps.now();
    const deadline = start + deps.sliceMs;
    try {
      for (;;) {
        if (opt.epochComplete) {
          const t = opt.epoch;
          if (this.handledEpoch !== t) {
            // Watching slowly: epoch t is not reported before it is due (ms to wait).
            const wait = stepping || !deps.send ? 0 : pacing.waitBefore(t, deps.now());
            if (wait > 0) return wait;
            if (!this.keep()) return 'diverged';
            if (t < goal && deps.send && !stepping) {
              const h = opt.history; // a full window of epochs held makes a snapshot required
              const required = pacing.required(t) || h.length - h.base >= HISTORY_WINDOW;
              if (required && this.inFlight) return 'wait';
              const paced = pacing.paceAllows(deps.now(), this.inFlight !== null);
              if (required || (paced && opt.capturedSupportVectors())) this.send();
            }
            this.handledEpoch = t;
          }
          if (t >= goal) return 'goal';
          opt.capture = pacing.captureWorthIt(t + 1, goal, deps.now(), this.inFlight !== null);
        }
        const t0 = deps.now();
        const rows = opt.advance(pacing.chunkRows);
        const t1 = deps.now();
        this.clock.worked(t1 - t0);
        this.rows += rows;
        pacing.recordChunk(rows, t1 - t0);
        if (rows === 0 && !opt.epochComplete && deps.passesReady) return 'threads';
        if (t1 >= deadline) return 'slice';
      }
    } finally {
      this.elapsedMs += deps.now() - start;
    }
  }

  /**
   * Keeps the complete epoch (O(d), no allocation); false when it is not finite: its weights or
   * any metric (the objective overflows first, once ‖w‖² passes the largest double).
   */
  private keep(): boolean {
    const { opt } = this;
    const m = opt.metrics();
    if (!Number.isFinite(m.meanLoss) || !Number.isFinite(m.objective) || opt.diverged) {
      return false;
    }
    this.last = { state: opt.snapshot(this.last?.state), m, gap: opt.certifiedGap?.() ?? null };
    return true;
  }

  private info(status: RunStatus): RunInfo {
    const { id: runId, epochs, elapsedMs, opt } = this;
    const rows = this.rows * (opt.n / opt.rowsPerEpoch); // points × epochs (GD: × 1, exact)
    return { runId, status, epochs, elapsedMs, rows };
  }

  /** The optimizer's complete epoch as a snapshot state (completes the epoch if needed). */
  private current(capture = false): ModelState {
    const m = this.clock.finish(capture);
    const { epoch, w, b, history } = this.opt;
    const gap = this.opt.certifiedGap?.() ?? null;
    return { epoch, w, b, m, gap, sv: this.opt.capturedSupportVectors(), history };
  }

  private snapshot(status: RunStatus, capture = false): Snapshot {
    this.reportedEpoch = this.opt.epoch;
    return this.build(this.current(capture), status);
  }

  /** Where a pause stops: the complete epoch if there is one, else the last completed one. */
  private pausedSnapshot(): Snapshot {
    const { opt, last } = this;
    if (opt.epochComplete && (this.handledEpoch === opt.epoch || this.keep())) {
      this.handledEpoch = opt.epoch; // the page has it: the pause's result
      return this.snapshot('paused');
    }
    if (!last) return this.snapshot('paused');
    // Mid-epoch: report the last completed epoch from what was kept of it, without a pass over
    // the data (at 10^7 points a pass would take longer than the pause may). Its metrics are
    // exact; the full index list is left out (sv null), sampleSv is exact.
    this.reportedEpoch = last.state.epoch;
    const { epoch, w, b } = last.state;
    const { m, gap } = last;
    return this.build({ epoch, w, b, m, gap, sv: null, history: opt.history }, 'paused');
  }

  private send(): void {
    const t0 = this.deps.now();
    const s = this.build(this.current(), this.status);
    this.reportedEpoch = s.epoch;
    const sentAt = this.deps.now();
    this.pacing.sent(sentAt, sentAt - t0);
    const sent = this.deps.send!(s).catch(() => undefined);
    this.inFlight = sent;
    void sent.then(() => {
      if (this.inFlight === sent) this.inFlight = null;
    });
  }

  private async end(status: 'done' | 'cancelled' | 'diverged'): Promise<void> {
    if (status === 'diverged' || this.status === 'paused') this.backToShown(status);
    this.status = status;
    this.waiters.settle(new Error(`the run ended (${status}) before the step finished`));
    // Sent without waiting for the page to take the one it holds: the run is over, so there is
    // nothing left to pace (a slow renderer held the end of a short run by up to a second).
    const final = this.snapshot(status, status !== 'cancelled');
    const copy = structuredClone(final);
    await this.deps.send?.(final).catch(() => undefined);
    this.finish(copy);
  }

  /**
   * A run paused mid-epoch showed its last completed epoch while the optimizer had moved on:
   * ending there, it goes back to that epoch, so the final snapshot is the epoch on screen and
   * later steps count from it. A diverged run goes back to its last finite epoch.
   */
  private backToShown(status: RunStatus): void {
    const { opt, last } = this;
    if (!last) return;
    if (status !== 'diverged' && last.state.epoch !== this.reportedEpoch) return;
    if (opt.epochComplete && opt.epoch === last.state.epoch && !opt.diverged) return;
    opt.restore(last.state);
    this.handledEpoch = -1;
  }

  /** A bug or a broken optimizer: nothing waits forever, the run ends and says why. */
  private failed(e: unknown): void {
    const error = new Error(`the training run failed: ${e instanceof Error ? e.message : e}`);
    this.status = 'cancelled';
    this.waiters.settle(error);
    this.fail(error);
  }

  private build(state: ModelState, status: RunStatus): Snapshot {
    return this.snapshots.build(state, this.info(status), this.policy.supportVectors !== false);
  }
}
