/**
 * What the page shows of a run: the snapshot on screen, the curves gathered so far, and the pace
 * of drawing. Per snapshot the page does O(sample) work, never O(n).
 *
 * While training, each snapshot is drawn over two frames (the plot, hinge panel and read-outs;
 * then the curves and the Compare panel, bumped through `curveVersion`), and its acknowledgement
 * (the worker's cue to send the next one) waits for the pacer, so drawing leaves the main thread
 * mostly free. A hidden tab draws nothing: snapshots are stored and acknowledged at once, and the
 * latest is drawn when the tab shows again.
 */
import { flushSync } from 'svelte';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { CurveStore } from '../ui/curve-store.ts';
import { DrawPacer, type PacerClock } from '../ui/draw-pacer.ts';

/**
 * Largest share of the main thread drawing may take when the user watches slowly (a set number
 * of epochs per second: each epoch is wanted on screen, and drawing one is cheap then).
 */
const PACER_SHARE_SLOW = 0.75;

/**
 * The same when the worker trains flat out (paced snapshots). A drawn snapshot costs about as much
 * again on Chromium's raster and compositor threads as on the main thread; with a core to spare
 * that is free, but on two cores (one training) part of it preempts the worker. Measured on two
 * cores at 10^6 points, the worker kept 79-84% of the core's alone throughput at a share of 0.15
 * and 91-94% at 0.08 (bench:ui).
 */
export function pacedShare(cores: number): number {
  return cores > 2 ? 0.2 : 0.08;
}

export class SnapshotView {
  /** The snapshot on screen. */
  snapshot: Snapshot | null = $state.raw(null);
  /** Bumped whenever the curves change (they live outside the reactive graph). */
  curveVersion = $state(0);
  readonly curves = new CurveStore();

  /** The newest snapshot taken (drawn or, in a hidden tab, waiting to be drawn). */
  private newest: Snapshot | null = null;
  private anyNext = false;
  private hidden: boolean;
  private readonly pacer: DrawPacer;

  /**
   * @param onPresent called after a snapshot is put on screen (the text grid refreshes).
   * @param flush makes Svelte render now (flushSync in the page; a no-op in unit tests).
   */
  constructor(
    private readonly clock: PacerClock,
    private readonly onPresent: (s: Snapshot) => void = () => undefined,
    private readonly flush: () => void = flushSync,
    hidden = false,
  ) {
    this.pacer = new DrawPacer(clock);
    this.hidden = hidden;
  }

  /** The newest snapshot taken, drawn or not. Not reactive. */
  get latest(): Snapshot | null {
    return this.newest;
  }

  get isHidden(): boolean {
    return this.hidden;
  }

  /** Sets the pacer for a run: whether the user watches slowly, and the cores. */
  pace(slow: boolean, cores: number): void {
    this.pacer.share = slow ? PACER_SHARE_SLOW : pacedShare(cores);
  }

  /** Nothing on screen: a new dataset is about to be drawn. */
  forget(): void {
    this.snapshot = this.newest = null;
  }

  /** Empties the curves (a new run from epoch 0). */
  clearCurves(): void {
    this.curves.clear();
    this.curveVersion++;
  }

  /** A new worker took over (run ids start again): its next snapshot is taken whatever its id. */
  newWorker(): void {
    this.anyNext = true;
  }

  /** A fresh start (new data or Reset): no curves, then the epoch-0 snapshot. */
  showFresh(first: Snapshot): void {
    this.forget();
    this.clearCurves();
    this.take(first);
  }

  /**
   * Takes a snapshot: its stretch of the curves is stored at once (O(epochs since the last one)),
   * and it is drawn unless the tab is hidden (`split`: but for the curves, left to the caller).
   * Snapshots older than the newest are dropped.
   */
  take(s: Snapshot, split = false): void {
    const cur = this.newest;
    const older = cur && (s.runId < cur.runId || (s.runId === cur.runId && s.epoch < cur.epoch));
    if (older && !this.anyNext) return;
    this.anyNext = false;
    this.curves.addChunk(s.curve);
    if (s.epoch > 0 && s.churnCounted) {
      const ms = s.curve.ms?.at(-1) ?? NaN; // the snapshot's own epoch ends its chunk
      this.curves.addChurn(s.epoch, s.entered, s.left, ms / 1000);
    }
    this.newest = s;
    if (!this.hidden) this.present(s, split);
  }

  /**
   * A training snapshot: drawn over two frames, then acknowledged once the pacer allows (the
   * returned promise); in a hidden tab, or the run's last, acknowledged at once.
   */
  receive(s: Snapshot): Promise<void> | undefined {
    const began = this.clock.now();
    // A run's last snapshot is drawn whole and taken at once: nothing follows it to pace.
    const last = s.status !== 'running';
    this.take(s, !last);
    if (this.hidden || last) return undefined;
    this.flush();
    return this.pacer.drawn(began, () => {
      // A later snapshot (a pause's, a step's) may have been drawn whole meanwhile.
      if (this.snapshot !== s) return;
      this.curveVersion++;
      this.flush();
    });
  }

  /** The tab was hidden or shown: shown, the latest snapshot is drawn with the curves meanwhile. */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (!hidden && this.newest && this.newest !== this.snapshot) this.present(this.newest);
  }

  private present(s: Snapshot, split = false): void {
    this.snapshot = s;
    this.onPresent(s);
    if (!split) this.curveVersion++;
  }
}
