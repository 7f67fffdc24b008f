/**
 * A browser-Worker-shaped shim over a Node worker thread running the production worker entry
 * (workers/expose-service.ts via test/workers/node-worker-boot.mjs), so src/trainer-client.ts
 * can be tested as the page uses it. Its deaths look as Chromium reports them: crash() and an
 * uncaught error in the thread fire an error event; the thread closing itself, running out of
 * heap (Chromium stops such a worker without any event) or being killed by die() fire none.
 */
import { Worker as NodeWorker } from 'node:worker_threads';
import { createTrainerClient, type TrainerClient } from '../../src/trainer-client.ts';
import type { LivenessOptions } from '../../src/worker-liveness.ts';

type ErrorListener = (e: { message: string; preventDefault(): void }) => void;

/** Deaths the thread's entry acts out on request (test/workers/node-worker-entry.ts). */
export type Death = 'close' | 'throw' | 'oom';

export class ThreadWorker {
  readonly thread: NodeWorker;
  /** Resolves when the thread has ended, however it ended. */
  readonly exited: Promise<number>;
  private readonly errorListeners = new Set<ErrorListener>();
  private readonly wrapped = new Map<unknown, (data: unknown) => void>();

  /** heapMb: a small JS heap for the thread (its old generation, MB). */
  constructor(heapMb?: number) {
    const url = new URL('../workers/node-worker-boot.mjs', import.meta.url);
    this.thread = new NodeWorker(
      url,
      heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {},
    );
    this.exited = new Promise((resolve) => this.thread.once('exit', resolve));
    this.thread.on('error', (e: Error & { code?: string }) => {
      if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') this.crash(`Uncaught ${e.message}`);
    });
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.thread.postMessage(message, transfer as never);
  }
  addEventListener(type: string, listener: (e: never) => void): void {
    if (type === 'message') {
      const wrapped = (data: unknown) => (listener as (e: { data: unknown }) => void)({ data });
      this.wrapped.set(listener, wrapped);
      this.thread.on('message', wrapped);
    } else if (type === 'error') this.errorListeners.add(listener as never);
  }
  removeEventListener(type: string, listener: unknown): void {
    const wrapped = this.wrapped.get(listener);
    if (type === 'message' && wrapped) this.thread.off('message', wrapped);
    if (type === 'error') this.errorListeners.delete(listener as never);
  }
  terminate(): void {
    void this.thread.terminate();
  }
  /** An error event, as a browser fires for a worker's uncaught error. */
  crash(message: string): void {
    for (const l of this.errorListeners) l({ message, preventDefault: () => undefined });
  }
  /** Asks the thread's entry to die that way. */
  kill(death: Death): void {
    this.thread.postMessage({ hingeTest: death });
  }
  /** Ends the thread with no event at all; resolves once it has ended. */
  async die(): Promise<void> {
    await this.thread.terminate();
  }
}

/**
 * A TrainerClient over worker threads, as the page builds it. `workers` lists every thread the
 * client started (restart() adds one); dispose() the client, then terminate them, after a test.
 */
export function createThreadClient(
  liveness: LivenessOptions = {},
  heapMb?: number,
): {
  client: TrainerClient;
  worker: ThreadWorker;
  workers: ThreadWorker[];
} {
  const workers: ThreadWorker[] = [];
  const client = createTrainerClient(() => {
    const w = new ThreadWorker(heapMb);
    workers.push(w);
    return w as unknown as Worker;
  }, liveness);
  return { client, worker: workers[0]!, workers };
}
