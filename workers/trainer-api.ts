/**
 * The contract between the page and the training worker: what crosses the comlink boundary.
 * Types only; workers/trainer-service.ts implements it, src/trainer-client.ts calls it.
 */
import type { Density } from '../src/core/density.ts';
import type { ExportFormat } from '../src/core/export-formats.ts';
import type { Hyperparameters, Recipe } from '../src/core/recipe.ts';
import type { DataSource, ImportChoices, ImportProgress } from './import-api.ts';

export type { Density, ExportFormat, Hyperparameters, Recipe };

/** How often snapshots are sent while training. */
export interface SnapshotPolicy {
  /** Minimum milliseconds between snapshots (default 16: about one per animation frame). */
  minIntervalMs?: number;
  /** When set, a snapshot every k epochs instead (training waits for the page to take each). */
  everyEpochs?: number;
  /**
   * Watching slowly: at most this many epochs per second of wall time (epoch t is reported no
   * sooner than t/epochsPerSecond seconds after the run started or resumed), each epoch's
   * snapshot sent unless the page still holds the previous one. The pace comes from the worker's
   * clock, so it is the same in every browser; unset, the run trains at compute speed.
   */
  epochsPerSecond?: number;
  /**
   * Whether snapshots carry the full support-vector index list `sv` (default true). A page that
   * draws a sample needs only sampleSv, svCount and churn, which stay exact without it; at 10^7
   * points the list is megabytes per snapshot, garbage the page would have to collect. Ask
   * supportVectors(w, b) for it when it is wanted.
   */
  supportVectors?: boolean;
}

export interface TrainOptions extends Hyperparameters {
  snapshots?: SnapshotPolicy;
  /**
   * Where the run starts (default 'start'):
   * - 'start': from the initial weights, epoch 0, empty curves.
   * - 'current': first ends any active run at the epoch shown (as cancel() does: a run paused
   *   mid-epoch goes back to the epoch on screen), then continues from the current weights,
   *   epoch and history with these lr and reg up to `epochs` epochs in total. Snapshots go as
   *   in a fresh run: the first is the current epoch's (its objective with the new reg), the
   *   curve chunks continue the history without repeating an epoch, and a run whose current
   *   epoch is already >= epochs ends at once with status 'done'. This is how the page resumes
   *   after a settings change, or after step() with no live run.
   */
  from?: 'start' | 'current';
}

/** What generate() returns: everything the page needs to draw, never the n points themselves. */
export interface DatasetSummary {
  n: number;
  d: number;
  nPositive: number;
  nNegative: number;
  /** Per-dimension minimum and maximum over all n points. */
  min: number[];
  max: number[];
  /** Ascending row indices of the display sample (at most SAMPLE_SIZE, fixed for the dataset). */
  sample: Uint32Array;
  /** The sample's coordinates, row-major sample.length × d. */
  sampleX: Float64Array;
  /** The sample's labels (±1). */
  sampleY: Float64Array;
  /**
   * Counts of all n points per class in bins×bins cells over [lo, hi]² (d = 2 only; else null),
   * row-major, row 0 at the top: the density layer drawn under the sampled marks.
   */
  density: Density | null;
  /** Per-dimension mean over all n points (the plot's slice for d != 2); absent: unknown. */
  mean?: number[];
  /** The file the data was imported from; absent for the generator's data. */
  source?: DataSource;
  /** Initial weights (the generator's: drawn after the data, as in the article) and bias. */
  w0: Float64Array;
  b0: number;
  generationMs: number;
}

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'cancelled';

/** Per-epoch metrics for a contiguous range of epochs [from, from + meanLoss.length). */
export interface CurveChunk {
  from: number;
  meanLoss: Float64Array;
  objective: Float64Array;
  svCount: Float64Array;
  accuracy: Float64Array;
  /**
   * Training time (ms) spent up to the end of each epoch: the optimizer's own work in the worker
   * (workers/epoch-clock.ts: no pauses, waits or snapshot building), NaN where not measured.
   */
  ms: Float64Array;
}

