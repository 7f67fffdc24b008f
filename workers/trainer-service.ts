/**
 * The training service behind the worker: generate a dataset in slices, then train, pause,
 * resume, step, cancel and reset runs over it. A thin adapter: validation and maths live in
 * src/core; scheduling lives in training-run.ts, dataset generation in dataset-job.ts.
 *
 * Calls that start, stop or change runs take turns (one queue), so any order of calls, even
 * several in one task, acts as if each waited for the one before: two runs never share the
 * optimizer, and every call resolves or rejects with a message instead of throwing later.
 */
import type { Dataset } from '../src/core/dataset.ts';
import type { Optimizer } from '../src/core/optimizer.ts';
import type { LinearModel } from '../src/core/classifier.ts';
import {
  continueRun,
  makeOptimizer,
  optimizerMatches,
} from '../src/core/optimizers/make-optimizer.ts';
import {
  hyperparameterErrors,
  optimizerChoiceOf,
  recipeErrors,
  type Hyperparameters,
} from '../src/core/recipe.ts';
import type { TextGridIndex } from '../src/core/text-grid-index.ts';
import { Trainer } from '../src/core/trainer.ts';
import { createQueue } from './call-queue.ts';
import { createDataQueries } from './data-queries.ts';
import { PassThreads, type SpawnThread } from './pass-threads.ts';
import { generateThreadsHolder } from './generate-threads.ts';
import { generateInSlices, type DatasetJobDeps, type GeneratedDataset } from './dataset-job.ts';
import { importInSlices } from './import-job.ts';
import { SnapshotBuilder } from './snapshot-builder.ts';
import { createSolveJobs } from './solve-job.ts';
import type { Snapshot, SnapshotPolicy, TrainerService, TrainOptions } from './trainer-api.ts';
import { checkEpochPolicy, checkFrom, invalid } from './train-checks.ts';
import type { RunDeps } from './run-deps.ts';
import { TrainingRun } from './training-run.ts';
import { createEventYield } from './yield-to-events.ts';

export interface ServiceOptions {
  /** Target length of one uninterrupted slice of work, ms (default 10). */
  sliceMs?: number;
  now?: () => number;
  /** Marks a snapshot's buffers for transfer (comlink's `transfer` in the worker). */
  transfer?: (s: Snapshot) => Snapshot;
  /** Starts a pass thread (pass-threads.ts; default a nested Worker where there is one). */
  spawnPassThread?: SpawnThread | null;
}

