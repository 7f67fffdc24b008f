/**
 * When a training run sends snapshots and how much it scans between clock reads: the policy of
 * training-run.ts as a pure module. No timers, no promises: every decision takes the clock's
 * value (ms) and whether the page still holds the previous snapshot, so tests drive it with a
 * fake clock.
 *
 * Required snapshots (the run's first epoch, every k-th epoch with SnapshotPolicy.everyEpochs)
 * always go, waiting for the page. Paced ones go at most every pacedInterval() ms, only when the
 * page has taken the previous one, and only from an epoch whose support vectors were captured.
 */
import type { SnapshotPolicy } from './trainer-api.ts';

/**
 * Paced snapshots may take at most this share of the training time (building them, and the
 * dearer pass each needs)...
 */
export const SNAPSHOT_BUDGET = 0.04;
/** ...unless that would space them further apart than this (so 10^7 points still move). */
export const MAX_PACED_INTERVAL_MS = 250;
/** Writing support-vector indices makes a pass about this much dearer (measured at d = 2). */
export const CAPTURE_COST = 0.2;
/** Rows scanned between clock checks within a slice, at least. */
export const MIN_CHUNK_ROWS = 4096;
/**
 * Epochs of metrics the worker holds at most between snapshots (5 MB with their times): when
 * they fill, the next snapshot is required (it waits for the page), so a page slow to take
 * snapshots bounds memory.
 */
export const HISTORY_WINDOW = 2 ** 17;
/** Default minimum spacing of paced snapshots: about one animation frame. */
export const DEFAULT_MIN_INTERVAL_MS = 16;

export class SnapshotPacing {
  /** Rows to scan before the next clock read: near a tenth of a slice. */
  chunkRows = MIN_CHUNK_ROWS * 4;
  /** Recent cost of a row (ms), to predict when an epoch ends. */
  msPerRow = 0;
  /** Time the last paced snapshot took to build (ms). */
  private lastBuildMs = 0;
  private lastSentAt = -Infinity;
  /** The slow pace's origin: epoch `anchorEpoch` was due at time `anchorAt`. */
  private anchorAt = 0;
  private anchorEpoch = 0;

  /**
   * @param n rows of work in an epoch (Optimizer.rowsPerEpoch)
   * @param sliceMs target length of a slice of work
   * @param firstEpoch the run's first epoch (0, or the current one for a run that continues)
   */
  constructor(
    private readonly policy: SnapshotPolicy,
    private readonly n: number,
    private readonly sliceMs: number,
    private readonly firstEpoch: number,
  ) {}

  /** Whether epoch t's snapshot must go (and the run wait for the page to take the previous one). */
  required(t: number): boolean {
    const every = this.policy.everyEpochs;
    return t === this.firstEpoch || (every !== undefined && t % every === 0);
  }

  /** Whether a paced snapshot may go at time `now` (the page holding one or not). */
  paceAllows(now: number, pageHolding: boolean): boolean {
    if (this.policy.everyEpochs !== undefined || pageHolding) return false;
    if (this.slow) return true;
    return now - this.lastSentAt >= this.pacedInterval();
  }

  /** True when the user watches at a set number of epochs per second. */
  get slow(): boolean {
    return this.policy.epochsPerSecond !== undefined;
  }

  /** The slow pace starts (or starts again after a pause) at time `now` from `epoch`. */
  anchor(now: number, epoch: number): void {
    this.anchorAt = now;
    this.anchorEpoch = epoch;
  }

  /**
   * Milliseconds to wait at time `now` before epoch t may be reported: epoch t is due
   * (t − anchorEpoch) / epochsPerSecond seconds after the anchor. 0 at compute speed.
   */
  waitBefore(t: number, now: number): number {
    const eps = this.policy.epochsPerSecond;
    if (eps === undefined) return 0;
    const due = this.anchorAt + ((t - this.anchorEpoch) * 1000) / eps;
    return Math.max(0, due - now);
  }

  /**
   * Whether the epoch t about to begin should capture support-vector indices: only when its
   * snapshot is likely to be sent (capture costs about a fifth of a pass). A paced one is not
   * while the page still holds the previous snapshot: a page drawing 10 snapshots a second would
   * otherwise have nearly every pass at 10^6 points write indices for nothing. When the page
   * takes it mid-pass, the next pass captures, one pass later. The goal epoch always captures.
   */
  captureWorthIt(t: number, goal: number, now: number, pageHolding: boolean): boolean {
    const every = this.policy.everyEpochs;
    if (t >= goal || t === this.firstEpoch || this.slow) return true;
    if (every !== undefined) return t % every === 0;
    if (pageHolding) return false;
    const epochMs = this.msPerRow * this.n;
    return now + epochMs - this.lastSentAt >= this.pacedInterval();
  }

  /** Records a paced or required snapshot sent at `sentAt` that took `buildMs` to build. */
  sent(sentAt: number, buildMs: number): void {
    this.lastSentAt = sentAt;
    this.lastBuildMs = buildMs;
  }

  /** Learns a row's cost from a chunk of `rows` rows that took `ms`; keeps a chunk near sliceMs/10. */
  recordChunk(rows: number, ms: number): void {
    if (rows > 0 && ms > 0) this.msPerRow = ms / rows;
    if (rows < this.chunkRows || ms <= 0) return;
    const target = (rows * (this.sliceMs / 10)) / ms;
    this.chunkRows = Math.max(MIN_CHUNK_ROWS, Math.min(4 * this.chunkRows, Math.round(target)));
  }

  /**
   * Milliseconds between paced snapshots: the policy's minimum (a frame), stretched so that
   * building snapshots (and the capturing pass each needs) takes at most SNAPSHOT_BUDGET of the
   * training time — at 10^6 points and more a snapshot costs milliseconds — within
   * MAX_PACED_INTERVAL_MS.
   */
  pacedInterval(): number {
    const capturePassMs = CAPTURE_COST * this.msPerRow * this.n;
    const cost = this.lastBuildMs + capturePassMs;
    const budgeted = Math.min(MAX_PACED_INTERVAL_MS, cost / SNAPSHOT_BUDGET);
    return Math.max(this.policy.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS, budgeted);
  }
}
