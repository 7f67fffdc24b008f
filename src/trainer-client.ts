/**
 * The one module that owns the training worker: starts it (bundled by Vite), wraps it with
 * comlink, passes callbacks as proxies, and turns a crash or termination into rejected calls
 * (comlink leaves them pending forever). A death is noticed however it happens, within about a
 * second (worker-liveness.ts: error event, the worker closing itself, or no answer to pings).
 * After a crash, restart() starts a fresh worker and loads the last dataset again, so the page
 * can carry on with the same configuration.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type {
  DatasetSummary,
  ExportFormat,
  GenerateProgress,
  Hyperparameters,
  Recipe,
  Snapshot,
  SnapshotPolicy,
  SolveProgress,
  TrainerService,
  TrainOptions,
} from '../workers/trainer-api.ts';
import type { ImportChoices, ImportProgress } from '../workers/import-api.ts';
import { watchWorker, type LivenessOptions } from './worker-liveness.ts';

export interface TrainerClient extends TrainerService {
  /**
   * Terminates the worker (if any) and starts a fresh one with the last dataset loaded again (the
   * recipe regenerated, or the file imported again).
   */
  restart(): Promise<DatasetSummary | null>;
  /** Called when the worker dies unexpectedly; returns an unsubscribe function. */
  onCrash(listener: (error: Error) => void): () => void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module' });

export function createTrainerClient(
  makeWorker: WorkerFactory = defaultFactory,
  liveness: LivenessOptions = {},
): TrainerClient {
  let worker: Worker;
  let remote: Remote<TrainerService>;
  let dead: Error | null = null;
  /** What restart() loads again: the last recipe drawn or file imported. */
  let lastLoad: { recipe: Recipe } | { file: File; choices: ImportChoices } | null = null;
  const pending = new Set<(e: Error) => void>();
  const crashListeners = new Set<(e: Error) => void>();
  let unwatch = () => undefined as void;
  /** The threads setting, sent again to a restarted worker. */
  let threads: number | null = null;

  const failAll = (error: Error) => {
    dead = error;
    for (const reject of [...pending]) reject(error);
    pending.clear();
  };

  const start = () => {
    dead = null;
    worker = makeWorker();
    remote = wrap<TrainerService>(worker);
    const died = (error: Error) => {
      failAll(error);
      worker.terminate();
      for (const listener of crashListeners) listener(error);
    };
    unwatch = watchWorker(worker, died, liveness);
    worker.addEventListener('messageerror', () => {
      failAll(new Error('the training worker sent a message that could not be read'));
    });
  };

  /** A call that rejects when the worker dies instead of hanging. */
  const track = <T>(call: () => Promise<T>): Promise<T> => {
    if (dead) return Promise.reject(dead);
    return new Promise<T>((resolve, reject) => {
      pending.add(reject);
      call()
        .then(resolve, reject)
        .finally(() => pending.delete(reject));
    });
  };

  start();

  return {
    generate(recipe: Recipe, onProgress?: (p: GenerateProgress) => void) {
      return track(() => remote.generate(recipe, onProgress ? proxy(onProgress) : undefined)).then(
        (summary) => {
          lastLoad = { recipe };
          return summary;
        },
      );
    },
    async importData(file: File, choices: ImportChoices, onProgress?: (p: ImportProgress) => void) {
      const progress = onProgress ? proxy(onProgress) : undefined;
      const summary = await track(() => remote.importData(file, choices, progress));
      lastLoad = { file, choices };
      return summary;
    },
    train(options: TrainOptions, onSnapshot: (s: Snapshot) => unknown) {
      return track(() => remote.train(options, proxy(onSnapshot)));
    },
    pause: () => track(() => remote.pause()),
    resume: () => track(() => remote.resume()),
    step: (k: number, hp: Hyperparameters, snapshots?: SnapshotPolicy) =>
      track(() => remote.step(k, hp, snapshots)),
    cancel: () => track(() => remote.cancel()),
    reset: () => track(() => remote.reset()),
    supportVectors: (w: Float64Array, b: number) => track(() => remote.supportVectors(w, b)),
    textGrid: (gridSize: number) => track(() => remote.textGrid(gridSize)),
    exportDataset(format: ExportFormat, onChunk: (text: string) => unknown) {
      return track(() => remote.exportDataset(format, proxy(onChunk)));
    },
    solve(reg: number, tol: number | undefined, onProgress?: (p: SolveProgress) => void) {
      return track(() => remote.solve(reg, tol, onProgress ? proxy(onProgress) : undefined));
    },
    cancelSolve: () => track(() => remote.cancelSolve()),
    setThreads(count: number) {
      return track(() => remote.setThreads(count)).then(() => void (threads = count));
    },
    retrainOnSupport: (from: { w: Float64Array; b: number } | null) =>
      track(() => remote.retrainOnSupport(from)),
    async dispose() {
      if (!dead) await track(() => remote.dispose()).catch(() => undefined);
      unwatch();
      worker.terminate();
      failAll(new Error('the training worker was terminated'));
    },
    async restart() {
      unwatch();
      worker.terminate();
      failAll(new Error('the training worker was restarted'));
      start();
      if (threads !== null) await this.setThreads(threads);
      if (lastLoad && 'file' in lastLoad) return this.importData(lastLoad.file, lastLoad.choices);
      return lastLoad ? this.generate(lastLoad.recipe) : null;
    },
    onCrash(listener: (error: Error) => void) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
  };
}
