/**
 * This tab's run as a Compare record, rebuilt from the run's events and announced to the other
 * tabs (RunRegistry). It never polls: a status change rebuilds at once, snapshots at most every
 * REFRESH_MS (the registry throttles what it sends). The run id lives in sessionStorage (TabRun):
 * a reload keeps it; a duplicate tab, or a new Train after epochs were taken, gets a fresh one.
 */
import type { Hyperparameters, Recipe } from '../core/recipe.ts';
import type { RunEvent, RunListener, UiStatus } from '../app/run-events.ts';
import type { CurveStore } from '../ui/curve-store.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { CurveSampler } from './curve-sampler.ts';
import { buildRecord } from './record-builder.ts';
import { MAX_CURVE_POINTS, type RunData, type RunRecord } from './run-record.ts';
import { RunRegistry, type RemoteRun } from './run-registry.ts';
import type { TabRun } from './tab-run.ts';

/** Snapshots rebuild this tab's record at most this often, ms. */
export const REFRESH_MS = 250;

/** What the publisher reads of the page when it rebuilds (all O(1) but the curve sampling). */
export interface RunSource {
  on(listener: RunListener): () => void;
  readonly status: UiStatus;
  readonly latestSnapshot: Snapshot | null;
  readonly curves: CurveStore;
  readonly datasetRecipe: Recipe | null;
  /** The imported file on screen (null: the generator's data). */
  readonly dataSource?: RunData | null;
  readonly generating: boolean;
  /** The form's training settings (null while a field is invalid). */
  readonly formHp: Hyperparameters | null;
  /** The exact optimum of the data and λ on screen (Solve exactly), if known. */
  readonly optimum?: { primal: number; gap: number; reg: number } | null;
  /** The threads setting, when valid (kept in the record; results do not depend on it). */
  readonly threads?: number | null;
}

export class RunPublisher {
  /** This tab's run, once it has data to show. */
  local: RunRecord | null = $state.raw(null);
  remotes: readonly RemoteRun[] = $state.raw([]);
  /** This tab's registry id (the key of its row). */
  tabId = $state('');
  /** The snapshot `local` was built from (its support vectors go into exports and pins). */
  localSnapshot: Snapshot | null = null;

