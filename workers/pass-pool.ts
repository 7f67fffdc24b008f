/**
 * A pool of helper threads owned by the training worker: each runs pass-worker-jobs.ts (the
 * browser's pass-worker.ts, or a Node worker thread in tests and benches) and answers jobs in
 * order. Generic: a job is a message with a `job` name; the pool pairs each answer with its
 * request. The training worker owns it (not the page) so the page stays free and the data need
 * not leave the worker; nested workers run in Chromium, Firefox and Safari.
 *
 * A thread that dies — an error event, a message that cannot be read, the thread closing itself
 * (it says so first) or exiting — breaks the pool: every pending and later request rejects with
 * a message naming the thread, and waiters wake. Nothing waits forever; the owner starts a new
 * pool for the next run.
 */

/** One helper thread behind the shape the pool needs (see spawnBrowserThread, test helpers). */
export interface PoolThread {
  post(message: unknown, transfer?: Transferable[]): void;
  /** Every message the thread sends. */
  onMessage(listener: (data: unknown) => void): void;
  /** Called at most once, when the thread is gone, with why ('it closed itself'). */
  onDeath(listener: (why: string) => void): void;
  terminate(): void;
}

/** Starts helper thread `index` (0-based). */
export type SpawnThread = (index: number) => PoolThread;

/** A request to a thread: the job's name and its fields; `id` is the pool's. */
export interface JobMessage {
  job: string;
  [field: string]: unknown;
}

/** A thread's answer: the request's id and its result, or why it failed. */
export interface JobAnswer {
  id: number;
  result?: unknown;
  error?: string;
  /** Sent once by a thread about to close itself. */
  closing?: boolean;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class ThreadPool {
  /** Set once a thread has died; every request rejects with it from then on. */
  broken: Error | null = null;
  private readonly threads: PoolThread[] = [];
  private readonly pending: Map<number, Pending>[] = [];
  private nextId = 0;
  private disposed = false;
  private readonly deathListeners = new Set<(e: Error) => void>();

  /**
   * @param size helper threads (>= 1)
   * @param label how messages name a thread: label(j) ('pass thread 2 of 3')
   */
  constructor(
    spawn: SpawnThread,
    readonly size: number,
    private readonly label: (j: number) => string = (j) => `helper thread ${j + 1} of ${size}`,
  ) {
    for (let j = 0; j < size; j++) {
      const thread = spawn(j);
      const pending = new Map<number, Pending>();
      this.threads.push(thread);
      this.pending.push(pending);
      thread.onMessage((data) => this.answer(j, data as JobAnswer));
      thread.onDeath((why) => this.died(j, why));
    }
  }

  /** Sends a job to thread j; resolves with its result (answers come in request order). */
  request<T>(j: number, message: JobMessage, transfer: Transferable[] = []): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.disposed) return Promise.reject(new Error('the thread pool was disposed'));
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending[j]!.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.threads[j]!.post({ ...message, id }, transfer);
    });
  }

  /** Calls listener once if a thread dies (at once if one has); returns an unsubscribe. */
  onBroken(listener: (e: Error) => void): () => void {
    if (this.broken) {
      listener(this.broken);
      return () => undefined;
    }
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
  }

  /** Ends every thread; pending requests reject. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const error = new Error('the thread pool was disposed');
    for (const p of this.pending) for (const { reject } of p.values()) reject(error);
    for (const p of this.pending) p.clear();
    for (const t of this.threads) t.terminate();
  }

  private answer(j: number, a: JobAnswer): void {
    if (a?.closing) return this.died(j, 'it closed itself');
    const p = this.pending[j]!.get(a?.id);
    if (!p) return;
    this.pending[j]!.delete(a.id);
    if (a.error !== undefined) p.reject(new Error(`${this.label(j)}: ${a.error}`));
    else p.resolve(a.result);
  }

  private died(j: number, why: string): void {
    if (this.disposed || this.broken) return;
    const error = new Error(`${this.label(j)} stopped: ${why}`);
    this.broken = error;
    for (const p of this.pending) for (const { reject } of p.values()) reject(error);
    for (const p of this.pending) p.clear();
    for (const listener of this.deathListeners) listener(error);
    this.deathListeners.clear();
  }
}

/**
 * A browser Worker as a PoolThread: its error and messageerror events are deaths (the error
 * event's default is prevented: the pool reports it).
 */
export function browserThread(worker: Worker): PoolThread {
  return {
    post: (m, transfer = []) => worker.postMessage(m, transfer),
    onMessage: (listener) => worker.addEventListener('message', (e) => listener(e.data)),
    onDeath(listener) {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        listener(`an error: ${e.message || 'the script failed'}`);
      });
      worker.addEventListener('messageerror', () => listener('a message could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

/** The pass worker bundled by Vite (a nested worker of the training worker). */
export const spawnBrowserThread: SpawnThread = () =>
  browserThread(new Worker(new URL('./pass-worker.ts', import.meta.url), { type: 'module' }));
