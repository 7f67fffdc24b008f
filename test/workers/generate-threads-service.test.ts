/**
 * Generation on threads through the real worker code: the trainer service in a Node worker
 * thread (as the page's client drives it) with its pool threads nested in it. The threads
 * setting never changes the data, the initial weights or a run; a new Generate mid-way cancels
 * the one before; progress rises to n.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE, type Recipe } from '../../src/core/recipe.ts';
import type { DatasetSummary, GenerateProgress } from '../../workers/trainer-api.ts';
import { createThreadClient, type ThreadWorker } from '../helpers/thread-worker.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function client(): Promise<ReturnType<typeof createThreadClient>['client']> {
  const { client, workers } = createThreadClient();
  cleanup.push(async () => {
    await client.dispose();
    await Promise.all(workers.map((w: ThreadWorker) => w.die()));
  });
  return client;
}

/** Everything a summary says about the data (its timing aside), as plain arrays. */
function dataOf(s: DatasetSummary): unknown {
  return JSON.parse(
    JSON.stringify({ ...s, generationMs: 0 }, (_k, v: unknown) =>
      ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
    ),
  );
}

const RECIPES: [string, Recipe][] = [
  // 800,000 candidates or so: rounds of up to ~235,000 a thread, two in flight.
  ['d = 2, 800,000 points', { ...DEFAULT_RECIPE, nPerClass: 400_000 }],
  [
    'd = 5, 80,000 points, one class rare',
    { ...DEFAULT_RECIPE, seed: 3, nPerClass: 40_000, trueW: [1, -0.6, 0.3, 0, 2], trueB: 2.5 },
  ],
];

describe('generation on threads through the worker (Node worker threads)', () => {
  for (const [name, recipe] of RECIPES) {
    it(`${name}: 1, 2 and 3 threads draw the same data, weights and run`, async () => {
      const c = await client();
      const seen: unknown[] = [];
      for (const threads of [1, 2, 3]) {
        await c.setThreads(threads);
        const summary = await c.generate(recipe);
        const run = await c.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 3 }, () => undefined);
        seen.push({ data: dataOf(summary), w: Array.from(run.w), b: run.b, loss: run.meanLoss });
      }
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
    });
  }

  it('a new Generate mid-way cancels the one before; progress rises to n', async () => {
    const c = await client();
    const small = { ...DEFAULT_RECIPE, nPerClass: 1000 };
    await c.setThreads(1);
    const want = dataOf(await c.generate(small));
    await c.setThreads(2);
    const progress: GenerateProgress[] = [];
    const big = c.generate({ ...DEFAULT_RECIPE, nPerClass: 2_000_000 }, (p) => {
      progress.push(p);
    });
    // Once the big one is under way (it reported progress), a new Generate replaces it.
    while (progress.length === 0) await new Promise((r) => setTimeout(r, 5));
    const next = c.generate(small);
    await expect(big).rejects.toThrow('generation cancelled');
    expect(dataOf(await next)).toEqual(want);
    expect(progress.every((p) => p.n === 4_000_000 && p.accepted < p.n)).toBe(true);

    const seen: GenerateProgress[] = [];
    const summary = await c.generate({ ...DEFAULT_RECIPE, nPerClass: 400_000 }, (p) => {
      seen.push(p);
    });
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k]!.accepted).toBeGreaterThanOrEqual(seen[k - 1]!.accepted);
    }
    expect(seen.at(-1)).toEqual({ accepted: summary.n, n: summary.n });
  });
});
