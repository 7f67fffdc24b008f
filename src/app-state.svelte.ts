/**
 * The page's one controller: owns the form's texts, the dataset and the run, and talks to the
 * training worker through the client. Components read its state and call its actions; nothing
 * else touches the worker.
 *
 * Train starts the worker's run, which sends snapshots to our callback; the callback's promise
 * settles on the next frame, so the worker never outpaces drawing. Pause, Step and Resume act on
 * that live run (pause() stops it between slices and hands back the last completed epoch; step(k)
 * counts from there; resume() carries the same run on). Without a live run (after Step from idle
 * or done, or once the form's training settings changed), Step starts from the current weights
 * and Resume drives the worker with step() batches, one per frame.
 *
 * Per snapshot the page does O(sample) work, never O(n). A hidden tab draws nothing: snapshots
 * are acknowledged at once, their curves stored, and the latest one drawn when the tab shows.
 */
import type { Hyperparameters, Recipe } from './core/recipe.ts';
import { TEXT_GRID_SIZE } from './core/text-grid.ts';
import {
  DEFAULT_SETTINGS,
  readFields,
  sameRecipe,
  settingsTexts,
  type FieldName,
  type FieldTexts,
  type Settings,
} from './fields.ts';
import type { TrainerClient } from './trainer-client.ts';
import { flushSync } from 'svelte';
import { CurveStore } from './ui/curve-store.ts';
import { browserClock, DrawPacer } from './ui/draw-pacer.ts';
import { afterNextFrame, nextFrame } from './ui/next-frame.ts';
import { snapshotPolicy } from './ui/snapshot-rates.ts';
import { parseHash, serialiseHash, type IgnoredEntry } from './url-state.ts';
import type { DatasetSummary, Snapshot } from '../workers/trainer-api.ts';

export type UiStatus = 'idle' | 'training' | 'paused' | 'done' | 'diverged' | 'error';

/**
 * Minimum time between text-grid refreshes while training, ms (a refresh costs the worker
 * O(grid cells), not a pass over the data: see src/core/text-grid-index.ts).
 */
const GRID_INTERVAL_MS = 250;
/**
 * Largest share of the main thread drawing snapshots may take when the worker waits for each
 * snapshot (every k epochs, a short run made watchable).
 */
const PACER_SHARE_EVERY_K = 0.75;
/**
 * The same when the worker trains flat out (paced snapshots). A drawn snapshot costs about as much
 * again on Chromium's raster and compositor threads as on the main thread; with a core to spare
 * that is free, but on two cores (one training) part of it preempts the worker. Measured on two
 * cores at 10^6 points, the worker kept 79-84% of the core's alone throughput at a share of 0.15
 * and 91-94% at 0.08 (bench:ui).
 */
function pacedShare(cores: number): number {
  return cores > 2 ? 0.2 : 0.08;
}
/**
 * The page draws a sample: the full support-vector list in every snapshot would be megabytes of
 * garbage each at 10^7 points (the Compare panel asks the worker for it when exporting).
 */
const LEAN_SNAPSHOTS = { supportVectors: false } as const;
/** Target duration of one step() batch when resuming without a live run, ms. */
const STEP_BATCH_MS = 25;

/** A train() call of the worker in progress: its result, settings and line of work. */
interface LiveRun {
  finished: Promise<Snapshot>;
  hp: Hyperparameters;
  token: number;
}

function sameHyperparameters(a: Hyperparameters, b: Hyperparameters): boolean {
  return Object.is(a.lr, b.lr) && Object.is(a.reg, b.reg) && a.epochs === b.epochs;
}

export class AppState {
  /** The form's texts, one per field (URL names). */
  texts: FieldTexts = $state(settingsTexts(DEFAULT_SETTINGS));
  snapshotRate = $state('auto');
  showTrueBoundary = $state(true);
  fitToData = $state(false);
  logScale = $state(false);
  /** Hash entries the last loaded URL carried that were not used. */
  urlIgnored: IgnoredEntry[] = $state.raw([]);

