/**
 * The page's one controller: owns the form's texts, the dataset and the run, and talks to the
 * training worker through the client. Components read its state and call its actions; nothing
 * else touches the worker.
 *
 * Train runs the worker's own loop, which sends snapshots to our callback; the callback's promise
 * settles on the next frame, so the worker never outpaces drawing. Pause cancels that run (the
 * trainer keeps its weights and epoch); Step and Resume then advance it with step(), Resume one
 * batch per frame.
 */
import type { Recipe } from './core/recipe.ts';
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
import { CurveStore } from './ui/curve-store.ts';
import { nextFrame } from './ui/next-frame.ts';
import { snapshotPolicy } from './ui/snapshot-rates.ts';
import { parseHash, serialiseHash, type IgnoredEntry } from './url-state.ts';
import type { DatasetSummary, Snapshot } from '../workers/trainer-api.ts';

export type UiStatus = 'idle' | 'training' | 'paused' | 'done' | 'diverged' | 'error';

/** The text grid's size, as in the article. */
export const GRID_SIZE = 21;
/** Minimum time between text-grid refreshes while training, ms. */
const GRID_INTERVAL_MS = 250;
/** Above this many points the text grid refreshes only when training stops (it costs O(n)). */
const GRID_LIVE_MAX_POINTS = 1_000_000;
/** Target duration of one step() batch when resuming without a per-epoch policy, ms. */
const STEP_BATCH_MS = 25;

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
  summary: DatasetSummary | null = $state.raw(null);
  /** The recipe the current dataset was drawn from. */
  datasetRecipe: Recipe | null = $state.raw(null);
  snapshot: Snapshot | null = $state.raw(null);
  grid = $state('');
  /** Bumped whenever the curves change (they live outside the reactive graph). */
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
  readonly canTrain = $derived(this.settings !== null && !this.generating);
  readonly canPause = $derived(this.status === 'training' || this.status === 'paused');
  readonly canStep = $derived(this.settings !== null && !this.generating && !this.stepping);
  readonly canReset = $derived(this.summary !== null && !this.generating);

  private token = 0;
  private generation = 0;
  private driveId = 0;
  /** The last cancel() or step() call, which the next step must wait for. */
  private pending: Promise<unknown> | null = null;
  /** True while a train() run of the worker sends us its snapshots. */
  private runKind: 'train' | null = null;
  private gridBusy = false;
  private gridDirty = false;
  private gridAt = 0;

  constructor(private readonly client: TrainerClient) {
    client.onCrash((error) => void this.recover(error));
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

  dismissUrlNotice(): void {
    this.urlIgnored = [];
  }

  /** Draws the dataset of the form's recipe and shows the untrained classifier (epoch 0). */
  async generate(): Promise<boolean> {
    const settings = this.settings;
    if (!settings) return false;
    const token = this.begin();
    const generation = ++this.generation;
    this.generating = true;
    this.generated = 0;
    const n = 2 * settings.recipe.nPerClass;
    this.message = `Drawing ${n.toLocaleString('en-US')} points…`;
    try {
      const summary = await this.client.generate(settings.recipe, (p) => {
        if (token === this.token) this.generated = p.accepted / p.n;
      });
      if (token !== this.token) return false;
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

  /** Trains from the initial weights with the form's settings (drawing the data first if stale). */
  async train(): Promise<void> {
    if (!this.canTrain) return;
    if (this.recipeStale && !(await this.generate())) return;
    const settings = this.settings;
    if (!settings) return;
    const token = this.begin();
    this.runKind = 'train';
    this.status = 'training';
    this.message = '';
    this.curves.clear();
    this.curveVersion++;
    const snapshots = snapshotPolicy(this.snapshotRate, settings.hp.epochs);
    const options = { ...settings.hp, snapshots };
    try {
      const last = await this.client.train(options, (s) => {
        if (token !== this.token) return undefined;
        this.apply(s);
        return nextFrame();
      });
      if (token !== this.token) return;
      this.apply(last);
      this.finish(last);
    } catch (e) {
      if (token === this.token) this.fail(e);
    }
  }

  /**
   * Pauses a run in progress. A train run is stopped with cancel(), which ends it at once (even
   * while the worker waits for us to take a snapshot) and hands back the exact state it stopped
   * at; the trainer keeps its weights and epoch, so resume() carries on with step().
   */
  async pause(): Promise<void> {
    if (this.status !== 'training') return;
    this.status = 'paused';
    this.driveId++;
    if (this.runKind !== 'train') return;
    this.runKind = null;
    const token = this.token;
    const stopping = this.client.cancel();
    this.pending = stopping;
    try {
      await stopping;
    } catch (e) {
      if (token === this.token) this.fail(e);
    }
  }

  /** Resumes a paused run up to the Epochs field, snapshots paced as while training. */
  resume(): Promise<void> {
    if (this.status !== 'paused') return Promise.resolve();
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
      const token = this.token;
      const s = await this.client.step(1, settings.hp);
      if (token !== this.token) return;
      this.apply(s);
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
    void this.client.dispose();
  }

  /** A new line of work: older callbacks and results are ignored from now on. */
  private begin(): number {
    this.driveId++;
    this.runKind = null;
    return ++this.token;
  }

  private showFresh(first: Snapshot): void {
    this.snapshot = null;
    this.curves.clear();
    this.curveVersion++;
    this.apply(first);
    this.status = 'idle';
    this.message = '';
  }

  /** Takes a snapshot: the weights, the read-outs and the new stretch of the curves. */
  private apply(s: Snapshot): void {
    const cur = this.snapshot;
    if (cur && (s.runId < cur.runId || (s.runId === cur.runId && s.epoch < cur.epoch))) return;
    this.curves.addChunk(s.curve);
    if (s.epoch > 0) this.curves.addChurn(s.epoch, s.entered, s.left);
    this.curveVersion++;
    this.snapshot = s;
    this.refreshGrid();
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
    if (last.status !== 'cancelled') this.runKind = null;
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
        const s0 = this.snapshot;
        const settings = this.settings;
        if (id !== this.driveId || token !== this.token || !s0 || !settings) return;
        const target = settings.hp.epochs;
        if (s0.epoch >= target) break;
        const every = snapshotPolicy(this.snapshotRate, target).everyEpochs;
        const batch = every ? every - (s0.epoch % every) : k;
        const t0 = performance.now();
        const call = this.client.step(Math.min(batch, target - s0.epoch), settings.hp);
        this.pending = call;
        const s = await call;
        if (token !== this.token) return;
        this.apply(s);
        const ms = Math.max(1, performance.now() - t0);
        k = Math.max(1, Math.min(4 * k, 1_000_000, Math.round((k * STEP_BATCH_MS) / ms)));
        await nextFrame();
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
    if (this.status === 'training' && summary.n > GRID_LIVE_MAX_POINTS) return;
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
          .textGrid(GRID_SIZE)
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
    this.runKind = null;
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
