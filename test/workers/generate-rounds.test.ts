import { afterAll, describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset, type Dataset } from '../../src/core/dataset.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import type { Recipe } from '../../src/core/recipe.ts';
import { generateOnThreads } from '../../workers/generate-rounds.ts';
import {
  createShardDrawer,
  type ShardBuffers,
  type ShardDrawn,
  type ShardJob,
} from '../../workers/generate-shard-job.ts';
import { createShardThreads, type ShardRunner } from '../../workers/generate-threads.ts';
import { nodePassThreads, type nodePassThread } from '../helpers/node-pass-thread.ts';

/** Where two arrays first differ (-1: nowhere, lengths included): a small failure, not a diff of 10^5 numbers. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : n;
}

/** The builder's dataset and the initial weights drawn after it. */
function sequential(recipe: Recipe): { data: Dataset; w0: number[] } {
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset(recipe, rng);
  return { data, w0: Array.from(initialModel(data.d, rng).w) };
}

/**
 * Threads acted out in this thread: each draws with its own drawer (as a thread keeps its
 * stream) and answers after a random number of turns, so rounds and shards settle out of order.
 */
function fakeRunner(threads: number, rand: () => number): ShardRunner & { shards: number } {
  const drawers = Array.from({ length: threads }, () => createShardDrawer());
  const runner = {
    threads,
    broken: false,
    shards: 0,
    async draw(thread: number, job: ShardJob, reuse?: ShardBuffers): Promise<ShardDrawn> {
      runner.shards++;
      const drawn = drawers[thread]!(job, reuse); // into an accepted shard's buffers, if given
      for (let k = Math.floor(rand() * 4); k > 0; k--) await Promise.resolve();
      return drawn;
    },
    dispose: () => undefined,
  };
  return runner;
}

function testRandom(seed: number): () => number {
  const r = new PyRandom(seed);
  return () => r.random();
}

const deps = (shardBytes?: number) => ({ now: () => 0, checkAlive: () => undefined, shardBytes });

async function threaded(recipe: Recipe, runner: ShardRunner, shardBytes?: number) {
  const { data, rng } = await generateOnThreads(recipe, runner, deps(shardBytes), () => undefined);
  return { data, w0: Array.from(initialModel(data.d, rng).w) };
}

describe('generateOnThreads', () => {
  it('equals the sequential builder for random recipes, thread counts and round sizes', async () => {
    const rand = testRandom(8);
    for (let trial = 0; trial < 40; trial++) {
      const d = 1 + Math.floor(rand() * 5);
      const recipe: Recipe = {
        seed: Math.floor(rand() * 1e9),
        nPerClass: 1 + Math.floor(rand() * 3000),
        trueW: Array.from({ length: d }, () => rand() * 4 - 2),
        trueB: rand() < 0.3 ? 2.5 * (rand() < 0.5 ? -1 : 1) : rand() - 0.5,
        noise: [0, 0.5, 3, 1e3][Math.floor(rand() * 4)]!,
      };
      const runner = fakeRunner(2 + Math.floor(rand() * 3), rand);
      const label = JSON.stringify(recipe);
      let want: ReturnType<typeof sequential>;
      try {
        want = sequential(recipe);
      } catch (e) {
        // A hopeless recipe: the same error (at the same candidate) on threads.
        await expect(threaded(recipe, runner), label).rejects.toThrow((e as Error).message);
        continue;
      }
      // Small shards: many of them, several in flight on each thread.
      const got = await threaded(recipe, runner, 64 + Math.floor(rand() * 4000));
      expect(firstDifference(got.data.x, want.data.x), label).toBe(-1);
      expect(firstDifference(got.data.y, want.data.y), label).toBe(-1);
      expect(got.w0, label).toEqual(want.w0);
    }
  });

  it('gives up at the candidate cap with the builder’s message', async () => {
    const recipe: Recipe = { seed: 1, nPerClass: 2, trueW: [1, -0.6], trueB: 100, noise: 0 };
    await expect(threaded(recipe, fakeRunner(3, testRandom(1)))).rejects.toThrow(
      /almost never draws negative points: 0 of 2 after 1000000 candidates/,
    );
  });

  it('reports progress as rounds are accepted and stops when told', async () => {
    const recipe: Recipe = { seed: 5, nPerClass: 20_000, trueW: [1, -0.6], trueB: 0.4, noise: 0.5 };
    let t = 0;
    const seen: number[] = [];
    const now = () => (t += 20); // every round is 40 fake ms after the last report
    const runner = fakeRunner(2, testRandom(2));
    await generateOnThreads(
      recipe,
      runner,
      { now, checkAlive: () => undefined, shardBytes: 17_000 },
      (a) => seen.push(a),
    );
    expect(seen.length).toBeGreaterThan(5);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!).toBeGreaterThan(seen[k - 1]!);
    expect(seen.at(-1)!).toBeLessThanOrEqual(40_000);

    let taken = 0;
    const stop = () => {
      if (++taken === 3) throw new Error('generation cancelled');
    };
    const stopping = fakeRunner(2, testRandom(3));
    await expect(
      generateOnThreads(recipe, stopping, { now, checkAlive: stop, shardBytes: 17_000 }, () => 0),
    ).rejects.toThrow('generation cancelled');
    // Shards still drawing may arrive, but no new ones go out after the stop.
    const sent = stopping.shards;
    for (let k = 0; k < 20; k++) await Promise.resolve();
    expect(stopping.shards).toBe(sent);
  });
});

describe('generation threads (Node worker threads running the pass worker’s job table)', () => {
  const spawned: ReturnType<typeof nodePassThread>[] = [];
  const spawn = nodePassThreads(spawned);
  afterAll(async () => {
    await Promise.all(spawned.map((t) => t.thread.terminate()));
  });

  it.each([2, 3])(
    '%i threads draw the sequential dataset, over several rounds',
    async (threads) => {
      const runner = createShardThreads(spawn, threads);
      try {
        for (const recipe of [
          { seed: 7, nPerClass: 60_000, trueW: [1, -0.6], trueB: 0.4, noise: 0.5 },
          { seed: 99, nPerClass: 9_000, trueW: [0.3, -1, 2, 0.5, -0.2], trueB: 2.5, noise: 0.1 },
        ]) {
          const want = sequential(recipe);
          const got = await threaded(recipe, runner, 300_000);
          expect(firstDifference(got.data.x, want.data.x)).toBe(-1);
          expect(firstDifference(got.data.y, want.data.y)).toBe(-1);
          expect(got.w0).toEqual(want.w0);
        }
      } finally {
        runner.dispose();
      }
    },
  );

  it('a thread that dies fails the generation naming it; a new pool works', async () => {
    const before = spawned.length;
    const runner = createShardThreads(spawn, 2);
    const recipe = { seed: 3, nPerClass: 200_000, trueW: [1, -0.6], trueB: 0.4, noise: 0.5 };
    const run = threaded(recipe, runner, 100_000);
    await spawned[before + 1]!.thread.terminate();
    await expect(run).rejects.toThrow(/generation thread 2 of 2 stopped: it exited/);
    expect(runner.broken).toBe(true);
    await expect(runner.draw(0, { ...recipe, start: 0, count: 1 })).rejects.toThrow(
      /generation thread 2 of 2 stopped/,
    );
    runner.dispose();
    const fresh = createShardThreads(spawn, 2);
    const small = { ...recipe, nPerClass: 1000 };
    expect((await threaded(small, fresh)).w0).toEqual(sequential(small).w0);
    fresh.dispose();
  });
});
