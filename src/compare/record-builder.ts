/**
 * This tab's run as a RunRecord: the page's status, latest snapshot and curves turned into the
 * plain, checked data that other tabs, the saved-runs store and run files take.
 */
import type { UiStatus } from '../app-state.svelte.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { checkRunRecord } from './run-record-check.ts';
import type {
  Hyperparameters,
  Recipe,
  RunCurves,
  RunData,
  RunOptimum,
  RunRecord,
  RunStatus,
} from './run-record.ts';

/** The record's status for the page's: a failed run counts as cancelled (it ended, unfinished). */
export function runStatusOf(status: UiStatus): RunStatus {
  switch (status) {
    case 'training':
      return 'running';
    case 'error':
      return 'cancelled';
    default:
      return status;
  }
}

export interface RecordParts {
  id: string;
  label: string;
  createdAt: number;
  updatedAt: number;
  recipe: Recipe;
  /** The imported file on screen, or null/absent for the generator's data. */
  data?: RunData | null;
  hp: Hyperparameters;
  status: UiStatus;
  snapshot: Snapshot;
  curves: RunCurves;
  /** P* of the dataset at hp.reg and its gap, when the tab solved it (else null or absent). */
  optimum?: RunOptimum | null;
  /** The threads setting (src/app/threads-setting.ts), when valid. */
  threads?: number | null;
}

/**
 * The record of these parts, checked (a fresh copy), or the reason it is not valid: a snapshot of
 * another dataset than `recipe` (while new data is drawn), or non-finite weights or metrics (a
 * diverged run: JSON cannot carry them).
 */
export function buildRecord(
  p: RecordParts,
): { ok: true; record: RunRecord } | { ok: false; error: string } {
  const s = p.snapshot;
  const d = p.data ? p.data.d : p.recipe.trueW.length;
  if (s.w.length !== d) {
    const of = p.data ? 'the imported data' : 'the recipe';
    return { ok: false, error: `the snapshot has ${s.w.length} weights, ${of} ${d}` };
  }
  const record: RunRecord = {
    id: p.id,
    label: p.label,
    recipe: p.recipe,
    ...(p.data ? { data: { ...p.data } } : {}),
    hp: p.hp,
    status: runStatusOf(p.status),
    epoch: s.epoch,
    metrics: {
      meanLoss: s.meanLoss,
      objective: s.objective,
      svCount: s.svCount,
      accuracy: s.accuracy,
    },
    w: Array.from(s.w),
    b: s.b,
    curves: p.curves,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
  // A gap of −1e-17 is rounding in P − D, not a claim below P*.
  if (p.optimum) record.optimum = { primal: p.optimum.primal, gap: Math.max(0, p.optimum.gap) };
  if (p.threads) record.threads = p.threads;
  return checkRunRecord(record);
}

/**
 * The record with the support-vector indices of its weights (`sv`, ascending: the snapshot's own
 * list or the worker's supportVectors(w, b)) when there are exactly svCount of them and at most
 * `max`; else the record as it is.
 */
export function withSupportVectors(
  record: RunRecord,
  sv: Uint32Array | null,
  max = Infinity,
): RunRecord {
  if (!sv || sv.length !== record.metrics.svCount || sv.length > max) return record;
  return { ...record, svIndices: Array.from(sv) };
}