  status: UiStatus = $state('idle');
  /** A sentence about the status: what failed, what is happening. */
  message = $state('');
  generating = $state(false);
  /** Fraction of the dataset drawn while generating. */
  generated = $state(0);
  stepping = $state(false);
  /** True from a Pause click until the worker has stopped. */
  pausing = $state(false);
  summary: DatasetSummary | null = $state.raw(null);
  /** The recipe the current dataset was drawn from. */
  datasetRecipe: Recipe | null = $state.raw(null);
  snapshot: Snapshot | null = $state.raw(null);
  grid = $state('');
  /**
   * Bumped whenever the curves change (they live outside the reactive graph). While a run trains
   * flat out, a frame after `snapshot`: each frame then draws about half of a snapshot's work
   * (the plot, hinge panel and read-outs; then the curves and the Compare panel), where a whole
   * one in one frame made tasks over 50 ms on two busy cores.
   */
  curveVersion = $state(0);
  readonly curves = new CurveStore();

  /** The fields read and checked: the settings when all are valid, and a message per bad field. */
  readonly check = $derived(readFields(this.texts));
  readonly settings: Settings | null = $derived(this.check.settings);
  readonly errors: Partial<Record<FieldName, string>> = $derived(this.check.errors);
  /** True when the dataset fields no longer match the data on screen. */
  readonly recipeStale = $derived(
    this.settings !== null &&
      (this.datasetRecipe === null || !sameRecipe(this.settings.recipe, this.datasetRecipe)),
  );
  /** The last valid settings: what the page goes by while a field is being corrected. */
  readonly lastSettings: Settings = $derived.by(() => {
    if (this.settings) this.lastValid = this.settings;
    return this.lastValid;
  });
  /** The epochs the progress bar counts to: the run's own, else the form's. */
  readonly targetEpochs = $derived.by(() => {
    const form = this.lastSettings.hp.epochs;
    return this.snapshot?.epochs || form;
  });
  readonly canTrain = $derived(this.settings !== null && !this.generating);
  readonly canPause = $derived(
    (this.status === 'training' && !this.pausing) || this.status === 'paused',
  );
  readonly canStep = $derived(this.settings !== null && !this.generating && !this.stepping);
  readonly canReset = $derived(this.summary !== null && !this.generating);

  private lastValid: Settings = DEFAULT_SETTINGS;
  private token = 0;
  private generation = 0;
  private driveId = 0;
  /** The last pause(), cancel() or step() call, which the next step must wait for. */
  private pending: Promise<unknown> | null = null;
  /** The worker's train() run that sends us its snapshots, while it lasts. */
  private run: LiveRun | null = null;
  /** The newest snapshot taken (drawn or, in a hidden tab, waiting to be drawn). */
  private latest: Snapshot | null = null;
  private hidden = typeof document !== 'undefined' && document.hidden;
  /** The generation's progress, kept up to date while hidden (`generated` shows it). */
  private drawnFraction = 0;
  private gridBusy = false;
  private gridDirty = false;
  private gridAt = 0;
  private readonly onVisibility = () => this.setHidden(document.hidden);
  private readonly pacer = new DrawPacer(browserClock());