/** The state of a run at one epoch: the weights after `epoch` steps and their metrics. */
export interface Snapshot {
  runId: number;
  status: RunStatus;
  epoch: number;
  /** Target epochs of the run. */
  epochs: number;
  w: Float64Array;
  b: number;
  meanLoss: number;
  objective: number;
  svCount: number;
  accuracy: number;
  /** Ascending indices of all support vectors (transferred, not copied); see svIncluded. */
  sv: Uint32Array;
  /**
   * False when `sv` is left empty: a pause that lands mid-epoch (it reports the last completed
   * epoch without another pass over the data), or a run whose policy has supportVectors false.
   * svCount, sampleSv and churn are exact either way.
   */
  svIncluded: boolean;
  /** 1 where the display sample's point is a support vector (aligned with summary.sample). */
  sampleSv: Uint8Array;
  /**
   * Points that entered / left the support-vector set since the previous snapshot that counted
   * them; churnCounted is false when this one could not (a pause that lands mid-epoch has no
   * support-vector list to compare): entered and left are then 0 and mean nothing.
   */
  entered: number;
  left: number;
  churnCounted: boolean;
  /** Metrics of the epochs since the previous snapshot (their curves). */
  curve: CurveChunk;
  /** Training time so far (pauses excluded), ms. */
  elapsedMs: number;
  /**
   * The optimizer's certified gap at this epoch, an upper bound of P(w, b) − P* from a
   * dual-feasible point (dcd: optimizers/dcd-search.ts); null when the optimizer has none.
   */
  gap?: number | null;
  /** Points × epochs per second so far. */
  throughput: number;
}

export interface GenerateProgress {
  accepted: number;
  n: number;
}

/** What exportDataset() wrote: all n rows, in `bytes` bytes of ASCII text. */
export interface ExportResult {
  rows: number;
  bytes: number;
}

/**
 * The worker's service. Every method rejects with a message naming the field on bad input.
 * Calls that start, stop or change runs (generate's swap, train, pause, resume, step, cancel,
 * reset, dispose) act in the order they were made, each as if it waited for the one before, so
 * any sequence of calls, even in one task, leaves the service usable; a call never throws
 * later, it resolves or rejects with a message.
 */
