import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../src/core/recipe.ts';
import type { TrainerClient } from '../src/trainer-client.ts';
import { createThreadClient, type ThreadWorker } from './helpers/thread-worker.ts';
import type { Snapshot } from '../workers/trainer-api.ts';

/** The threads of the current test's client (restart() adds one). */
let workers: ThreadWorker[] = [];
let client: TrainerClient | null = null;
afterEach(async () => {
  await client?.dispose();
  for (const w of workers.splice(0)) w.terminate();
});

function startClient(): TrainerClient {
  const started = createThreadClient();
  expect(started.workers).toEqual([started.worker]);
  ({ client, workers } = started);
  return started.client;
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