  constructor(private readonly client: TrainerClient) {
    client.onCrash((error) => void this.recover(error));
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.onVisibility);
    }
  }

  /** Fills the form from a URL hash, noting what it ignored (call generate() to draw the data). */
  readHash(hash: string): void {
    const { settings, ignored } = parseHash(hash);
    this.texts = settingsTexts(settings);
    this.urlIgnored = ignored;
  }

  /** The hash of the current settings, or null while a field is invalid. */
  get hash(): string | null {
    return this.settings ? serialiseHash(this.settings) : null;
  }

  /** The newest snapshot taken, drawn or not (a hidden tab still takes them). Not reactive. */
  get latestSnapshot(): Snapshot | null {
    return this.latest;
  }

  /** The worker's client, read-only, for the Compare panel's dataset export. */
  get trainer(): TrainerClient {
    return this.client;
  }

  dismissUrlNotice(): void {
    this.urlIgnored = [];
  }

  /**
   * Draws the dataset of the form's recipe and shows the untrained classifier (epoch 0). A run in
   * progress stops first (the worker drops it for the new data), keeping its last state on screen
   * should the drawing fail or be cancelled.
   */
  async generate(): Promise<boolean> {
    const settings = this.settings;
    if (!settings) return false;
    await this.stopRun();
    const token = this.begin();
    const generation = ++this.generation;
    this.generating = true;
    this.generated = this.drawnFraction = 0;
    const n = 2 * settings.recipe.nPerClass;
    this.message = `Drawing ${n.toLocaleString('en-US')} points…`;
    try {
      // The page shows that it is drawing before the worker takes a core: on two cores, drawing
      // the new state alongside the generation (and its garbage collection) took over 50 ms.
      await afterNextFrame();
      if (token !== this.token) return false;
      const summary = await this.client.generate(settings.recipe, (p) => {
        if (token !== this.token) return;
        this.drawnFraction = p.accepted / p.n;
        if (!this.hidden) this.generated = this.drawnFraction;
      });
      if (token !== this.token) return false;
      // The new data is drawn with its initial weights first; its epoch-0 snapshot follows.
      this.snapshot = this.latest = null;
      this.summary = summary;
      this.datasetRecipe = settings.recipe;
      const first = await this.client.reset();
      if (token !== this.token) return false;
      this.showFresh(first);
      return true;
    } catch (e) {
      if (token === this.token) this.fail(e);
      return false;
    } finally {
      if (generation === this.generation) this.generating = false;
    }
  }

  /** Stops drawing a dataset; the data on screen (and its state) stays. */
  async cancelGenerate(): Promise<void> {
    if (!this.generating) return;
    this.begin();
    this.generation++;
    this.generating = false;
    this.message = 'Cancelled: the data on screen stays.';
    try {
      await this.client.cancel();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Trains from the initial weights with the form's settings (drawing the data first if stale). */
  async train(): Promise<void> {
    if (!this.canTrain) return;
    if (this.recipeStale && !(await this.generate())) return;
    const settings = this.settings;
    if (!settings) return;
    const token = this.begin();
    this.status = 'training';
    this.message = '';
    this.curves.clear();
    this.curveVersion++;
    const n = this.summary?.n ?? 2 * settings.recipe.nPerClass;
    const snapshots = snapshotPolicy(this.snapshotRate, settings.hp.epochs, n);
    const options = { ...settings.hp, snapshots: { ...snapshots, ...LEAN_SNAPSHOTS } };
    // Paced snapshots leave the worker free to train flat out: drawing them must leave it CPU.
    const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
    this.pacer.share = snapshots.everyEpochs ? PACER_SHARE_EVERY_K : pacedShare(cores);
    const finished = this.client.train(options, (s) => this.receive(s, token));
    const run: LiveRun = { finished, hp: settings.hp, token };
    this.run = run;
    try {
      const last = await finished;
      if (this.run === run) this.run = null;
      if (token !== this.token) return;
      this.finish(last);
      this.take(last);
    } catch (e) {
      if (this.run === run) this.run = null;
      if (token === this.token) this.fail(e);
    }
  }

  /**
   * Pauses a run in progress: the worker stops between slices and hands back the snapshot of the
   * last completed epoch, which the page shows as it turns 'paused'. A step-driven resume stops
   * after its batch in flight.
   */
  async pause(): Promise<void> {
    if (this.status !== 'training' || this.pausing) return;
    const token = this.token;
    this.pausing = true;
    try {
      const run = this.run;
      if (run) {
        let s: Snapshot | null = null;
        // null: the run had not started yet, or it ended first (then train() reports how).
        while (!s && this.run === run && this.status === 'training') {
          const call = this.client.pause();
          this.pending = call;
          s = await call;
          if (!s) await nextFrame();
        }
        if (token !== this.token) return;
        if (s && this.status === 'training') {
          this.status = 'paused';
          this.take(s);
        }
      } else {
        this.driveId++;
        await this.pending?.catch(() => undefined);
        if (token === this.token && this.status === 'training') this.status = 'paused';
      }
    } catch (e) {
      if (token === this.token) this.fail(e);
    } finally {
      this.pausing = false;
    }
  }

  /**
   * Resumes a paused run: the live run carries on to its end; without one (or when the form's
   * training settings changed since Train) step() batches drive it to the Epochs field.
   */
  async resume(): Promise<void> {
    if (this.status !== 'paused') return;
    const hp = this.settings?.hp;
    const run = this.run;
    if (run && (!hp || sameHyperparameters(run.hp, hp))) {
      this.status = 'training';
      try {
        await this.client.resume();
      } catch (e) {
        if (run.token === this.token) this.fail(e);
      }
      return;
    }
    if (!hp) return;
    await this.stopRun();
    if (this.status !== 'paused') return;
    this.status = 'training';
    return this.drive();
  }

  /** Space: train when nothing runs, else pause or resume. */
  toggle(): Promise<void> {
    if (this.status === 'training') return this.pause();
    if (this.status === 'paused') return this.resume();
    return this.train();
  }

  /** One more epoch (pausing a run in progress first). */
  async step(): Promise<void> {
    if (!this.canStep) return;
    this.stepping = true;
    try {
      if (this.status === 'training') await this.pause();
      await this.pending?.catch(() => undefined);
      if (this.recipeStale && !(await this.generate())) return;
      const settings = this.settings;
      if (!settings) return;
      if (this.run && !sameHyperparameters(this.run.hp, settings.hp)) await this.stopRun();
      const token = this.token;
      const call = this.client.step(1, settings.hp, LEAN_SNAPSHOTS);
      this.pending = call;
      const s = await call;
      if (token !== this.token) return;
      this.take(s);
      this.status = s.epoch >= s.epochs ? 'done' : 'paused';
      this.message = '';
    } catch (e) {
      this.fail(e);
    } finally {
      this.stepping = false;
    }
  }

  /** Back to the initial weights (epoch 0) of the current dataset. */
  async reset(): Promise<void> {
    if (this.generating) return;
    if (!this.summary) {
      await this.generate();
      return;
    }
    const token = this.begin();
    try {
      const first = await this.client.reset();
      if (token === this.token) this.showFresh(first);
    } catch (e) {
      if (token === this.token) this.fail(e);
    }
  }

  /** Stops the worker's traffic for good (page unload). */
  dispose(): void {
    this.begin();
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.onVisibility);
    }
    void this.client.dispose();
  }

  /**
   * The tab was hidden or shown. Hidden, snapshots are only stored; shown, the latest is drawn
   * with the curves gathered meanwhile, and the generation progress catches up.
   */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (hidden) return;
    if (this.generating) this.generated = this.drawnFraction;
    if (this.latest && this.latest !== this.snapshot) this.present(this.latest);
  }

  /** A new line of work: older callbacks and results are ignored from now on. */
  private begin(): number {
    this.driveId++;
    this.run = null;
    return ++this.token;
  }

  /**
   * Ends the live train run, keeping its state: the worker's cancel() ends a paused run at the
   * epoch on screen (a running one at the pass it is in), and the run's final snapshot (taken by
   * train()) is what Step and Resume then count from.
   */
  private async stopRun(): Promise<void> {
    this.driveId++;
    const run = this.run;
    if (!run) {
      await this.pending?.catch(() => undefined);
      return;
    }
    const stopping = this.client.cancel();
    this.pending = stopping;
    await stopping.catch(() => undefined);
    await run.finished.catch(() => undefined);
    if (this.run === run) this.run = null;
    if (run.token === this.token && this.status === 'training') this.status = 'paused';
  }

  private showFresh(first: Snapshot): void {
    this.snapshot = this.latest = null;
    this.curves.clear();
    this.curveVersion++;
    this.take(first);
    this.status = 'idle';
    this.message = '';
  }

  /**
   * The train run's snapshot callback: drawn, then acknowledged once its frame is out and the
   * pacer allows (so the worker never outpaces drawing, and drawing leaves the page responsive);
   * in a hidden tab stored and acknowledged at once.
   */
  private receive(s: Snapshot, token: number): Promise<void> | undefined {
    if (token !== this.token) return undefined;
    const began = performance.now();
    this.take(s, true);
    if (this.hidden) return undefined;
    flushSync();
    return this.pacer.drawn(began, () => {
      // A later snapshot (a pause's, a step's) may have been drawn whole meanwhile.
      if (this.snapshot !== s) return;
      this.curveVersion++;
      flushSync();
    });
  }

  /**
   * Takes a snapshot: its stretch of the curves is stored at once (O(epochs since the last one)),
   * and it is drawn unless the tab is hidden (`split`: but for the curves, left to the caller).
   * Older snapshots than the latest are dropped.
   */
  private take(s: Snapshot, split = false): void {
    const cur = this.latest;
    if (cur && (s.runId < cur.runId || (s.runId === cur.runId && s.epoch < cur.epoch))) return;
    this.curves.addChunk(s.curve);
    if (s.epoch > 0 && s.churnCounted) this.curves.addChurn(s.epoch, s.entered, s.left);
    this.latest = s;
    if (!this.hidden) this.present(s, split);
  }

  /**
   * Draws a snapshot: the weights, the read-outs, (maybe) the text grid, and the curves unless
   * `split` leaves them to the caller's second frame.
   */
  private present(s: Snapshot, split = false): void {
    this.snapshot = s;
    this.refreshGrid();
    if (!split) this.curveVersion++;
  }

  /** The end of a train run: done or diverged (a cancelled run was paused or replaced). */
  private finish(last: Snapshot): void {
    if (last.status === 'done') {
      this.status = 'done';
      this.message = '';
    } else if (last.status === 'diverged') {
      this.status = 'diverged';
      this.message = `The weights left the finite numbers after epoch ${last.epoch}; try a smaller learning rate.`;
    }
  }

  /**
   * Trains on from the current epoch to the Epochs field with step() calls: one snapshot per
   * call and one call per frame, k epochs each (the snapshot policy's k, or as many as fit in
   * about STEP_BATCH_MS).
   */
  private async drive(): Promise<void> {
    const id = ++this.driveId;
    const token = this.token;
    let k = 1;
    try {
      await this.pending?.catch(() => undefined);
      for (;;) {
        const s0 = this.latest;
        const settings = this.settings;
        if (id !== this.driveId || token !== this.token || !s0 || !settings) return;
        const target = settings.hp.epochs;
        if (s0.epoch >= target) break;
        const every = snapshotPolicy(this.snapshotRate, target, this.summary?.n ?? 0).everyEpochs;
        const batch = every ? every - (s0.epoch % every) : k;
        const t0 = performance.now();
        const call = this.client.step(
          Math.min(batch, target - s0.epoch),
          settings.hp,
          LEAN_SNAPSHOTS,
        );
        this.pending = call;
        const s = await call;
        if (token !== this.token) return;
        this.take(s);
        const ms = Math.max(1, performance.now() - t0);
        k = Math.max(1, Math.min(4 * k, 1_000_000, Math.round((k * STEP_BATCH_MS) / ms)));
        if (!this.hidden) await nextFrame();
      }
      if (id === this.driveId) this.status = 'done';
    } catch (e) {
      if (token === this.token) this.fail(e);
    }
  }

  /** Asks the worker for the text grid of the latest snapshot, at most every GRID_INTERVAL_MS. */
  private refreshGrid(): void {
    const summary = this.summary;
    if (!summary || summary.d !== 2) {
      this.grid = '';
      return;
    }
    if (this.gridBusy) {
      this.gridDirty = true;
      return;
    }
    this.gridBusy = true;
    this.gridDirty = false;
    const wait =
      this.status === 'training' ? GRID_INTERVAL_MS - (performance.now() - this.gridAt) : 0;
    const token = this.token;
    setTimeout(
      () => {
        this.client
          .textGrid(TEXT_GRID_SIZE)
          .then((g) => {
            if (token === this.token || !this.gridDirty) this.grid = g;
          })
          .catch(() => undefined)
          .finally(() => {
            this.gridAt = performance.now();
            this.gridBusy = false;
            if (this.gridDirty) this.refreshGrid();
          });
      },
      Math.max(0, wait),
    );
  }

  private fail(e: unknown): void {
    this.status = 'error';
    this.message = e instanceof Error ? e.message : String(e);
    this.run = null;
    this.generating = false;
  }

  /** The worker died: say so, start a new one with the same dataset and show epoch 0. */
  private async recover(error: Error): Promise<void> {
    const token = this.begin();
    this.status = 'error';
    this.message = `${error.message}. Restarting it…`;
    try {
      const summary = await this.client.restart();
      if (token !== this.token) return;
      if (summary) {
        this.summary = summary;
        const first = await this.client.reset();
        if (token !== this.token) return;
        this.showFresh(first);
        this.status = 'error';
      }
      this.message = `${error.message}. A new worker took over; the run was lost, so train again.`;
    } catch (e) {
      if (token === this.token) this.fail(e);
    }
  }
}
