import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { coreFor, serviceOnFakeClock, truthOf } from './fake-clock.ts';

const hp = DEFAULT_HYPERPARAMETERS;
const immediate = () => new Promise((r) => setImmediate(r));

describe('paced snapshots', () => {
  it('carry the support vectors and sample flags of their own weights, every one', async () => {
    // 20,000 points: an epoch is about 5 chunks, a slice about 4, so the page (which takes a
    // snapshot two turns of the event loop after receiving it) often takes one mid-epoch: the
    // epoch then ends without indices, and the next paced snapshot must wait for one with them.
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 10_000, seed: 8 };
    const { service } = serviceOnFakeClock(2);
    await service.generate(recipe);
    const seen: Snapshot[] = [];
    const final = await service.train(
      { ...hp, epochs: 300, snapshots: { minIntervalMs: 0 } },
      async (s) => {
        seen.push(s);
        await immediate();
        await immediate();
      },
    );
    expect(final.status).toBe('done');
    const { data, t } = coreFor(recipe, hp.lr, hp.reg);
    const paced = seen.filter((s) => s.epoch > 0 && s.epoch < 300);
    expect(paced.length).toBeGreaterThan(10);
    expect(paced.length).toBeLessThan(299); // pacing skipped some epochs
    for (const s of seen) {
      const truth = truthOf(data, recipe, s);
      expect([s.epoch, s.svIncluded]).toEqual([s.epoch, true]);
      expect([s.epoch, Array.from(s.sv)]).toEqual([s.epoch, truth.sv]);
      expect([s.epoch, Array.from(s.sampleSv)]).toEqual([s.epoch, truth.sampleSv]);
      expect([s.epoch, s.svCount]).toEqual([s.epoch, truth.sv.length]);
    }
    t.step(300);
    expect(Array.from(final.w)).toEqual(Array.from(t.w));
    await service.dispose();
  });
});
