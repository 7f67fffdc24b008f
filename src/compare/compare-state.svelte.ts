/**
 * The Compare panel's controller: this tab's run as a record (announced to the other tabs), the
 * other tabs' runs (RunRegistry), the saved runs (SavedRuns, kept in step across tabs over a
 * BroadcastChannel), and the exports and imports. It reads the page's AppState and never acts on
 * the run itself.
 *
 * This tab's record is rebuilt every REFRESH_MS (a hidden tab too: its timers still run, and it
 * keeps taking snapshots) and at once when the status changes; the registry throttles what it
 * sends. The run id lives in sessionStorage (TabRun): a reload keeps it, a duplicate tab or a new
 * Train after epochs were taken gets a fresh one.
 */
import { untrack } from 'svelte';
import type { AppState } from '../app-state.svelte.ts';
import type { ExportFormat } from '../core/export-formats.ts';
import { sameRecipe } from '../fields.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { ChunkedBlob } from '../ui/chunked-blob.ts';
import { downloadBlob } from '../ui/download.ts';
import { svgText, svgToPng } from '../ui/plot-export.ts';
import { compareRows, type CompareRow } from './compare-rows.ts';
import { CurveSampler } from './curve-sampler.ts';
import { defaultLabel } from './default-label.ts';
import { datasetFileName, plotFileName, runFileName } from './file-names.ts';
import { buildRecord, withSupportVectors } from './record-builder.ts';
import { parseRunJson, runFileSizeError, toRunJson } from './run-file.ts';
import {
  FINISHED_STATUSES,
  MAX_CURVE_POINTS,
  type Hyperparameters,
  type RunRecord,
} from './run-record.ts';
import { RunRegistry, type RemoteRun } from './run-registry.ts';
import { SavedRuns } from './saved-runs.ts';
import { TabRun, takeDuplicateMark, type StorageLike } from './tab-run.ts';

/** How often this tab's record is rebuilt, ms (the registry sends at most 4 a second). */
const REFRESH_MS = 250;
/** The channel on which tabs say that the saved runs changed. */
const SAVED_CHANNEL = 'hinge-lab-saved';
/** Pins keep the support-vector indices up to this many (beyond, the record is kept without). */
const MAX_PINNED_SV = 100_000;
/** The background of exported plots (the page's surface). */
const PLOT_BACKGROUND = '#ffffff';

