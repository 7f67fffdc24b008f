/**
 * The training service behind the worker: generate a dataset in slices, then train, pause,
 * resume, step, cancel and reset runs over it. A thin adapter: validation and maths live in
 * src/core; scheduling lives in training-run.ts.
 */
import { initialModel } from '../src/core/classifier.ts';
import { DatasetBuilder, type Dataset } from '../src/core/dataset.ts';
import { columnBounds, gatherRows, sampleRows, SAMPLE_SIZE } from '../src/core/display-sample.ts';
import { density2d } from '../src/core/density.ts';
import { evaluateWeights } from '../src/core/evaluate.ts';
import { datasetText, EXPORT_FORMATS, type ExportFormat } from '../src/core/export-formats.ts';
import { PyRandom } from '../src/core/py-random.ts';
import {
  hyperparameterErrors,
  recipeErrors,
  type Hyperparameters,
  type Recipe,
} from '../src/core/recipe.ts';
import { TEXT_GRID_SIZE } from '../src/core/text-grid.ts';
import { TextGridIndex, TextGridIndexBuilder } from '../src/core/text-grid-index.ts';
import { Trainer } from '../src/core/trainer.ts';
import { SnapshotBuilder } from './snapshot-builder.ts';
import type {
  DatasetSummary,
  GenerateProgress,
  Snapshot,
  SnapshotPolicy,
  TrainerService,
  TrainOptions,
} from './trainer-api.ts';
import { TrainingRun, type RunDeps } from './training-run.ts';
import { createEventYield } from './yield-to-events.ts';

export interface ServiceOptions {
  /** Target length of one uninterrupted slice of work, ms (default 10). */
  sliceMs?: number;
  now?: () => number;
  /** Marks a snapshot's buffers for transfer (comlink's `transfer` in the worker). */
  transfer?: (s: Snapshot) => Snapshot;
}

/** The density layer: 120×120 cells over [−3.5, 3.5]², a little beyond the data's [−3, 3]². */
const DENSITY_BINS = 120;
const DENSITY_EXTENT = 3.5;

/** Candidates drawn (or rows indexed) between clock checks while generating. */
const GENERATE_CHUNK = 8192;

/** Work done a chunk at a time: DatasetBuilder, TextGridIndexBuilder. */
interface Sliceable {
  readonly done: boolean;
  advance(rows: number): void;
}

function invalid(errors: { message: string }[]): Error | null {
  return errors.length ? new RangeError(errors.map((e) => e.message).join('; ')) : null;
}

function checkEpochPolicy(options: Pick<TrainOptions, 'snapshots'>): Error | null {
  const every = options.snapshots?.everyEpochs;
  if (every !== undefined && (!Number.isInteger(every) || every < 1)) {
    return new RangeError(`snapshots.everyEpochs must be an integer >= 1, got ${every}`);
  }
  const ms = options.snapshots?.minIntervalMs;
  if (ms !== undefined && !(Number.isFinite(ms) && ms >= 0)) {
    return new RangeError(`snapshots.minIntervalMs must be a finite number >= 0, got ${ms}`);
  }
  return null;
}

