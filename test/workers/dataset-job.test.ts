import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { inRowMemory } from '../../src/core/wasm/row-memory.ts';
import { generateInSlices, THREADED_MIN_POINTS } from '../../workers/dataset-job.ts';
import { createShardDrawer } from '../../workers/generate-shard-job.ts';
import type { ShardRunner } from '../../workers/generate-threads.ts';

/** Two threads acted out in this one (each with its own drawer), counting the shards asked. */
function inlineRunner(): ShardRunner & { asked: number } {
  const drawers = [createShardDrawer(), createShardDrawer()];
  const runner = {
    threads: 2,
    broken: false,
    asked: 0,
    draw: async (t: number, job: Parameters<ShardRunner['draw']>[1]) => {
      runner.asked++;
      return drawers[t]!(job);
    },
    dispose: () => undefined,
  };
  return runner;
}

const deps = (runner: ShardRunner | null) => ({
  now: () => 0,
  sliceMs: 1e9,
  yieldToEvents: () => Promise.resolve(),
  checkAlive: () => undefined,
  shards: () => runner,
});

describe('generateInSlices', () => {
  it('uses the threads from THREADED_MIN_POINTS points on, with the same summary', async () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: THREADED_MIN_POINTS / 2 };
    const runner = inlineRunner();
    const threaded = await generateInSlices(recipe, deps(runner));
    expect(runner.asked).toBeGreaterThan(0);
    const alone = await generateInSlices(recipe, deps(null));
    expect({ ...threaded.summary, generationMs: 0 }).toEqual({ ...alone.summary, generationMs: 0 });

    const small = inlineRunner();
    await generateInSlices({ ...recipe, nPerClass: recipe.nPerClass - 1 }, deps(small));
    expect(small.asked).toBe(0);
  });

  it('draws into a shared row memory where it can (the wasm kernel reads it; threads copy nothing)', async () => {
    // Node shares memory between threads (no cross-origin isolation to ask for).
    for (const runner of [null, inlineRunner()]) {
      const { data } = await generateInSlices(
        { ...DEFAULT_RECIPE, nPerClass: 40_000 },
        deps(runner),
      );
      expect(data.x.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(data.y.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(inRowMemory(data.x, data.y)).toBe(true);
    }
  });
});