/** A message for the user: what an action did, or why it failed. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export class CompareState {
  /** This tab's run, once it has data to show. */
  local: RunRecord | null = $state.raw(null);
  remotes: readonly RemoteRun[] = $state.raw([]);
  saved: readonly RunRecord[] = $state.raw([]);
  /** Unfinished runs imported this session (only finished ones can be saved). */
  unsaved: readonly RunRecord[] = $state.raw([]);
  /** Saved runs that came from a file, this session. */
  importedIds: readonly string[] = $state.raw([]);
  /** This tab's registry id (the key of its row). */
  tabId = $state('');
  /** The user's label for this tab's run, or null for the default one. */
  customLabel: string | null = $state(null);
  /** The last import's failure, shown in an alert. */
  importError = $state('');
  notice: Notice | null = $state.raw(null);
  /** The dataset format being exported, and the characters written so far. */
  exporting: ExportFormat | null = $state(null);
  exportedChars = $state(0);
  includeSupportVectors = $state(false);
  /** The saved-runs store could not be opened (private mode, blocked storage). */
  storageError = $state('');

  readonly rows: CompareRow[] = $derived(
    compareRows(
      this.local ? { tabId: this.tabId, record: this.local } : null,
      this.remotes,
      this.saved,
      this.unsaved,
      this.importedIds,
    ),
  );
  /** The default label of this tab's current settings. */
  readonly defaultLabel = $derived.by(() => {
    const recipe = this.app.datasetRecipe ?? this.app.settings?.recipe;
    const hp = this.app.settings?.hp ?? this.local?.hp;
    return recipe && hp ? defaultLabel(recipe, hp) : 'this run';
  });
  readonly label = $derived(this.customLabel ?? this.defaultLabel);
  /** This tab's run is finished, and its current state is not pinned yet. */
  readonly canPin = $derived(
    this.local !== null &&
      FINISHED_STATUSES.includes(this.local.status) &&
      !this.rows.some((r) => r.source === 'this-tab' && r.saved),
  );
  readonly pinned = $derived(this.rows.some((r) => r.source === 'this-tab' && r.saved));

  private readonly run: TabRun;
  private readonly store = new SavedRuns();
  private readonly sampler = new CurveSampler(MAX_CURVE_POINTS);
  private registry: RunRegistry | null = null;
  private savedChannel: BroadcastChannel | null = null;
  /** The snapshot `local` was built from (its support vectors go into exports and pins). */
  private localSnapshot: Snapshot | null = null;
  /** The settings the run trains with: the form's, taken when training or stepping starts. */
  private hp: Hyperparameters | null = null;
  private samplerRun = -1;
  private built: unknown[] = [];
  private lastStatus = '';

  constructor(
    private readonly app: AppState,
    storage: StorageLike | null = sessionStorageOrNull(),
  ) {
    this.run = new TabRun(storage, { duplicate: takeDuplicateMark() });
    this.customLabel = this.run.label;
  }

  /** Starts listening and announcing; returns the function that stops everything. */
  start(): () => void {
    const stopEffects = $effect.root(() => {
      $effect(() => {
        const status = this.app.status;
        const stepping = this.app.stepping;
        void this.app.curveVersion;
        const settings = this.app.settings;
        untrack(() => this.follow(status, stepping, settings?.hp ?? null));
      });
    });
    this.openRegistry();
    this.openSavedChannel();
    void this.reloadSaved();
    const timer = setInterval(() => this.refresh(), REFRESH_MS);
    const onPageHide = () => this.registry?.close();
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) this.openRegistry();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      stopEffects();
      clearInterval(timer);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      this.registry?.close();
      this.savedChannel?.close();
    };
  }

  /** Renames this tab's run (and its pinned copy); '' or null restores the default label. */
  async setLabel(raw: string | null): Promise<{ ok: true } | { ok: false; error: string }> {
    const result = this.run.setLabel(raw === null || raw.trim() === '' ? null : raw);
    if (!result.ok) return result;
    this.customLabel = this.run.label;
    const twin = this.pinned ? this.local : null;
    this.refresh(true);
    if (twin && this.local) await this.renameSaved(twin.id, this.local.label);
    return result;
  }

  /** Pins this tab's finished run (with its support vectors when there are not too many). */
  async pin(): Promise<void> {
    this.refresh(true);
    const record = this.local;
    const s = this.localSnapshot;
    if (!record || !s) return;
    try {
      await this.store.pin(
        withSupportVectors(
          record,
          await this.supportVectorsOf(record, s, MAX_PINNED_SV),
          MAX_PINNED_SV,
        ),
      );
      this.notice = {
        kind: 'info',
        text: `Pinned “${record.label}”: it stays after this tab closes.`,
      };
      await this.savedChanged();
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not pin the run: ${message(e)}.` };
    }
  }

  /**
   * The support vectors of the snapshot this tab's record was built from: its own list, or (the
   * page's snapshots leave it out) the worker's pass over the same weights, while the worker
   * still holds that snapshot's dataset. Null when there are more than `max` or they are gone.
   */
  private async supportVectorsOf(
    record: RunRecord,
    s: Snapshot,
    max = Infinity,
  ): Promise<Uint32Array | null> {
    if (s.svIncluded) return s.sv;
    const { app } = this;
    const summary = app.summary;
    const onScreen = app.datasetRecipe;
    if (s.svCount > max || !onScreen || !sameRecipe(record.recipe, onScreen)) return null;
    try {
      const sv = await app.trainer.supportVectors(s.w, s.b);
      return app.summary === summary ? sv : null;
    } catch {
      return null;
    }
  }

  async renameSaved(
    id: string,
    label: string,
  ): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      await this.store.rename(id, label);
      await this.savedChanged();
      return { ok: true };
    } catch (e) {
      return { ok: false, error: message(e) };
    }
  }

  /** Deletes a saved run (or forgets an unsaved imported one). */
  async remove(id: string): Promise<void> {
    this.unsaved = this.unsaved.filter((r) => r.id !== id);
    try {
      await this.store.remove(id);
      await this.savedChanged();
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not delete the run: ${message(e)}.` };
    }
  }

  async clearSaved(): Promise<void> {
    this.unsaved = [];
    try {
      await this.store.clearAll();
      this.notice = { kind: 'info', text: 'Deleted every saved run.' };
      await this.savedChanged();
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not delete the saved runs: ${message(e)}.` };
    }
  }

  /** Downloads a run as a run file (this tab's when no record is given). */
  async exportRun(record?: RunRecord): Promise<void> {
    let r = record;
    if (!r) {
      this.refresh(true);
      const local = this.local;
      const s = this.localSnapshot;
      if (!local || !s) return;
      r = this.includeSupportVectors
        ? withSupportVectors(local, await this.supportVectorsOf(local, s))
        : local;
    }
    try {
      const text = toRunJson(r, { includeSupportVectors: this.includeSupportVectors });
      downloadBlob(new Blob([text], { type: 'application/json' }), runFileName(r.label));
      const sv =
        this.includeSupportVectors && !r.svIndices
          ? ' (its support vectors are not known here)'
          : '';
      this.notice = { kind: 'info', text: `Exported “${r.label}”${sv}.` };
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not export the run: ${message(e)}.` };
    }
  }

  /**
   * Reads a run file: checked for size before it is read, then parsed and validated. A valid
   * finished run is saved (an unfinished one is kept for this session); an invalid file only
   * sets importError, naming what is wrong.
   */
  async importFile(file: File): Promise<void> {
    this.importError = '';
    const tooLarge = runFileSizeError(file.size);
    if (tooLarge) {
      this.importError = `Could not import “${file.name}”: ${tooLarge}.`;
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.importError = `Could not import “${file.name}”: it could not be read (${message(e)}).`;
      return;
    }
    const parsed = parseRunJson(text);
    if (!parsed.ok) {
      this.importError = `Could not import “${file.name}”: ${parsed.error}.`;
      return;
    }
    const record = parsed.record;
    try {
      if (FINISHED_STATUSES.includes(record.status)) {
        await this.store.pin(record);
        this.importedIds = [...this.importedIds.filter((id) => id !== record.id), record.id];
        await this.savedChanged();
      } else {
        this.unsaved = [...this.unsaved.filter((r) => r.id !== record.id), record];
      }
      const kept = FINISHED_STATUSES.includes(record.status)
        ? 'saved'
        : 'shown until this tab closes (unfinished runs are not saved)';
      this.notice = { kind: 'info', text: `Imported “${record.label}”, ${kept}.` };
    } catch (e) {
      this.importError = `Could not import “${file.name}”: ${message(e)}.`;
    }
  }

  /** Streams this tab's dataset out of the worker into a file. */
  async exportDataset(format: ExportFormat): Promise<void> {
    const recipe = this.app.datasetRecipe;
    if (this.exporting || !recipe) return;
    this.exporting = format;
    this.exportedChars = 0;
    const parts = new ChunkedBlob();
    try {
      const result = await this.app.trainer.exportDataset(format, (text) => {
        parts.add(text);
        this.exportedChars = parts.length;
      });
      downloadBlob(
        parts.finish(format === 'csv' ? 'text/csv' : 'text/plain'),
        datasetFileName(recipe, format),
      );
      this.notice = {
        kind: 'info',
        text: `Exported ${result.rows.toLocaleString('en-US')} points as ${format === 'csv' ? 'CSV' : 'LIBSVM'}.`,
      };
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not export the dataset: ${message(e)}.` };
    } finally {
      this.exporting = null;
    }
  }

  /** Downloads the classifier plot as SVG or PNG (2×). */
  async exportPlot(kind: 'svg' | 'png'): Promise<void> {
    const svg = document.querySelector<SVGSVGElement>('svg[data-testid="plot"]');
    if (!svg) return;
    try {
      const blob =
        kind === 'svg'
          ? new Blob([svgText(svg, PLOT_BACKGROUND)], { type: 'image/svg+xml' })
          : await svgToPng(svg, PLOT_BACKGROUND);
      downloadBlob(blob, plotFileName(this.label, kind));
      this.notice = { kind: 'info', text: `Exported the plot as ${kind.toUpperCase()}.` };
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not export the plot: ${message(e)}.` };
    }
  }

  /**
   * Follows the page: a new Train (status training with its curves cleared) may take a fresh id;
   * the training settings are taken when a run or a step starts, and follow the form while idle.
   */
  private follow(status: string, stepping: boolean, formHp: Hyperparameters | null): void {
    const newTrain = status === 'training' && this.app.curves.length === 0;
    if (newTrain && this.run.trainStarted()) this.sampler.clear();
    const starting =
      newTrain || (status === 'training' && this.lastStatus !== 'training') || stepping;
    if (formHp && (starting || status === 'idle' || this.hp === null)) this.hp = formHp;
    const changed = status !== this.lastStatus;
    this.lastStatus = status;
    if (changed) this.refresh();
  }

  /**
   * Rebuilds this tab's record from the page when something changed (or when forced) and
   * announces it. A record that does not check (a diverged run's non-finite weights) keeps the
   * last good one, with the new status.
   */
  private refresh(force = false): void {
    const app = this.app;
    const s = app.latestSnapshot;
    const recipe = app.datasetRecipe;
    const hp = this.hp;
    if (!s || !recipe || !hp || app.generating) return;
    // Train clears the curves before its first snapshot arrives: the latest is still the old run's.
    if (app.curves.length <= s.epoch) return;
    const inputs = [s, app.status, this.label, hp, recipe, this.run.id];
    if (!force && inputs.every((v, i) => v === this.built[i])) return;
    this.built = inputs;
    if (s.runId !== this.samplerRun) {
      this.sampler.clear();
      this.samplerRun = s.runId;
    }
    const c = app.curves;
    const view = (series: typeof c.meanLoss) => series.values.subarray(0, series.length);
    const curves = this.sampler.sample({
      meanLoss: view(c.meanLoss),
      objective: view(c.objective),
      svCount: view(c.svCount),
      churn: { epochs: view(c.churnEpoch), counts: view(c.churn) },
    });
    const built = buildRecord({
      id: this.run.id,
      label: this.label,
      createdAt: this.run.createdAt,
      updatedAt: Date.now(),
      recipe,
      hp: { ...hp, epochs: Math.max(hp.epochs, s.epochs) },
      status: app.status,
      snapshot: s,
      curves,
    });
    if (built.ok) {
      this.local = built.record;
      this.localSnapshot = s;
      this.run.reach(s.epoch);
    } else if (this.local && this.local.id === this.run.id && app.status === 'diverged') {
      this.local = { ...this.local, status: 'diverged', label: this.label, updatedAt: Date.now() };
    } else {
      return;
    }
    try {
      this.registry?.announce(this.local);
    } catch {
      // An invalid record is a bug here; the other tabs keep the last one.
    }
  }

  private openRegistry(): void {
    this.registry?.close();
    const registry = new RunRegistry();
    this.registry = registry;
    this.tabId = registry.tabId;
    registry.subscribe((runs) => {
      this.remotes = runs;
      // Another tab with our id (the browser's own "Duplicate tab" copies sessionStorage):
      // the tab with the larger registry id takes a fresh one.
      const mine = this.run.id;
      if (runs.some((r) => r.record.id === mine && r.tabId < registry.tabId)) {
        this.run.renew();
        this.sampler.clear();
        this.refresh(true);
      }
    });
    if (this.local) registry.announce(this.local);
  }

  private openSavedChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.savedChannel = new BroadcastChannel(SAVED_CHANNEL);
    this.savedChannel.onmessage = () => void this.reloadSaved();
  }

  /** Reloads the saved runs and tells the other tabs to. */
  private async savedChanged(): Promise<void> {
    await this.reloadSaved();
    this.savedChannel?.postMessage('changed');
  }

  private async reloadSaved(): Promise<void> {
    try {
      this.saved = await this.store.list();
      this.storageError = '';
    } catch (e) {
      this.storageError = `Saved runs are not available here: ${message(e)}.`;
    }
  }
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\.$/, '');
}

function sessionStorageOrNull(): StorageLike | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage blocked
  }
}
