/**
 * A run as other tabs, the saved-runs store and exported files see it: its settings, where it
 * is, its latest weights and metrics, and its curves downsampled to at most MAX_CURVE_POINTS.
 * Plain JSON-safe data (numbers, strings, arrays), so it crosses BroadcastChannel, IndexedDB and
 * files unchanged. checkRunRecord (run-record-check.ts) is the one definition of a valid record;
 * run-file.ts reads and writes it as a file.
 */
import type { Metrics } from '../core/evaluate.ts';
import type { Hyperparameters, Recipe } from '../core/recipe.ts';
import type { RunStatus } from '../../workers/trainer-api.ts';
import { CurveSampler } from './curve-sampler.ts';

export type { Hyperparameters, Metrics, Recipe, RunStatus };

/** Every status a record may carry (the worker's RunStatus). */
export const RUN_STATUSES = [
  'idle',
  'running',
  'paused',
  'done',
  'diverged',
  'cancelled',
] as const satisfies readonly RunStatus[];

/** Statuses of a run that has ended: the ones that may be pinned. */
export const FINISHED_STATUSES: readonly RunStatus[] = ['done', 'diverged', 'cancelled'];

/** Points per curve in a record. */
export const MAX_CURVE_POINTS = 500;

/**
 * A fresh random id: 128 bits as 32 hex digits. crypto.getRandomValues, not randomUUID, because
 * randomUUID exists only in secure contexts (a dev server opened by LAN address is not one).
 */
export function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Curves at up to MAX_CURVE_POINTS epochs; every array is as long as `epochs`. */
export interface RunCurves {
  /** Strictly ascending epochs (integers >= 0); entry i of every series is at epochs[i]. */
  epochs: number[];
  meanLoss: number[];
  objective: number[];
  svCount: number[];
  /** Support vectors that entered + left, counted at snapshots in (epochs[i−1], epochs[i]]. */
  churn?: number[];
  /**
   * Training time (s) spent up to the end of each of `epochs` (the worker's, without pauses:
   * workers/epoch-clock.ts), non-decreasing. Absent when it is not known at every kept epoch: a
   * record or run file from before there was a time axis reads as "no time".
   */
  seconds?: number[];
}

/**
 * The imported file a run trained on (absent: the generator's data from `recipe`): what the
 * settings said of it (workers/import-api.ts DataSource). Runs with the same hash trained on the
 * same x and y, row for row.
 */
export interface RunData {
  /** The file's name as imported (user text: shown escaped). */
  name: string;
  rows: number;
  d: number;
  /** The content hash, 16 lowercase hex digits (src/core/import/dataset-hash.ts). */
  hash: string;
}

/** P* of a dataset and λ, and the certified gap of the answer. */
export interface RunOptimum {
  primal: number;
  gap: number;
}

export interface RunRecord {
  /** Unique per run (e.g. newRunId(), kept in the tab's sessionStorage across reloads). */
  id: string;
  /** The user's name for the run: 1 to 80 characters, trimmed (run-label.ts). */
  label: string;
  /** The generator's settings (for imported data: the form's, which did not draw it). */
  recipe: Recipe;
  /** The imported file the run trained on; absent for the generator's data. */
  data?: RunData;
  hp: Hyperparameters;
  status: RunStatus;
  /** Steps taken: w and b are the weights after `epoch` steps. */
  epoch: number;
  /** Metrics of w, b over all n points (the final ones once the run has ended). */
  metrics: Metrics;
  /** The weights: d = data.d entries for imported data, else recipe.trueW.length. */
  w: number[];
  b: number;
  curves: RunCurves;
  /** Ascending indices of the support vectors of w, b (metrics.svCount of them), when kept. */
  svIndices?: number[];
  /**
   * The exact optimum of this run's dataset at λ = hp.reg, when its tab solved it (Solve
   * exactly): P* and the certified gap of that answer (P* is known to within it).
   */
  optimum?: RunOptimum;
  /**
   * The tab's threads setting (1 to 16: threads sharing each pass), for the record: a property
   * of the machine, never of the results (any count gives the same bits).
   */
  threads?: number;
  /** Milliseconds since 1970 (Date.now()). */
  createdAt: number;
  updatedAt: number;
}

/**
 * Per-epoch metrics as the page holds them (e.g. Float64Array views of the curve store): index t
 * holds the value for the weights after t steps; the three series have equal lengths.
 */
export interface CurveSource {
  /**
   * The epoch of entry i when the entries are points kept at irregular epochs (ascending; the
   * page's curves at a fixed resolution); entry i is epoch i when absent.
   */
  epochs?: ArrayLike<number>;
  meanLoss: ArrayLike<number>;
  objective: ArrayLike<number>;
  svCount: ArrayLike<number>;
  /** Churn measured at snapshots: counts[k] entered + left at epochs[k] (ascending). */
  churn?: { epochs: ArrayLike<number>; counts: ArrayLike<number> };
  /** Training time (s) of each entry (NaN where unknown). */
  seconds?: ArrayLike<number>;
}

/**
 * The curves of a run at no more than `max` (>= 6) epochs, first and last included; see
 * CurveSampler for the method (min/max of mean loss per bucket: deterministic, keeps every
 * spike and both branches of an oscillation). O(length). During training keep one CurveSampler
 * per run instead: it folds only the epochs that are new since the last call.
 */
export function downsampleCurve(source: CurveSource, max = MAX_CURVE_POINTS): RunCurves {
  return new CurveSampler(max).sample(source);
}
