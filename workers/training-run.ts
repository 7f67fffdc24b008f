/**
 * One training run driven in time slices: scan rows for about `sliceMs`, then yield so pause,
 * step and cancel messages get through; an epoch longer than a slice is split across slices
 * (the core's passes are bit-identical however they are sliced). Snapshots go out at pass
 * boundaries, paced by the policy and by back-pressure: a paced snapshot is skipped while the
 * page has not taken the previous one (the next one carries the latest state), a required one
 * (epoch 0, every k-th epoch, the end) waits for it.
 */
import { evaluateWeights, type Metrics } from '../src/core/evaluate.ts';
import type { Trainer } from '../src/core/trainer.ts';
import type { ModelState, RunInfo, SnapshotBuilder } from './snapshot-builder.ts';
import type { RunStatus, Snapshot, SnapshotPolicy } from './trainer-api.ts';

export interface RunDeps {
  now: () => number;
  yieldToEvents: () => Promise<void>;
  /** Hands a snapshot to the page; the returned promise settles when the page took it. */
  send: (s: Snapshot) => Promise<unknown>;
  sliceMs: number;
}

/**
 * Paced snapshots may take at most this share of the training time (building them, and the
 * dearer pass each needs)...
 */
const SNAPSHOT_BUDGET = 0.04;
/** ...unless that would space them further apart than this (so 10^7 points still move). */
const MAX_PACED_INTERVAL_MS = 250;
/** Writing support-vector indices makes a pass about this much dearer (measured at d = 2). */
const CAPTURE_COST = 0.2;

/** Rows scanned between clock checks within a slice. */
const MIN_CHUNK_ROWS = 4096;

export class TrainingRun {
  status: RunStatus = 'running';
  /** Active training time and rows scanned (pauses excluded). */
  elapsedMs = 0;
  rows = 0;
  private chunkRows = MIN_CHUNK_ROWS * 4;
  /** Recent cost of a row, to predict when a pass ends. */
  private msPerRow = 0;
  /** Time the last paced snapshot took to build. */
  private lastBuildMs = 0;
  /** Epoch whose completed pass was already handled (snapshot decision made). */
  private handledEpoch = -1;
  private lastSentAt = -Infinity;
  private inFlight: Promise<unknown> | null = null;
  private wake: (() => void) | null = null;
  private pauseRequested = false;
  private cancelRequested = false;
  private stepGoal: {
    epoch: number;
    resolve: (s: Snapshot) => void;
    reject: (e: Error) => void;
  } | null = null;
  private pauseWaiters: ((s: Snapshot | null) => void)[] = [];
  /** The last completed pass with finite results: the state a pause or divergence reports. */
  private lastPass: { epoch: number; w: Float64Array; b: number; m: Metrics } | null = null;
  /** Epoch of the last snapshot the page received: steps count from it. */
  private reportedEpoch: number;
  private scratchSv: Uint32Array | null = null;
  /** Settles with the final snapshot when the run ends. */
  readonly finished: Promise<Snapshot>;
  private finish!: (s: Snapshot) => void;

