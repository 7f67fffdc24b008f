/**
 * The training service's pass threads: how many a run uses (the page's `threads` setting) and
 * the pool serving the current dataset. A run's passes are shared with threads − 1 helper
 * threads (pass-pool.ts, pass-runner.ts) when the data has at least two blocks; the count never
 * changes results (the blocked order, src/core/sharded-pass.ts). A pool whose thread died is
 * replaced by a fresh one when the next run starts; a new dataset or threads count does the same.
 */
import { BLOCK_ROWS } from '../src/core/blocked-sums.ts';
import type { Dataset } from '../src/core/dataset.ts';
import { setPassRunner } from '../src/core/sharded-pass.ts';
import { spawnBrowserThread, ThreadPool, type SpawnThread } from './pass-pool.ts';
import { PoolPassRunner, shareDataset } from './pass-runner.ts';

/** The threads setting's range (the page's limit text says the same). */
export const MAX_THREADS = 16;

/** Why a threads count is refused, or null. */
export function threadsError(threads: unknown): string | null {
  if (typeof threads === 'number' && Number.isInteger(threads) && threads >= 1) {
    if (threads <= MAX_THREADS) return null;
  }
  return `threads must be an integer in [1, ${MAX_THREADS}], got ${String(threads)}`;
}

export type { SpawnThread };

export class PassThreads {
  /** Threads a run uses, this one included. */
  threads = 1;
  private runner: PoolPassRunner | null = null;
  private data: Dataset | null = null;
  /** Set when pass threads could not start here: runs then use one thread. */
  private unavailable = false;

  /** Starts a helper thread (null: none); generation's threads use it too (generate-threads.ts). */
  readonly spawn: SpawnThread | null;

  /**
   * @param spawn starts a helper thread; null: none (runs use one thread); undefined: a nested
   * browser Worker where the host has Worker.
   */
  constructor(spawn?: SpawnThread | null) {
    this.spawn =
      spawn !== undefined ? spawn : typeof Worker === 'function' ? spawnBrowserThread : null;
  }

  /** Sets the threads of the runs that start from now on; throws a RangeError when invalid. */
  set(threads: number): void {
    const error = threadsError(threads);
    if (error) throw new RangeError(error);
    this.threads = threads;
  }

  /**
   * A new dataset: the last pool is stopped, and the rows move to a row memory for the wasm
   * kernel, shared if the page allows it (one copy now, none for generated rows, which are drawn
   * there; a pool of any size later copies nothing, else each pool copies each helper its shard
   * once).
   */
  adopt(data: Dataset): Dataset {
    this.stop();
    return shareDataset(data);
  }

  /**
   * Before a run over `data`: the pool it needs (kept, or fresh), or none for one thread. A pool
   * whose threads could not even start (an engine whose nested workers fail: the run that met it
   * failed, naming the thread) is not tried again: later runs use this thread alone.
   */
  prepare(data: Dataset): void {
    const r = this.runner;
    if (r?.failedToStart) this.unavailable = true;
    const helpers = this.spawn && !this.unavailable ? this.threads - 1 : 0;
    if (r && this.data === data && r.threads === helpers + 1 && !r.failed) return;
    this.stop();
    if (helpers < 1 || data.n <= BLOCK_ROWS) return;
    const spawn = this.spawn!;
    const pool = new ThreadPool(spawn, helpers, (j) => `pass thread ${j + 2} of ${helpers + 1}`);
    this.runner = new PoolPassRunner(pool, data);
    this.data = data;
    setPassRunner(data, this.runner);
  }

  /**
   * The run loop's wait while a pass waits for the threads (rejects when one has died), or
   * undefined when runs have no threads now.
   */
  waiter(): (() => Promise<void>) | undefined {
    const r = this.runner;
    return r ? () => r.ready() : undefined;
  }

  /** Stops the pool (passes over the data go back to this thread alone). */
  stop(): void {
    if (this.data) setPassRunner(this.data, null);
    this.runner?.dispose();
    this.runner = null;
    this.data = null;
  }
}
