/**
 * A browser-Worker-shaped shim over a Node worker thread running the production worker entry
 * (workers/expose-service.ts via test/workers/node-worker-boot.mjs), so src/trainer-client.ts
 * can be tested as the page uses it. crash() makes it "crash" as a browser reports it (an error
 * event).
 */
import { Worker as NodeWorker } from 'node:worker_threads';
import { createTrainerClient, type TrainerClient } from '../../src/trainer-client.ts';

type ErrorListener = (e: { message: string; preventDefault(): void }) => void;

export class ThreadWorker {
  readonly thread = new NodeWorker(new URL('../workers/node-worker-boot.mjs', import.meta.url));
  private readonly errorListeners = new Set<ErrorListener>();
  private readonly wrapped = new Map<unknown, (data: unknown) => void>();

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
  }
  terminate(): void {
    void this.thread.terminate();
  }
  crash(message: string): void {
    for (const l of this.errorListeners) l({ message, preventDefault: () => undefined });
  }
}

/**
 * A TrainerClient over worker threads, as the page builds it. `workers` lists every thread the
 * client started (restart() adds one); dispose() the client, then terminate them, after a test.
 */
export function createThreadClient(): {
  client: TrainerClient;
  worker: ThreadWorker;
  workers: ThreadWorker[];
} {
  const workers: ThreadWorker[] = [];
  const client = createTrainerClient(() => {
    const w = new ThreadWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { client, worker: workers[0]!, workers };
}
