/**
 * The threads setting through the real worker code: the trainer service in a Node worker thread
 * (as the page's client drives it) with its pass threads nested in it. The same bits for 1, 2,
 * 3 and 4 threads, with a pause and steps on the way; a killed pass thread fails the run with a
 * message naming it, nothing hangs, and the next run starts fresh threads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE, type Recipe } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';
import { createThreadClient, type ThreadWorker } from '../helpers/thread-worker.ts';
import { nodePassThreads } from '../helpers/node-pass-thread.ts';

const hp = { ...DEFAULT_HYPERPARAMETERS, lr: 0.5 };
const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

/** What must not depend on the thread count. */
function bits(s: Snapshot): unknown {
  const { epoch, b, meanLoss, objective, svCount, accuracy } = s;
  return { epoch, w: Array.from(s.w), b, meanLoss, objective, svCount, accuracy, sv: s.sv };
}

async function client(): Promise<ReturnType<typeof createThreadClient>['client']> {
  const { client, workers } = createThreadClient();
  cleanup.push(async () => {
    await client.dispose();
    await Promise.all(workers.map((w: ThreadWorker) => w.die()));
  });
  return client;
}

const RECIPES: [string, Recipe][] = [
  ['d = 2, 200,000 points (4 blocks)', { ...DEFAULT_RECIPE, nPerClass: 100_000 }],
  [
    'd = 5, 140,000 points (3 blocks)',
    { ...DEFAULT_RECIPE, seed: 3, nPerClass: 70_000, trueW: [1, -0.6, 0.3, 0, 2] },
  ],
];

describe('threads through the worker (Node worker threads)', () => {
  for (const [name, recipe] of RECIPES) {
    it(`${name}: 1, 2, 3 and 4 threads give the same run, paused and stepped`, async () => {
      const c = await client();
      await c.generate(recipe);
      const runs: unknown[] = [];
      for (const threads of [1, 2, 3, 4]) {
        await c.setThreads(threads);
        const seen: Snapshot[] = [];
        const done = await c.train({ ...hp, epochs: 12 }, (s) => void seen.push(s));
        const stepped = await c.step(3, { ...hp, epochs: 12 });
        const after = await c.train({ ...hp, epochs: 20, from: 'current' }, () => undefined);
        runs.push({ done: bits(done), stepped: bits(stepped), after: bits(after) });
        expect(seen.at(-1)!.epoch).toBe(12);
      }
      for (const r of runs.slice(1)) expect(r).toEqual(runs[0]);
    });
  }

  it('refuses a threads count outside 1..16, naming the field', async () => {
    const c = await client();
    await expect(c.setThreads(0)).rejects.toThrow(/threads must be an integer in \[1, 16\], got 0/);
    await expect(c.setThreads(17)).rejects.toThrow(/threads must be an integer in \[1, 16\]/);
    await expect(c.setThreads(2.5)).rejects.toThrow(/threads/);
  });
});

describe('a pass thread that dies', () => {
  it('fails the run naming the thread; the next run starts fresh threads with the same bits', async () => {
    const spawned: NonNullable<Parameters<typeof nodePassThreads>[0]> = [];
    const service = createTrainerService({ spawnPassThread: nodePassThreads(spawned) });
    const alone = createTrainerService({ spawnPassThread: null });
    cleanup.push(
      () => service.dispose(),
      () => alone.dispose(),
    );
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 100_000 };
    await service.generate(recipe);
    await alone.generate(recipe);
    await service.setThreads(3);
    let killed = false;
    const run = service.train({ ...hp, epochs: 1_000_000 }, (s) => {
      if (s.epoch >= 2 && !killed) {
        killed = true;
        void spawned[1]!.thread.terminate();
      }
    });
    await expect(run).rejects.toThrow(/pass thread 3 of 3 stopped: it exited/);
    expect(spawned.length).toBe(2);
    const again = await service.train({ ...hp, epochs: 6 }, () => undefined);
    expect(spawned.length).toBe(4); // a fresh pool
    const expected = await alone.train({ ...hp, epochs: 6 }, () => undefined);
    expect(bits(again)).toEqual(bits(expected));
  });
});