export interface TrainerService {
  generate(recipe: Recipe, onProgress?: (p: GenerateProgress) => void): Promise<DatasetSummary>;
  /**
   * Reads a CSV or LIBSVM file (workers/import-job.ts) and, once all of it parsed, makes it the
   * dataset as generate() would (initial weights zero); progress counts bytes. A refused file
   * rejects with the parser's message (line, column, expected, found) and changes nothing.
   */
  importData(
    file: File,
    choices: ImportChoices,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<DatasetSummary>;
  /**
   * Starts a run (from the initial weights, or with `from: 'current'` from where the last run
   * ended; see TrainOptions.from) and resolves with its last snapshot when it ends. onSnapshot
   * gets every snapshot the run sends, the last included; it should not wait for another call
   * of this service (the run's end waits for it).
   */
  train(options: TrainOptions, onSnapshot: (s: Snapshot) => unknown): Promise<Snapshot>;
  /**
   * Stops the run between slices (within one slice, even mid-epoch) and resolves with the
   * snapshot of the last completed epoch — the state later steps count from — or null when no
   * run was running.
   */
  pause(): Promise<Snapshot | null>;
  /**
   * Carries on the paused run that train() started (its snapshots go to train's onSnapshot);
   * does nothing otherwise. After step() with no live run, train({ from: 'current' }) continues.
   */
  resume(): Promise<void>;
  /**
   * k more epochs after the last reported snapshot, sliced. A running run is paused first; with
   * none active (idle, done, cancelled, diverged) a paused run starts from the current weights
   * with hp's lr and reg, and `snapshots` as its policy (only supportVectors matters here).
   * Steps made while one is under way queue behind it. Resolves with the snapshot after them;
   * onSnapshot is not called for it, nor for epochs in between (the result's curve covers them).
   */
  step(k: number, hp: Hyperparameters, snapshots?: SnapshotPolicy): Promise<Snapshot>;
  cancel(): Promise<void>;
  /** Back to the initial weights (epoch 0); resolves with the epoch-0 snapshot. */
  reset(): Promise<Snapshot>;
  /**
   * Ascending indices of the support vectors of (w, b) over the current dataset: the rows with
   * y·(w·x + b) < 1, found by one pass in the worker (O(n)), the same bits the training passes
   * compute. For snapshots that left their list out (see SnapshotPolicy.supportVectors).
   */
  supportVectors(w: Float64Array, b: number): Promise<Uint32Array>;
  /** The article's character grid (d = 2) for the latest snapshot's weights. */
  textGrid(gridSize: number): Promise<string>;
  /**
   * The current dataset as text ('csv' or 'libsvm', see src/core/export-formats.ts), streamed:
   * onChunk gets whole lines, about 0.5 MB at a time, in order; the next chunk waits until the
   * promise onChunk returns settles (back-pressure), and training keeps running in between.
   * Rejects if onChunk rejects, or if a new dataset replaces this one or the service is disposed
   * before the end (the chunks so far are then incomplete).
   */
  exportDataset(format: ExportFormat, onChunk: (text: string) => unknown): Promise<ExportResult>;
  /**
   * The exact optimum of the current dataset for λ = reg (> 0), certified to a gap of tol
   * (default 1e-9), computed in slices beside any training run; onProgress gets the gap so far
   * about every 100 ms. A new solve() or cancelSolve() ends it (it rejects with 'solve
   * cancelled'), as does a new dataset.
   */
  solve(
    reg: number,
    tol: number | undefined,
    onProgress?: (p: SolveProgress) => void,
  ): Promise<OptimumResult>;
  cancelSolve(): Promise<void>;
  /**
   * How many threads share each full pass of the runs that start from now on (1 to 16; the
   * training worker and threads − 1 pass workers it owns). Results are the same bits for any
   * count (the fixed blocked order). A run fails, naming the thread, if one dies; the next run
   * starts fresh threads.
   */
  setThreads(threads: number): Promise<void>;
  /**
   * Solves again on the support vectors only, with λ scaled by n/m: from = null takes the last
   * optimum's rows with α_i > 0; from = { w, b } the rows with y(w·x + b) < 1 (a GD run's). Needs
   * a finished solve() on this dataset; compares with its w*, b*.
   */
  retrainOnSupport(from: { w: Float64Array; b: number } | null): Promise<RetrainResult>;
  dispose(): Promise<void>;
}

/** How far solve() has got: the certified gap so far (Infinity until known). */
export interface SolveProgress {
  gap: number;
  /** The best primal objective found so far. */
  primal: number;
  iterations: number;
  elapsedMs: number;
}

/**
 * The exact optimum of the current dataset (src/core/exact-solver.ts) for one λ, with its
 * certificate: D(α) ≤ P* ≤ P(w, b) = primal, gap = primal − dual. The dual α stays in the
 * worker (n numbers) for retrainOnSupport().
 */
export interface OptimumResult {
  status: 'optimal' | 'one-class' | 'stalled';
  w: Float64Array;
  b: number;
  primal: number;
  dual: number;
  gap: number;
  /** Counts of α_i at 0, strictly between, and at 1/n. */
  atZero: number;
  free: number;
  atBound: number;
  iterations: number;
  n: number;
  reg: number;
  tol: number;
  solveMs: number;
  /** Empty, or why the answer is special or not certified to tol. */
  note: string;
}

/** The article's claim checked: the optimum retrained on a subset of support vectors. */
export interface RetrainResult {
  /** 'optimum': the rows with α_i > 0; 'weights': the rows with y(w·x + b) < 1 of given w, b. */
  source: 'optimum' | 'weights';
  /** Points in the subset. */
  m: number;
  /** Points in one of the subset and the optimum's support set (α_i > 0) but not the other. */
  differ: number;
  /** The subset's optimum (λ scaled by n/m, so it is the full problem on these rows). */
  w: Float64Array;
  b: number;
  /** Its certified gap on the subset. */
  gap: number;
  /** ‖w − w*‖ and |b − b*| against the full optimum. */
  dw: number;
  db: number;
}
