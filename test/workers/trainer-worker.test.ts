import { expose, proxy, transfer, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { snapshotTransferables } from '../../workers/snapshot-builder.ts';
import type { Snapshot, TrainerService } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

const hp = DEFAULT_HYPERPARAMETERS;
const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe('across a message boundary', () => {
  it('transfers snapshot buffers: detached on the sending side', async () => {
    const sent: Snapshot[] = [];
    const service = createTrainerService({
      transfer: (s) => {
        sent.push(s);
        return transfer(s, snapshotTransferables(s));
      },
    });
    const { port1, port2 } = new MessageChannel();
    expose(service, nodeEndpoint(port1));
    const remote = wrap<TrainerService>(nodeEndpoint(port2));
    cleanup.push(() => {
      port1.close();
      port2.close();
    });
    await remote.generate({ ...DEFAULT_RECIPE });
    const received: Snapshot[] = [];
    const final = await remote.train(
      { ...hp },
      proxy((s: Snapshot) => void received.push(s)),
    );
    expect(final.epoch).toBe(400);
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(received[0]!.sv).toBeInstanceOf(Uint32Array);
    expect(received.at(-1)!.svCount).toBe(15);
    expect(received.at(-1)!.sv.length).toBe(15);
    // Every buffer the worker side sent is now detached there: moved, not copied.
    expect(sent.length).toBe(received.length);
    for (const s of sent) {
      expect(s.sv.buffer.byteLength).toBe(0);
      expect(s.w.buffer.byteLength).toBe(0);
      expect(s.curve.meanLoss.buffer.byteLength).toBe(0);
    }
  });

  describe('in a worker thread', () => {
    function startWorker(): Remote<TrainerService> {
      const worker = new Worker(new URL('./node-worker-boot.mjs', import.meta.url));
      cleanup.push(() => worker.terminate());
      return wrap<TrainerService>(nodeEndpoint(worker));
    }

    it('pauses and cancels mid-run at 200,000 points', async () => {
      const remote = startWorker();
      const summary = await remote.generate({ ...DEFAULT_RECIPE, nPerClass: 100_000 });
      expect(summary.n).toBe(200_000);
      expect(summary.sample.length).toBe(4000);
      const epochs: number[] = [];
      const run = remote.train(
        { ...hp, epochs: 100_000 },
        proxy((s: Snapshot) => void epochs.push(s.epoch)),
      );
      while (epochs.length < 3) await new Promise((r) => setTimeout(r, 5));
      const t0 = performance.now();
      await remote.pause();
      const pauseMs = performance.now() - t0;
      const seenAtPause = epochs.length;
      await new Promise((r) => setTimeout(r, 100));
      expect(epochs.length).toBe(seenAtPause); // nothing moves while paused
      expect(pauseMs).toBeLessThan(1000);
      const stepped = await remote.step(2, hp);
      expect(stepped.status).toBe('paused');
      await remote.resume();
      await remote.cancel();
      const end = await run;
      expect(end.status).toBe('cancelled');
      expect(end.epoch).toBeGreaterThanOrEqual(stepped.epoch);
      expect(end.epoch).toBeLessThan(100_000);
    });
  });
});
