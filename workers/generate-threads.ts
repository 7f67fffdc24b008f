/**
 * The generation threads: with the `threads` setting at T >= 2, T pool threads (pass-pool.ts,
 * the same pass workers that share training passes, running their 'generate' job:
 * generate-shard-job.ts) draw the shards of candidates, and the training worker, which keeps
 * the data, only accepts them in order (generate-rounds.ts). Acceptance is a copy, a few per cent
 * of the work, so all T threads draw rather than T − 1 and the training worker (as passes do):
 * that keeps it free to answer the page between shards. With T = 1 the training worker draws
 * alone, in slices, as before.
 *
 * A thread that dies fails the generation with the pool's message naming it ('generation thread
 * 2 of 2 stopped: …'); the next generation starts a fresh pool.
 */
import { ThreadPool, type SpawnThread } from './pass-pool.ts';
import type { ShardBuffers, ShardDrawn, ShardJob } from './generate-shard-job.ts';

/** Draws shards on several threads. */
export interface ShardRunner {
  /** How many threads draw (>= 2). */
  readonly threads: number;
  /** Set once a thread has died: make a new runner. */
  readonly broken: boolean;
  /**
   * Draws `job` on thread `thread` (0-based), into `reuse` (transferred) if given; a thread takes
   * its jobs in the order sent.
   */
  draw(thread: number, job: ShardJob, reuse?: ShardBuffers): Promise<ShardDrawn>;
  /** Ends the threads; pending draws reject. */
  dispose(): void;
}

/** A runner over a new pool of `threads` threads started by `spawn`. */
export function createShardThreads(spawn: SpawnThread, threads: number): ShardRunner {
  const pool = new ThreadPool(spawn, threads, (j) => `generation thread ${j + 1} of ${threads}`);
  return {
    threads,
    get broken() {
      return pool.broken !== null;
    },
    draw: (thread, job, reuse) =>
      pool.request<ShardDrawn>(
        thread,
        { job: 'generate', shard: job, reuse },
        reuse ? [reuse.coords.buffer as ArrayBuffer, reuse.labels.buffer as ArrayBuffer] : [],
      ),
    dispose: () => pool.dispose(),
  };
}

/** Where the thread count and the way to start a thread come from (the service's PassThreads). */
export interface ThreadsSource {
  /** The threads setting, this thread included (1 to 16). */
  readonly threads: number;
  /** Starts a pool thread; null where there are none (Node without a spawner). */
  readonly spawn: SpawnThread | null;
}

/**
 * The service's generation threads: `current()` is the runner for the next generation (null for
 * one thread or no way to start one), kept between generations (the threads stay booted) and
 * remade when the count changes or a thread died.
 */
export function generateThreadsHolder(source: ThreadsSource): {
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
      const { threads, spawn } = source;
      if (!spawn || threads < 2) {
        dispose();
        return null;
      }
      if (!runner || runner.broken || runner.threads !== threads) {
        dispose();
        runner = createShardThreads(spawn, threads);
      }
      return runner;
    },
    dispose,
  };
}
