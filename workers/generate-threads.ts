/**
 * The generation threads: a small pool of workers owned by the training worker, each drawing the
 * shards of candidates it is sent (generate.worker.ts). The training worker keeps the data and
 * accepts the shards in order (generate-rounds.ts); the threads only draw.
 *
 * A thread that fails (an error event, or a Node thread that exits) rejects every shard it owed
 * with a message naming it, and the pool is then broken: the service makes a new one for the
 * next generation.
 */
import type { ShardDrawn, ShardJob, ShardReply, ShardRequest } from './generate-shard-job.ts';

/** What the pool needs of a worker: a browser Worker has this shape. */
export interface ShardWorker {
  postMessage(message: ShardRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ShardReply>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** Draws shards on several threads. */
export interface ShardRunner {
  /** How many threads draw (>= 2; one thread draws in the training worker itself). */
  readonly threads: number;
  /** Set once a thread has failed: make a new runner. */
  readonly broken: boolean;
  /** Draws `job` on thread `thread` (0-based); a thread takes its jobs in the order sent. */
  draw(thread: number, job: ShardJob): Promise<ShardDrawn>;
  /** Ends the threads; pending draws reject. */
  dispose(): void;
}

interface Pending {
  resolve: (d: ShardDrawn) => void;
  reject: (e: Error) => void;
}

/** A pool of `threads` workers made by `spawn` (e.g. `new Worker(new URL(...))`). */
export function createShardThreads(spawn: () => ShardWorker, threads: number): ShardRunner {
  let ids = 0;
  let broken = false;
  const pending = Array.from({ length: threads }, () => new Map<number, Pending>());
  const fail = (thread: number, reason: string) => {
    broken = true;
    const error = new Error(`generation thread ${thread + 1} of ${threads} failed: ${reason}`);
    for (const p of pending[thread]!.values()) p.reject(error);
    pending[thread]!.clear();
  };
  const workers = pending.map((owed, thread) => {
    const w = spawn();
    w.addEventListener('message', (e) => {
      const reply = e.data;
      const p = owed.get(reply.shardId);
      if (!p) return;
      owed.delete(reply.shardId);
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.drawn);
    });
    w.addEventListener('error', (e) => {
      e.preventDefault?.();
      fail(thread, e.message || 'the thread stopped');
    });
    return w;
  });
  return {
    threads,
    get broken() {
      return broken;
    },
    draw(thread, job) {
      if (broken) return Promise.reject(new Error('the generation threads failed; start again'));
      const shardId = ++ids;
      return new Promise<ShardDrawn>((resolve, reject) => {
        pending[thread]!.set(shardId, { resolve, reject });
        workers[thread]!.postMessage({ shardId, job });
      });
    },
    dispose() {
      for (let t = 0; t < threads; t++) fail(t, 'disposed');
      for (const w of workers) w.terminate();
    },
  };
}

/** How the service gets generation threads: how to start one, and how many to use now. */
export interface GenerateThreadsOptions {
  spawn: () => ShardWorker;
  /** The thread count for the next generation (1: none, draw in the training worker). */
  threads: () => number;
}

/** The default thread count: one less than the machine's cores, 1 to 16. */
export function defaultThreads(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  return Math.max(1, Math.min(16, (cores ?? 1) - 1));
}

/**
 * The service's generation threads: `current()` is the runner for the next generation (null for
 * one thread, or without options), kept between generations and remade when the count changes
 * or a thread failed.
 */
export function generateThreadsHolder(options: GenerateThreadsOptions | undefined): {
  current(): ShardRunner | null;
  dispose(): void;
} {
  let runner: ShardRunner | null = null;
  const dispose = () => {
    runner?.dispose();
    runner = null;
  };
  return {
    current() {
      const threads = options ? Math.floor(options.threads()) : 1;
      if (!options || !(threads >= 2)) {
        dispose();
        return null;
      }
      if (!runner || runner.broken || runner.threads !== threads) {
        dispose();
        runner = createShardThreads(options.spawn, threads);
      }
      return runner;
    },
    dispose,
  };
}
