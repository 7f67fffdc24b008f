/**
 * The page's controllers, put together: the form and URL (FormState), the dataset (DatasetState),
 * what is drawn of the run (SnapshotView), the article's text picture (TextGridPoller) and the
 * run itself (RunController, the one that talks to the worker's run). Components read this object
 * and call its actions; each concern lives in its own module under src/app/.
 */
import type { Recipe } from './core/recipe.ts';
import { sameRecipe, type FieldName, type FieldTexts, type Settings } from './fields.ts';
import type { TrainerClient } from './trainer-client.ts';
import { DatasetState } from './app/dataset-state.svelte.ts';
import { FormState } from './app/form-state.svelte.ts';
import { linkedOf, splitDataLink, withDataLink } from './app/import-link.ts';
import { ImportState } from './app/import-state.svelte.ts';
import { RunController } from './app/run-controller.svelte.ts';
import type { UiStatus } from './app/run-events.ts';
import { SnapshotView } from './app/snapshot-view.svelte.ts';
import { SolveState } from './app/solve-state.svelte.ts';
import { TextGridPoller } from './app/text-grid-poller.svelte.ts';
import { browserClock, type PacerClock } from './ui/draw-pacer.ts';
import type { IgnoredEntry } from './url-state.ts';
import type { DatasetSummary, Snapshot } from '../workers/trainer-api.ts';

export type { UiStatus };

export interface AppOptions {
  clock?: PacerClock;
  /** Renders pending changes now (Svelte's flushSync in the page). */
  flush?: () => void;
  cores?: number;
  /** Whether the page starts hidden; the page then follows visibilitychange itself. */
  hidden?: boolean;
}

export class AppState {
  readonly form = new FormState();
  readonly dataset: DatasetState;
  readonly view: SnapshotView;
  readonly textGrid: TextGridPoller;
  readonly run: RunController;
  /** The exact optimum of the data and λ on screen (Solve). */
  readonly optimum: SolveState;
  /** Importing a dataset from a file (the import panel, drops on the plot). */
  readonly imports: ImportState;

  /** True when the dataset fields no longer match the data on screen. */
  get recipeStale(): boolean {
    const settings = this.form.settings;
    const onScreen = this.dataset.recipe;
    return settings !== null && (onScreen === null || !sameRecipe(settings.recipe, onScreen));
  }
  /** The epochs the progress bar counts to: the run's own, else the form's. */
  get targetEpochs(): number {
    return this.view.snapshot?.epochs || this.form.lastSettings.hp.epochs;
  }
  get canTrain(): boolean {
    return this.form.settings !== null && !this.dataset.generating;
  }
  get canPause(): boolean {
    return this.run.phase === 'training' || this.run.phase === 'paused';
  }
  get canStep(): boolean {
    return this.form.settings !== null && !this.dataset.generating && this.run.phase !== 'stepping';
  }
  get canReset(): boolean {
    return this.dataset.summary !== null && !this.dataset.generating;
  }

  private readonly onVisibility = () => this.setHidden(document.hidden);

