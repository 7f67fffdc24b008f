import { Worker as NodeWorker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../src/core/recipe.ts';
import { createTrainerClient, type TrainerClient } from '../src/trainer-client.ts';
import type { Snapshot } from '../workers/trainer-api.ts';

/**
 * A browser-Worker-shaped shim over a Node worker thread running the real service, with a way
 * to make it "crash" as a browser reports it (an error event).
 */
class ThreadWorker {
  readonly thread = new NodeWorker(new URL('./workers/node-worker-boot.mjs', import.meta.url));
  private readonly errorListeners = new Set<
    (e: { message: string; preventDefault(): void }) => void
  >();
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

const workers: ThreadWorker[] = [];
let client: TrainerClient | null = null;
afterEach(async () => {
  await client?.dispose();
  for (const w of workers.splice(0)) w.terminate();
});

function startClient(): TrainerClient {
  client = createTrainerClient(() => {
    const w = new ThreadWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return client;
}

describe('trainer client', () => {
  it('trains through the worker to the article’s numbers', async () => {
    const c = startClient();
    await c.generate({ ...DEFAULT_RECIPE });
    const final = await c.train({ ...DEFAULT_HYPERPARAMETERS }, () => undefined);
    expect(final.svCount).toBe(15);
    expect(final.meanLoss.toFixed(4)).toBe('0.1480');
  });

  it('rejects every pending call when the worker crashes, then restarts with the same dataset', async () => {
    const c = startClient();
    const crashes: Error[] = [];
    c.onCrash((e) => crashes.push(e));
    await c.generate({ ...DEFAULT_RECIPE, nPerClass: 100_000 });
    const run = c.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 1_000_000 }, () => undefined);
    await new Promise((r) => setTimeout(r, 200));
    workers[0]!.crash('out of memory');
    await expect(run).rejects.toThrow(/the training worker crashed: out of memory/);
    expect(crashes).toHaveLength(1);
    await expect(c.pause()).rejects.toThrow(/crashed/);
    const summary = await c.restart();
    expect(summary?.n).toBe(200_000);
    expect(workers).toHaveLength(2);
    const s: Snapshot = await c.step(2, DEFAULT_HYPERPARAMETERS);
    expect(s.epoch).toBe(2);
  });

  it('rejects calls after dispose instead of hanging', async () => {
    const c = startClient();
    await c.generate({ ...DEFAULT_RECIPE });
    await c.dispose();
    await expect(c.reset()).rejects.toThrow(/terminated/);
  });
});
