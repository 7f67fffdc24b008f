/**
 * The Compare panel's controller, put together: this tab's run as a record (RunPublisher, driven
 * by the run's events), the other tabs' runs, the saved runs (SavedRunsState), and the exports.
 * It reads the page and never acts on the run itself; the plot to export is handed in.
 */
import type { AppState } from '../app-state.svelte.ts';
import { importedDataFileName } from '../app/reproduce-scripts.ts';
import type { ExportFormat } from '../core/export-formats.ts';
import { sameData } from './same-data.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { ChunkedBlob } from '../ui/chunked-blob.ts';
import { downloadBlob } from '../ui/download.ts';
import { svgText, svgToPng } from '../ui/plot-export.ts';
import { compareRows, type CompareRow } from './compare-rows.ts';
import { defaultLabel } from './default-label.ts';
import { datasetFileName, plotFileName, runFileName } from './file-names.ts';
import { withSupportVectors } from './record-builder.ts';
import { toRunJson } from './run-file.ts';
import { FINISHED_STATUSES, type RunRecord } from './run-record.ts';
import { RunPublisher } from './run-publisher.svelte.ts';
import { message, SavedRunsState, type Notice } from './saved-runs-state.svelte.ts';
import { TabRun, takeDuplicateMark, type StorageLike } from './tab-run.ts';

export type { Notice };

/** Pins keep the support-vector indices up to this many (beyond, the record is kept without). */
const MAX_PINNED_SV = 100_000;
/**
 * The background of an exported plot: the page's surface in the theme on screen (the copy takes
 * the plot's computed colours, light on dark in the dark theme), white if the page sets none.
 */
function plotBackground(svg: SVGSVGElement): string {
  return getComputedStyle(svg).getPropertyValue('--surface').trim() || '#ffffff';
}

export class CompareState {
  /** The user's label for this tab's run, or null for the default one. */
  customLabel: string | null = $state(null);
  notice: Notice | null = $state.raw(null);
  /** The dataset format being exported, and the characters written so far. */
  exporting: ExportFormat | null = $state(null);
  exportedChars = $state(0);
  includeSupportVectors = $state(false);

  readonly savedRuns: SavedRunsState;
  readonly publisher: RunPublisher;

  private readonly tabRun: TabRun;

  constructor(
    private readonly app: AppState,
    private readonly plot: () => SVGSVGElement | null = () => null,
    storage: StorageLike | null = sessionStorageOrNull(),
  ) {
    this.tabRun = new TabRun(storage, { duplicate: takeDuplicateMark() });
    this.customLabel = this.tabRun.label;
    // An import with one of these ids becomes a new run instead of replacing it.
    const knownIds = () => [this.tabRun.id, ...this.publisher.remotes.map((r) => r.record.id)];
    this.savedRuns = new SavedRunsState(undefined, (n) => (this.notice = n), { knownIds });
    const source = {
      on: app.run.events.on.bind(app.run.events),
      get status() {
        return app.status;
      },
      get latestSnapshot() {
        return app.view.latest;
      },
      get curves() {
        return app.curves;
      },
      get datasetRecipe() {
        return app.datasetRecipe;
      },
      get dataSource() {
        const s = app.summary?.source;
        return s ? { name: s.name, rows: s.rows, d: s.d, hash: s.hash } : null;
      },
      get generating() {
        return app.generating;
      },
      get formHp() {
        return app.settings?.hp ?? null;
      },
      get optimum() {
        const o = app.optimum.current;
        return o ? { primal: o.primal, gap: o.gap, reg: o.reg } : null;
      },
      get threads() {
        const t = app.form.threadsCheck;
        return t.ok ? t.value : null;
      },
    };
    this.publisher = new RunPublisher(source, this.tabRun, () => this.label);
    // A solve ends without a run event: the record takes its optimum at once.
    app.optimum.onSolved = () => this.publisher.refresh();
  }

  readonly rows: CompareRow[] = $derived.by(() => {
    const { local, tabId, remotes } = this.publisher;
    const { saved, unsaved, importedIds } = this.savedRuns;
    const mine = local ? { tabId, record: local } : null;
    return compareRows(mine, remotes, saved, unsaved, importedIds);
  });
  /** The default label of this tab's current settings. */
  readonly defaultLabel = $derived.by(() => {
    const recipe = this.app.datasetRecipe ?? this.app.settings?.recipe;
    const hp = this.app.settings?.hp ?? this.publisher.local?.hp;
    const file = this.app.summary?.source?.name;
    return recipe && hp ? defaultLabel(recipe, hp, file) : 'this run';
  });
  readonly label = $derived(this.customLabel ?? this.defaultLabel);
  readonly pinned = $derived(this.rows.some((r) => r.source === 'this-tab' && r.saved));
  /** This tab's run is finished, and its current state is not pinned yet. */
  get canPin(): boolean {
    const local = this.publisher.local;
    return local !== null && FINISHED_STATUSES.includes(local.status) && !this.pinned;
  }