  constructor(
    private readonly client: TrainerClient,
    options: AppOptions = {},
  ) {
    const clock = options.clock ?? browserClock();
    const hidden = options.hidden ?? (typeof document !== 'undefined' && document.hidden);
    this.dataset = new DatasetState(client);
    this.sendThreads();
    this.dataset.setHidden(hidden);
    this.textGrid = new TextGridPoller(client);
    const onPresent = () =>
      this.textGrid.refresh(this.dataset.summary?.d === 2, this.run.phase === 'training');
    this.view = new SnapshotView(clock, onPresent, options.flush, hidden);
    const cores =
      options.cores ?? (typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2);
    this.run = new RunController({
      client,
      form: this.form,
      dataset: this.dataset,
      view: this.view,
      clock,
      cores,
    });
    this.imports = new ImportState({
      dataset: this.dataset,
      load: () => this.run.press('generate'),
    });
    this.run.events.on((e) => {
      if (e.type !== 'dataset') return;
      this.textGrid.clear();
      this.imports.adopted(e.summary.source);
    });
    this.optimum = new SolveState(client, () => {
      const summary = this.dataset.summary;
      const reg = this.form.settings?.hp.reg;
      return summary && reg !== undefined ? { summary, reg } : null;
    });
    this.run.events.on((e) => {
      if (e.type === 'started') this.optimum.runReg = e.hp.reg;
      else if (e.type === 'dataset') this.optimum.runReg = null;
    });
    if (options.hidden === undefined && typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.onVisibility);
    }
  }

  // The form, for components.
  get texts(): FieldTexts {
    return this.form.texts;
  }
  set texts(t: FieldTexts) {
    this.form.texts = t;
  }
  get settings(): Settings | null {
    return this.form.settings;
  }
  get errors(): Partial<Record<FieldName, string>> {
    return this.form.errors;
  }
  /** The settings' hash, and the imported file's entries (or the link's, until it is imported). */
  get hash(): string | null {
    const source = this.dataset.summary?.source;
    return withDataLink(this.form.hash, source ? linkedOf(source) : this.imports.linked);
  }
  get urlIgnored(): IgnoredEntry[] {
    return this.form.urlIgnored;
  }
  /** The threads field (threads-setting.ts); a valid value goes to the worker for the next run. */
  get threadsText(): string {
    return this.form.threadsText;
  }
  set threadsText(v: string) {
    this.form.threadsText = v;
    this.sendThreads();
  }
  get threadsError(): string | undefined {
    const c = this.form.threadsCheck;
    return c.ok ? undefined : c.message;
  }
  private sendThreads(): void {
    const c = this.form.threadsCheck;
    if (c.ok) void this.client.setThreads(c.value).catch(() => undefined);
  }
  get speed(): string {
    return this.form.speed;
  }
  set speed(v: string) {
    this.form.speed = v;
  }
  get showTrueBoundary(): boolean {
    return this.form.showTrueBoundary;
  }
  set showTrueBoundary(v: boolean) {
    this.form.showTrueBoundary = v;
  }
  get fitToData(): boolean {
    return this.form.fitToData;
  }
  set fitToData(v: boolean) {
    this.form.fitToData = v;
  }
  get logScale(): boolean {
    return this.form.logScale;
  }
  set logScale(v: boolean) {
    this.form.logScale = v;
  }
  readHash(hash: string): void {
    const data = splitDataLink(hash);
    this.form.readHash(data.rest);
    this.form.urlIgnored = [...this.form.urlIgnored, ...data.ignored];
    this.imports.linked = data.linked;
  }
  dismissUrlNotice(): void {
    this.form.dismissUrlNotice();
  }

  // The data and the run, for components.
  get summary(): DatasetSummary | null {
    return this.dataset.summary;
  }
  get datasetRecipe(): Recipe | null {
    return this.dataset.recipe;
  }
  get generating(): boolean {
    return this.dataset.generating;
  }
  get generated(): number {
    return this.dataset.generated;
  }
  get status(): UiStatus {
    return this.run.status;
  }
  get message(): string {
    return this.run.message;
  }
  get snapshot(): Snapshot | null {
    return this.view.snapshot;
  }
  get curveVersion(): number {
    return this.view.curveVersion;
  }
  get curves() {
    return this.view.curves;
  }
  /** The article's text picture of the weights on screen. */
  get grid(): string {
    return this.textGrid.grid;
  }
  /** The worker's client, for the Compare panel's exports. */
  get trainer(): TrainerClient {
    return this.client;
  }

  train(): void {
    this.run.press('train');
  }
  pause(): void {
    this.run.press('pause');
  }
  resume(): void {
    this.run.press('resume');
  }
  toggle(): void {
    this.run.press('toggle');
  }
  step(): void {
    this.run.press('step');
  }
  reset(): void {
    this.run.press('reset');
  }
  /** New data from the generator (a file queued for reading and not yet read is dropped). */
  generate(): void {
    this.dataset.dropImport();
    this.run.press('generate');
  }
  cancelGenerate(): void {
    this.run.press('cancelGenerate');
  }

  /** The tab was hidden or shown: hidden, nothing is drawn; shown, the latest state is. */
  setHidden(hidden: boolean): void {
    this.dataset.setHidden(hidden);
    this.view.setHidden(hidden);
  }

  /** Stops the worker's traffic for good (page unload). */
  dispose(): void {
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.onVisibility);
    }
    void this.client.dispose();
  }
}