export function createTrainerService(options: ServiceOptions = {}): TrainerService {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 10;
  const transfer = options.transfer ?? ((s: Snapshot) => s);
  const yieldToEvents = createEventYield();
  /** Calls that start, stop or change runs, in the order they were made. */
  const inTurn = createQueue();
  const passThreads = new PassThreads(options.spawnPassThread);
  const generateThreads = generateThreadsHolder(passThreads);

  let disposed = false;
  let data: Dataset | null = null;
  let optimizer: Optimizer | null = null;
  let snapshots: SnapshotBuilder | null = null;
  let run: TrainingRun | null = null;
  let runIds = 0;
  let generation = 0;
  let latest: { w: Float64Array; b: number } | null = null;
  /** The dataset's initial weights and seed: a new optimizer starts from them. */
  let origin: { model: LinearModel; seed: number } | null = null;
  /** The current dataset's text-grid index (for the article's grid size, or the last asked). */
  let gridIndex: TextGridIndex | null = null;

  const solves = createSolveJobs({ now, sliceMs, yieldToEvents, dataset: () => data });
  const alive = () => {
    if (disposed) throw new Error('the trainer service was disposed; start a new worker');
  };
  const ready = (): { opt: Optimizer; sb: SnapshotBuilder; d: Dataset } => {
    alive();
    if (!optimizer || !snapshots || !data) {
      throw new Error('no dataset yet: call generate(recipe) first');
    }
    return { opt: optimizer, sb: snapshots, d: data };
  };
  /** Ends the active run at the epoch shown (a run paused mid-epoch goes back to it). */
  const stopRun = async () => {
    const r = run;
    run = null;
    if (r?.active) await r.cancel().catch(() => undefined);
  };
  /**
   * The optimizer hp asks for: the current one when it matches, else a new one that carries on
   * the current run (continueRun: weights, epoch, curves), whose reset() goes to the data's
   * initial weights.
   */
  const switchOptimizer = (hp: Hyperparameters): void => {
    const choice = optimizerChoiceOf(hp);
    if (!optimizer || !data || !origin || optimizerMatches(optimizer, choice)) return;
    const next = makeOptimizer(choice, data, origin.model, hp, origin.seed);
    next.capture = optimizer.capture;
    optimizer.finishEpoch(false);
    continueRun(optimizer, next);
    optimizer = next;
  };
  const queries = createDataQueries({
    data: () => ready().d,
    stillCurrent: (d) =>
      disposed
        ? 'the trainer service was disposed'
        : data !== d
          ? 'a new dataset replaced this one'
          : null,
    latest: () => latest!,
    grid: { get: () => gridIndex, set: (g) => (gridIndex = g) },
    yieldToEvents,
  });
  const remember = (s: Snapshot): Snapshot => {
    latest = { w: Float64Array.from(s.w), b: s.b };
    return s;
  };

  const startRun = (
    epochs: number,
    send: ((s: Snapshot) => Promise<unknown>) | null,
    policy: TrainOptions['snapshots'],
    paused: boolean,
  ): TrainingRun => {
    const { opt, sb } = ready();
    passThreads.prepare(opt.data); // the passes' threads, fresh if one died
    const deps: RunDeps = { now, sliceMs, yieldToEvents, passesReady: passThreads.waiter() };
    if (send) deps.send = (s) => send(transfer(remember(s)));
    run = new TrainingRun(++runIds, epochs, opt, sb, policy ?? {}, deps, paused);
    return run;
  };

  /** Makes a dataset in slices (generated or imported; a newer load or cancel() ends it). */
  const load = async (make: (deps: DatasetJobDeps) => Promise<GeneratedDataset>, seed: number) => {
    alive();
    const ticket = ++generation;
    await inTurn(stopRun);
    const checkAlive = () => {
      if (ticket !== generation || disposed) throw new Error('generation cancelled');
    };
    const job = await make({ now, sliceMs, yieldToEvents, checkAlive });
    // Nothing changes until the whole dataset exists: a failed or cancelled call keeps the old one.
    return inTurn(async () => {
      checkAlive();
      await stopRun();
      data = passThreads.adopt(job.data); // the same rows, in shared memory for threads
      gridIndex = job.gridIndex;
      optimizer = new Trainer(data, job.model, { lr: 0.05, reg: 0 });
      origin = { model: job.model, seed };
      snapshots = new SnapshotBuilder(data, job.sample);
      latest = { w: Float64Array.from(job.model.w), b: job.model.b };
      return job;
    });
  };

  return {
    async generate(recipe, onProgress) {
      const error = invalid(recipeErrors(recipe));
      if (error) throw error;
      const shards = generateThreads.current; // the threads setting's, or null for one
      const job = await load(
        (deps) => generateInSlices(recipe, { ...deps, shards }, onProgress),
        recipe.seed,
      );
      onProgress?.({ accepted: job.data.n, n: job.data.n });
      return job.summary;
    },

    async importData(file, choices, onProgress) {
      return (await load((deps) => importInSlices(file, choices, deps, onProgress), 0)).summary;
    },

    async train(options: TrainOptions, onSnapshot: (s: Snapshot) => unknown) {
      alive();
      const error =
        invalid(hyperparameterErrors(options)) ??
        checkEpochPolicy(options) ??
        checkFrom(options.from);
      if (error) throw error;
      const r = await inTurn(async () => {
        ready();
        await stopRun();
        switchOptimizer(options);
        const { opt, sb } = ready();
        if (options.from !== 'current') {
          opt.reset();
          sb.restart();
        }
        opt.setSettings({ lr: options.lr, reg: options.reg });
        const send = async (s: Snapshot) => onSnapshot(s);
        return startRun(options.epochs, send, options.snapshots, false);
      });
      return r.finished;
    },

    async pause() {
      alive();
      const s = await inTurn(() => ({ paused: run?.pause() ?? null })).then((p) => p.paused);
      return s ? transfer(remember(s)) : null;
    },

    async resume() {
      alive();
      await inTurn(() => run?.resume());
    },

    async step(k: number, hp: Hyperparameters, policy?: SnapshotPolicy) {
      alive();
      if (!Number.isInteger(k) || k < 1 || k > 1_000_000) {
        throw new RangeError(`step count must be an integer in [1, 1000000], got ${k}`);
      }
      const stepping = await inTurn(async () => {
        ready();
        if (run?.status === 'running') await run.pause();
        if (!run || !run.active) {
          const error =
            invalid(hyperparameterErrors(hp)) ?? checkEpochPolicy({ snapshots: policy });
          if (error) throw error;
          switchOptimizer(hp);
          const { opt } = ready();
          opt.setSettings({ lr: hp.lr, reg: hp.reg });
          startRun(Math.max(hp.epochs, opt.epoch + k), null, policy ?? {}, true);
        }
        const result = run!.step(k);
        result.catch(() => undefined); // handled below; a later call may end the run first
        return { result };
      });
      return transfer(remember(await stepping.result));
    },

    async cancel() {
      alive();
      generation++;
      await inTurn(stopRun);
    },

    async reset() {
      alive();
      return inTurn(async () => {
        const { opt, sb } = ready();
        await stopRun();
        opt.reset();
        sb.restart();
        runIds++;
        const m = opt.finishEpoch(true);
        opt.history.stamp(0); // the initial weights: no training time yet
        const { w, b, history } = opt;
        const state = { epoch: 0, w, b, m, sv: opt.capturedSupportVectors(), history };
        const info = { runId: runIds, status: 'idle' as const, epochs: 0, elapsedMs: 0, rows: 0 };
        return transfer(remember(sb.build(state, info)));
      });
    },

    ...queries,

    async solve(reg, tol, onProgress) {
      alive();
      return solves.solve(reg, tol, onProgress);
    },

    async cancelSolve() {
      solves.cancel();
    },

    setThreads: async (threads: number) => passThreads.set(threads), // from the next run on

    async retrainOnSupport(from) {
      alive();
      return solves.retrain(from);
    },

    async dispose() {
      if (disposed) return;
      generation++;
      solves.cancel();
      await inTurn(async () => {
        await stopRun();
        disposed = true;
        passThreads.stop();
        generateThreads.dispose();
        data = optimizer = snapshots = null;
        gridIndex = null;
        yieldToEvents.close();
      });
    },
  };
}