  get local(): RunRecord | null {
    return this.publisher.local;
  }
  get remotes() {
    return this.publisher.remotes;
  }
  get saved(): readonly RunRecord[] {
    return this.savedRuns.saved;
  }
  get unsaved(): readonly RunRecord[] {
    return this.savedRuns.unsaved;
  }
  get importError(): string {
    return this.savedRuns.importError;
  }
  get storageError(): string {
    return this.savedRuns.storageError;
  }

  /** Starts listening and announcing; returns the function that stops everything. */
  start(): () => void {
    const stopPublisher = this.publisher.start();
    const stopSaved = this.savedRuns.open();
    return () => {
      stopPublisher();
      stopSaved();
    };
  }

  /** Renames this tab's run (and its pinned copy); '' or null restores the default label. */
  async setLabel(raw: string | null): Promise<{ ok: true } | { ok: false; error: string }> {
    const result = this.tabRun.setLabel(raw === null || raw.trim() === '' ? null : raw);
    if (!result.ok) return result;
    this.customLabel = this.tabRun.label;
    const twin = this.pinned ? this.local : null;
    this.publisher.refresh(true);
    if (twin && this.local) await this.savedRuns.rename(twin.id, this.local.label);
    return result;
  }

  renameSaved(id: string, label: string) {
    return this.savedRuns.rename(id, label);
  }
  remove(id: string): Promise<void> {
    return this.savedRuns.remove(id);
  }
  clearSaved(): Promise<void> {
    return this.savedRuns.clear();
  }
  importFile(file: File): Promise<void> {
    return this.savedRuns.importFile(file);
  }

  /** Pins this tab's finished run (with its support vectors when there are not too many). */
  async pin(): Promise<void> {
    this.publisher.refresh(true);
    const record = this.local;
    const s = this.publisher.localSnapshot;
    if (!record || !s) return;
    // Said at once: the store may take up to STORAGE_TIMEOUT_MS to answer, or fail.
    this.notice = { kind: 'info', text: `Pinning “${record.label}”…` };
    try {
      const sv = await this.supportVectorsOf(record, s, MAX_PINNED_SV);
      await this.savedRuns.pin(withSupportVectors(record, sv, MAX_PINNED_SV));
      const text = `Pinned “${record.label}”: it stays after this tab closes.`;
      this.notice = { kind: 'info', text };
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
    const data = summary?.source;
    const here = onScreen ? { recipe: onScreen, ...(data ? { data } : {}) } : null;
    if (s.svCount > max || !here || !sameData(record, here)) return null;
    try {
      const sv = await app.trainer.supportVectors(s.w, s.b);
      return app.summary === summary ? sv : null;
    } catch {
      return null;
    }
  }

  /** Downloads a run as a run file (this tab's when no record is given). */
  async exportRun(record?: RunRecord): Promise<void> {
    let r = record;
    if (!r) {
      this.publisher.refresh(true);
      const local = this.local;
      const s = this.publisher.localSnapshot;
      if (!local || !s) return;
      r = this.includeSupportVectors
        ? withSupportVectors(local, await this.supportVectorsOf(local, s))
        : local;
    }
    try {
      const text = toRunJson(r, { includeSupportVectors: this.includeSupportVectors });
      downloadBlob(new Blob([text], { type: 'application/json' }), runFileName(r.label));
      const unknown = this.includeSupportVectors && !r.svIndices;
      const sv = unknown ? ' (its support vectors are not known here)' : '';
      this.notice = { kind: 'info', text: `Exported “${r.label}”${sv}.` };
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not export the run: ${message(e)}.` };
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
      const type = format === 'csv' ? 'text/csv' : 'text/plain';
      // An imported dataset's export is named as its reproduction script expects to find it.
      const source = this.app.summary?.source;
      const file = source ? importedDataFileName(source, format) : datasetFileName(recipe, format);
      downloadBlob(parts.finish(type), file);
      const rows = result.rows.toLocaleString('en-US');
      const name = format === 'csv' ? 'CSV' : 'LIBSVM';
      this.notice = { kind: 'info', text: `Exported ${rows} points as ${name}.` };
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not export the dataset: ${message(e)}.` };
    } finally {
      this.exporting = null;
    }
  }

  /** Downloads the classifier plot as SVG or PNG (2×). */
  async exportPlot(kind: 'svg' | 'png'): Promise<void> {
    const svg = this.plot();
    if (!svg) return;
    try {
      const blob =
        kind === 'svg'
          ? new Blob([svgText(svg, plotBackground(svg))], { type: 'image/svg+xml' })
          : await svgToPng(svg, plotBackground(svg));
      downloadBlob(blob, plotFileName(this.label, kind));
      this.notice = { kind: 'info', text: `Exported the plot as ${kind.toUpperCase()}.` };
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not export the plot: ${message(e)}.` };
    }
  }
}

function sessionStorageOrNull(): StorageLike | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage blocked
  }
}