export function createTrainerService(options: ServiceOptions = {}): TrainerService {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 10;
  const transfer = options.transfer ?? ((s: Snapshot) => s);
  const yieldToEvents = createEventYield();

  let disposed = false;
  let data: Dataset | null = null;
  let trainer: Trainer | null = null;
  let snapshots: SnapshotBuilder | null = null;
  let run: TrainingRun | null = null;
  let runIds = 0;
  let generation = 0;
  let latest: { w: Float64Array; b: number } | null = null;
  /** The current dataset's text-grid index (for the article's grid size, or the last asked). */
  let gridIndex: TextGridIndex | null = null;

  const alive = () => {
    if (disposed) throw new Error('the trainer service was disposed; start a new worker');
  };
  const ready = (): { trainer: Trainer; snapshots: SnapshotBuilder } => {
    alive();
    if (!trainer || !snapshots) throw new Error('no dataset yet: call generate(recipe) first');
    return { trainer, snapshots };
  };
  const stopRun = async () => {
    const r = run;
    run = null;
    if (r?.active) await r.cancel();
  };
  const remember = (s: Snapshot): Snapshot => {
    latest = { w: Float64Array.from(s.w), b: s.b };
    return s;
  };

  const startRun = (
    epochs: number,
    send: (s: Snapshot) => Promise<unknown>,
    policy: TrainOptions['snapshots'],
    paused: boolean,
  ): TrainingRun => {
    const { trainer: t, snapshots: sb } = ready();
    const deps: RunDeps = {
      now,
      sliceMs,
      yieldToEvents,
      send: (s) => send(transfer(remember(s))),
    };
    run = new TrainingRun(++runIds, epochs, t, sb, policy ?? {}, deps, paused);
    return run;
  };

  return {
    async generate(recipe: Recipe, onProgress?: (p: GenerateProgress) => void) {
      alive();
      const error = invalid(recipeErrors(recipe));
      if (error) throw error;
      await stopRun();
      const ticket = ++generation;
      const started = now();
      const rng = new PyRandom(recipe.seed);
      const builder = new DatasetBuilder(recipe, rng);
      let lastReport = started;
      /** Runs work in slices until done, checking for cancellation between them. */
      const sliced = async (work: Sliceable, report: () => void) => {
        for (;;) {
          const deadline = now() + sliceMs;
          while (!work.done && now() < deadline) work.advance(GENERATE_CHUNK);
          if (work.done) return;
          if (now() - lastReport > 50) {
            lastReport = now();
            report();
          }
          await yieldToEvents();
          if (ticket !== generation || disposed) throw new Error('generation cancelled');
        }
      };
      const progress = (accepted: number) =>
        void Promise.resolve(onProgress?.({ accepted, n: builder.n })).catch(() => undefined);
      await sliced(builder, () => progress(builder.accepted));
      const d = builder.result();
      // The text grid's view of the data, so that a grid costs the worker microseconds later.
      const grid = d.d === 2 ? new TextGridIndexBuilder(d, TEXT_GRID_SIZE) : null;
      if (grid) await sliced(grid, () => progress(d.n));
      const model = initialModel(d.d, rng);
      // Nothing changes until the whole dataset exists: a failed or cancelled call keeps the old one.
      await stopRun();
      data = d;
      gridIndex = grid?.index() ?? null;
      trainer = new Trainer(d, model, { lr: 0.05, reg: 0 });
      const sample = sampleRows(d.n, SAMPLE_SIZE, recipe.seed);
      snapshots = new SnapshotBuilder(d, sample);
      latest = { w: Float64Array.from(model.w), b: model.b };
      const bounds = columnBounds(d.x, d.d);
      const summary: DatasetSummary = {
        n: d.n,
        d: d.d,
        nPositive: d.nPositive,
        nNegative: d.n - d.nPositive,
        min: bounds.min,
        max: bounds.max,
        sample,
        sampleX: gatherRows(d.x, d.d, sample),
        sampleY: Float64Array.from(sample, (i) => d.y[i]!),
        density:
          d.d === 2 ? density2d(d.x, d.y, 2, DENSITY_BINS, -DENSITY_EXTENT, DENSITY_EXTENT) : null,
        w0: Float64Array.from(model.w),
        b0: model.b,
        generationMs: now() - started,
      };
      onProgress?.({ accepted: d.n, n: d.n });
      return summary;
    },

    async train(options: TrainOptions, onSnapshot: (s: Snapshot) => unknown) {
      const { trainer: t, snapshots: sb } = ready();
      const error = invalid(hyperparameterErrors(options)) ?? checkEpochPolicy(options);
      if (error) throw error;
      await stopRun();
      t.reset({ lr: options.lr, reg: options.reg });
      sb.restart();
      const r = startRun(options.epochs, async (s) => onSnapshot(s), options.snapshots, false);
      return r.finished;
    },

    async pause() {
      alive();
      const s = await run?.pause();
      return s ? transfer(remember(s)) : null;
    },

    async resume() {
      alive();
      run?.resume();
    },

    async step(k: number, hp: Hyperparameters, policy?: SnapshotPolicy) {
      const { trainer: t } = ready();
      if (!Number.isInteger(k) || k < 1 || k > 1_000_000) {
        throw new RangeError(`step count must be an integer in [1, 1000000], got ${k}`);
      }
      if (!run || !run.active) {
        const error = invalid(hyperparameterErrors(hp)) ?? checkEpochPolicy({ snapshots: policy });
        if (error) throw error;
        t.lr = hp.lr;
        t.reg = hp.reg;
        startRun(Math.max(hp.epochs, t.epoch + k), async () => undefined, policy ?? {}, true);
      }
      if (run!.status !== 'paused') throw new Error('pause the run before stepping');
      return transfer(remember(await run!.step(k)));
    },

    async cancel() {
      alive();
      generation++;
      await stopRun();
    },

    async reset() {
      const { trainer: t, snapshots: sb } = ready();
      await stopRun();
      t.reset();
      sb.restart();
      runIds++;
      const m = t.evaluate();
      const state = {
        epoch: 0,
        w: t.w,
        b: t.b,
        m,
        sv: t.sv.subarray(0, m.svCount),
        history: t.history,
      };
      const info = { runId: runIds, status: 'idle' as const, epochs: 0, elapsedMs: 0, rows: 0 };
      return transfer(remember(sb.build(state, info)));
    },

    async supportVectors(w: Float64Array, b: number) {
      ready();
      const d = data!;
      if (!(w instanceof Float64Array) || w.length !== d.d || !w.every(Number.isFinite)) {
        throw new RangeError(`w must be a Float64Array of ${d.d} finite numbers`);
      }
      if (!Number.isFinite(b)) throw new RangeError(`b must be a finite number, got ${b}`);
      const sv = new Uint32Array(d.n);
      const m = evaluateWeights(d, w, b, 0, sv);
      return sv.slice(0, m.svCount);
    },

    async textGrid(gridSize: number) {
      ready();
      const d = data!;
      if (d.d !== 2) throw new RangeError(`the text grid needs d = 2, the data has d = ${d.d}`);
      if (!Number.isInteger(gridSize) || gridSize < 2 || gridSize > 200) {
        throw new RangeError(`gridSize must be an integer in [2, 200], got ${gridSize}`);
      }
      if (gridIndex?.gridSize !== gridSize) gridIndex = TextGridIndex.of(d, gridSize);
      const { w, b } = latest!;
      return gridIndex.render(w, b);
    },

    async exportDataset(format: ExportFormat, onChunk: (text: string) => unknown) {
      ready();
      if (!EXPORT_FORMATS.includes(format)) {
        throw new RangeError(`format must be 'csv' or 'libsvm', got '${String(format)}'`);
      }
      // The dataset of this call: generate() replaces `data` with a new object, never mutates it.
      const d = data!;
      let bytes = 0;
      for (const text of datasetText(d, format)) {
        await onChunk(text);
        bytes += text.length; // ASCII: one byte per character
        await yieldToEvents();
        if (disposed) throw new Error('export stopped: the trainer service was disposed');
        if (data !== d) throw new Error('export stopped: a new dataset replaced this one');
      }
      return { rows: d.n, bytes };
    },

    async dispose() {
      if (disposed) return;
      generation++;
      await stopRun();
      disposed = true;
      data = trainer = snapshots = null;
      gridIndex = null;
      yieldToEvents.close();
    },
  };
}