  constructor(
    readonly id: number,
    readonly epochs: number,
    private readonly trainer: Trainer,
    private readonly snapshots: SnapshotBuilder,
    private readonly policy: SnapshotPolicy,
    private readonly deps: RunDeps,
    startPaused = false,
  ) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    this.reportedEpoch = trainer.epoch;
    if (startPaused) this.status = 'paused';
    void this.loop();
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
    return new Promise((resolve) => this.pauseWaiters.push(resolve));
  }

  resume(): void {
    if (this.status !== 'paused') return;
    this.pauseRequested = false;
    this.status = 'running';
    this.wakeUp();
  }

  cancel(): Promise<Snapshot> {
    if (this.active) {
      this.cancelRequested = true;
      this.wakeUp();
    }
    return this.finished;
  }

  /** k more epochs while paused; resolves with the snapshot after them. */
  step(k: number): Promise<Snapshot> {
    if (this.status !== 'paused') return Promise.reject(new Error('step() needs a paused run'));
    if (this.stepGoal) return Promise.reject(new Error('a step is already in progress'));
    return new Promise((resolve, reject) => {
      this.stepGoal = { epoch: this.reportedEpoch + k, resolve, reject };
      this.wakeUp();
    });
  }

  private wakeUp(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.cancelRequested) return this.end('cancelled');
      if (this.pauseRequested && this.status === 'running') {
        this.pauseRequested = false;
        this.status = 'paused';
        const s = this.pausedSnapshot();
        this.pauseWaiters.splice(0).forEach((resolve, k) => resolve(k ? structuredClone(s) : s));
      }
      if (this.status === 'paused' && !this.stepGoal) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const goal = this.stepGoal ? this.stepGoal.epoch : this.epochs;
      const outcome = this.slice(goal);
      if (outcome === 'wait') {
        await this.inFlight;
        continue;
      }
      if (outcome === 'diverged') return this.end('diverged');
      if (outcome === 'goal') {
        if (this.stepGoal) {
          const { resolve } = this.stepGoal;
          this.stepGoal = null;
          resolve(this.snapshot('paused'));
        } else return this.end('done');
      }
      await this.deps.yieldToEvents();
    }
  }

  /**
   * Scans rows for about one slice. Returns 'goal' when the pass over the weights of epoch
   * `goal` is complete, 'wait' when a required snapshot must wait for the page, 'diverged', or
   * 'slice' when the time is up.
   */
  private slice(goal: number): 'goal' | 'wait' | 'diverged' | 'slice' {
    const { trainer, deps } = this;
    const start = deps.now();
    const deadline = start + deps.sliceMs;
    try {
      for (;;) {
        if (trainer.passComplete && this.handledEpoch !== trainer.epoch) {
          const m = trainer.metrics();
          if (!Number.isFinite(m.meanLoss) || trainer.diverged) return 'diverged';
          this.rememberPass(m);
          const t = trainer.epoch;
          const required =
            t === 0 || (this.policy.everyEpochs !== undefined && t % this.policy.everyEpochs === 0);
          if (t < goal) {
            if (required && this.inFlight) return 'wait';
            if (required || (this.paceAllows() && trainer.passCaptured)) this.send(m);
          }
          this.handledEpoch = t;
        }
        if (trainer.passComplete) {
          if (trainer.epoch >= goal) return 'goal';
          trainer.commit();
          trainer.capture = this.snapshotLikely(trainer.epoch, goal);
        }
        const before = trainer.rowsScanned;
        const t0 = deps.now();
        trainer.scan(this.chunkRows);
        const t1 = deps.now();
        this.rows += trainer.rowsScanned - before;
        this.adaptChunk(trainer.rowsScanned - before, t1 - t0);
        if (t1 >= deadline) return 'slice';
      }
    } finally {
      this.elapsedMs += deps.now() - start;
    }
  }

  /**
   * Whether the pass over epoch t's weights should write support-vector indices: only when its
   * snapshot is likely to be sent (writing them costs about a fifth of a pass). A paced snapshot
   * is not, while the page still holds the previous one: a page drawing 10 snapshots a second
   * would otherwise have nearly every pass at 10^6 points write indices for nothing. When the
   * page takes it mid-pass, the next pass captures, one pass later.
   */
  private snapshotLikely(t: number, goal: number): boolean {
    const every = this.policy.everyEpochs;
    if (t >= goal || t === 0) return true;
    if (every !== undefined) return t % every === 0;
    if (this.inFlight) return false;
    const passMs = this.msPerRow * this.trainer.n;
    return this.deps.now() + passMs - this.lastSentAt >= this.pacedInterval();
  }

  /** Keeps a chunk near a tenth of a slice, so the clock is read often but cheaply. */
  private adaptChunk(rows: number, ms: number): void {
    if (rows > 0 && ms > 0) this.msPerRow = ms / rows;
    if (rows < this.chunkRows || ms <= 0) return;
    const target = (rows * (this.deps.sliceMs / 10)) / ms;
    this.chunkRows = Math.max(MIN_CHUNK_ROWS, Math.min(4 * this.chunkRows, Math.round(target)));
  }

  private paceAllows(): boolean {
    if (this.policy.everyEpochs !== undefined || this.inFlight) return false;
    return this.deps.now() - this.lastSentAt >= this.pacedInterval();
  }

  /**
   * Milliseconds between paced snapshots: the policy's minimum (a frame), stretched so that
   * building snapshots (and the capturing pass each needs) takes at most SNAPSHOT_BUDGET of the
   * training time — at 10^6 points and more a snapshot costs milliseconds — within
   * MAX_PACED_INTERVAL_MS.
   */
  private pacedInterval(): number {
    const capturePassMs = CAPTURE_COST * this.msPerRow * this.trainer.n;
    const cost = this.lastBuildMs + capturePassMs;
    const budgeted = Math.min(MAX_PACED_INTERVAL_MS, cost / SNAPSHOT_BUDGET);
    return Math.max(this.policy.minIntervalMs ?? 16, budgeted);
  }

  /** Keeps what a pause needs to report this epoch without another pass: O(d). */
  private rememberPass(m: Metrics): void {
    const { trainer } = this;
    if (this.lastPass?.epoch === trainer.epoch) return;
    this.lastPass = { epoch: trainer.epoch, w: Float64Array.from(trainer.w), b: trainer.b, m };
  }

  private info(status: RunStatus): RunInfo {
    const { id: runId, epochs, elapsedMs, rows } = this;
    return { runId, status, epochs, elapsedMs, rows };
  }

  /** The trainer's current weights as a snapshot state (completes the pass if needed). */
  private current(m: Metrics = this.trainer.evaluate()): ModelState {
    const t = this.trainer;
    return {
      epoch: t.epoch,
      w: t.w,
      b: t.b,
      m,
      sv: t.sv.subarray(0, m.svCount),
      history: t.history,
    };
  }

  private snapshot(status: RunStatus): Snapshot {
    this.reportedEpoch = this.trainer.epoch;
    return this.build(this.current(), status);
  }

  /** Where a pause stops: the current weights if their pass is complete, else the last pass. */
  private pausedSnapshot(): Snapshot {
    const t = this.trainer;
    if (t.passComplete && this.handledEpoch === t.epoch) return this.snapshot('paused');
    const last = this.lastPass;
    if (!last) return this.snapshot('paused');
    // Mid-epoch: report the last completed epoch from what was kept of it, without a pass over
    // the data (at 10^7 points a pass would take longer than the pause may). Its metrics are
    // exact; the full index list is left out (sv empty, svIncluded false), sampleSv is exact.
    this.reportedEpoch = last.epoch;
    const state = { ...last, sv: null, history: t.history };
    return this.build(state, 'paused');
  }

  private send(m: Metrics): void {
    const t0 = this.deps.now();
    const s = this.build(this.current(m), this.status);
    this.reportedEpoch = s.epoch;
    this.lastSentAt = this.deps.now();
    this.lastBuildMs = this.lastSentAt - t0;
    const sent = this.deps.send(s).catch(() => undefined);
    this.inFlight = sent;
    void sent.then(() => {
      if (this.inFlight === sent) this.inFlight = null;
    });
  }

  private async end(status: 'done' | 'cancelled' | 'diverged'): Promise<void> {
    if (this.status === 'paused') this.rewindToShown();
    this.status = status;
    for (const resolve of this.pauseWaiters.splice(0)) resolve(null);
    this.stepGoal?.reject(new Error(`the run ended (${status}) before the step finished`));
    this.stepGoal = null;
    const final = status === 'diverged' ? this.lastPassSnapshot('diverged') : this.snapshot(status);
    if (this.inFlight) await this.inFlight;
    const copy = structuredClone(final);
    await this.deps.send(final).catch(() => undefined);
    this.finish(copy);
  }

  /**
   * The last completed pass (finite by construction) rebuilt as a snapshot: its metrics and
   * support vectors come from one evaluation pass of its weights, bit-identical to the pass that
   * first computed them.
   */
  private lastPassSnapshot(status: RunStatus): Snapshot {
    const last = this.lastPass;
    if (!last) return this.snapshot(status);
    const t = this.trainer;
    this.scratchSv ??= new Uint32Array(t.n);
    const m = evaluateWeights(t.data, last.w, last.b, t.reg, this.scratchSv);
    const sv = this.scratchSv.subarray(0, m.svCount);
    const state = { epoch: last.epoch, w: last.w, b: last.b, m, sv, history: t.history };
    this.reportedEpoch = last.epoch;
    return this.build(state, status);
  }

  /**
   * A run that paused mid-epoch showed its last completed pass (epoch t) while the trainer had
   * stepped on to t + 1: ending there, the trainer goes back to t, so the run's final snapshot is
   * the epoch on screen and later steps count from it.
   */
  private rewindToShown(): void {
    const last = this.lastPass;
    const t = this.trainer;
    if (!last || last.epoch !== this.reportedEpoch || t.epoch === last.epoch) return;
    t.rewind(last.epoch, last.w, last.b);
    this.handledEpoch = -1;
  }

  private build(state: ModelState, status: RunStatus): Snapshot {
    return this.snapshots.build(state, this.info(status), this.policy.supportVectors !== false);
  }
}