  private readonly sampler = new CurveSampler(MAX_CURVE_POINTS);
  private registry: RunRegistry | null = null;
  /** The settings the run trains with, from its start; null while idle (the form's then). */
  private hp: Hyperparameters | null = null;
  private built: unknown[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = -Infinity;

  /**
   * @param page where the tab's beforeunload, pagehide and pageshow arrive (the window).
   * @param makeRegistry opens the registry of open runs (a BroadcastChannel between tabs).
   */
  constructor(
    private readonly source: RunSource,
    readonly tabRun: TabRun,
    private readonly label: () => string,
    private readonly page: EventTarget = globalThis,
    private readonly makeRegistry: () => RunRegistry = () => new RunRegistry(),
  ) {}

  /** Listens to the run and the other tabs; returns the function that stops both. */
  start(): () => void {
    const off = this.source.on((e) => this.onEvent(e));
    this.openRegistry();
    const onPageHide = () => this.registry?.close();
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) this.openRegistry();
    };
    // Goodbye as the page goes: at beforeunload too, while the document is whole (Firefox lost
    // about half of the goodbyes posted at pagehide); close() says it once.
    this.page.addEventListener('beforeunload', onPageHide);
    this.page.addEventListener('pagehide', onPageHide);
    this.page.addEventListener('pageshow', onPageShow as EventListener);
    this.refresh();
    return () => {
      off();
      if (this.timer !== null) clearTimeout(this.timer);
      this.page.removeEventListener('beforeunload', onPageHide);
      this.page.removeEventListener('pagehide', onPageHide);
      this.page.removeEventListener('pageshow', onPageShow as EventListener);
      this.registry?.close();
    };
  }

  /** A run event: a start takes its settings (and maybe a fresh id); a snapshot or status rebuilds. */
  onEvent(e: RunEvent): void {
    if (e.type === 'started') {
      if (e.fresh && this.tabRun.trainStarted()) this.sampler.clear();
      this.hp = e.hp;
    } else if (e.type === 'status') {
      if (e.status === 'idle') this.hp = null;
      this.refresh();
    } else if (e.type === 'snapshot' || e.type === 'ended') {
      this.soon();
    } else if (e.type === 'dataset') {
      this.hp = null;
    }
  }

  /**
   * Rebuilds this tab's record from the page when something changed (or when forced) and
   * announces it. A record that does not check (a diverged run's non-finite weights) keeps the
   * last good one, with the new status.
   */
  refresh(force = false): void {
    const src = this.source;
    const s = src.latestSnapshot;
    const recipe = src.datasetRecipe;
    const hp = this.hp ?? src.formHp;
    if (!s || !recipe || !hp || src.generating) return;
    // Train clears the curves before its first snapshot arrives: the latest is still the old run's.
    if (src.curves.length <= s.epoch) return;
    const label = this.label();
    // The optimum is of the form's λ: it goes into the record only when the run's λ is that one.
    const optimum = src.optimum?.reg === hp.reg ? src.optimum : null;
    const data = src.dataSource ?? null;
    const inputs = [
      s,
      src.status,
      label,
      hp,
      recipe,
      this.tabRun.id,
      optimum?.primal,
      data?.hash,
      src.threads,
    ];
    if (!force && inputs.every((v, i) => v === this.built[i])) return;
    this.built = inputs;
    this.lastAt = performance.now();
    // The page keeps its curves at a fixed resolution; their kept points change as buckets
    // merge, so they are sampled afresh each time (a few thousand points at most).
    this.sampler.clear();
    const c = src.curves;
    const k = c.kept();
    const view = (a: Float64Array, n: number) => a.subarray(0, n);
    const curves = this.sampler.sample({
      epochs: view(k.epochs, k.count),
      meanLoss: view(k.meanLoss, k.count),
      objective: view(k.objective, k.count),
      svCount: view(k.svCount, k.count),
      seconds: view(k.seconds, k.count),
      churn: {
        epochs: view(c.churnEpoch.values, c.churnEpoch.length),
        counts: view(c.churn.values, c.churn.length),
      },
    });
    const built = buildRecord({
      id: this.tabRun.id,
      label,
      createdAt: this.tabRun.createdAt,
      updatedAt: Date.now(),
      recipe,
      data,
      // A record never claims fewer epochs than it took (steps may pass the setting).
      hp: { ...hp, epochs: Math.max(hp.epochs, s.epochs, s.epoch) },
      status: src.status,
      snapshot: s,
      curves,
      optimum,
      threads: src.threads ?? null,
    });
    if (built.ok) {
      this.local = built.record;
      this.localSnapshot = s;
      this.tabRun.reach(s.epoch);
    } else if (this.local && this.local.id === this.tabRun.id && src.status === 'diverged') {
      this.local = { ...this.local, status: 'diverged', label, updatedAt: Date.now() };
    } else {
      return;
    }
    try {
      this.registry?.announce(this.local);
    } catch {
      // An invalid record is a bug here; the other tabs keep the last one.
    }
  }

  /** A rebuild within REFRESH_MS of the last one, on a timer armed by this event only. */
  private soon(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, REFRESH_MS - (performance.now() - this.lastAt));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, wait);
  }

  private openRegistry(): void {
    this.registry?.close();
    const registry = this.makeRegistry();
    this.registry = registry;
    this.tabId = registry.tabId;
    registry.subscribe((runs) => {
      this.remotes = runs;
      // Another tab with our id (the browser's own "Duplicate tab" copies sessionStorage):
      // the tab with the larger registry id takes a fresh one.
      const mine = this.tabRun.id;
      if (runs.some((r) => r.record.id === mine && r.tabId < registry.tabId)) {
        this.tabRun.renew();
        this.sampler.clear();
        this.refresh(true);
      }
    });
    if (this.local) registry.announce(this.local);
  }
}
