import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { createSolver } from '../../src/core/exact-solver.ts';
import { Dcd } from '../../src/core/optimizers/dcd.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';
import { serviceOnFakeClock } from './fake-clock.ts';

describe("a dcd run's snapshots carry its certified gap", () => {
  it('every snapshot has the core’s gap of its epoch, a bound of P − P*; gd has none', async () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 300 };
    const rng = new PyRandom(recipe.seed);
    const data = generateDataset(recipe, rng);
    const hp = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'dcd' as const, epochs: 80 };
    const core = new Dcd(data, initialModel(data.d, rng), hp);
    core.setSettings(hp);
    const gaps = new Map<number, number>();
    while (core.epoch < hp.epochs || !core.epochComplete) {
      if (core.epochComplete) gaps.set(core.epoch, core.certifiedGap());
      core.advance(core.rowsPerEpoch);
    }
    gaps.set(core.epoch, core.certifiedGap());
    const pStar = createSolver(data, { reg: hp.reg, tol: 1e-12 }).solve().primal;

    const service = createTrainerService();
    await service.generate(recipe);
    const seen: Snapshot[] = [];
    const final = await service.train({ ...hp, snapshots: { everyEpochs: 7 } }, (s) => {
      seen.push(s);
    });
    expect(seen.length).toBeGreaterThan(10);
    for (const s of seen) {
      expect(s.gap).toBe(gaps.get(s.epoch));
      expect(s.gap!).toBeGreaterThanOrEqual(s.objective - pStar - 1e-12);
    }
    expect(final.gap).toBe(gaps.get(80));
    const gd = await service.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 5 }, () => undefined);
    expect(gd.gap).toBeNull();
    await service.dispose();
  });

  it('a pause mid-epoch reports the gap of the epoch shown; the run goes on from there bit for bit', async () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 50_000, seed: 5 };
    const hp = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'dcd' as const, epochs: 1000 };
    const rng = new PyRandom(recipe.seed);
    const core = new Dcd(generateDataset(recipe, rng), initialModel(2, rng), hp);
    core.setSettings(hp);
    const gapAt = (e: number) => {
      while (core.epoch < e || !core.epochComplete) core.advance(core.rowsPerEpoch);
      return core.certifiedGap();
    };
    const { service } = serviceOnFakeClock(2);
    await service.generate(recipe);
    let paused: Promise<Snapshot | null> | null = null;
    const run = service.train({ ...hp, snapshots: { everyEpochs: 1 } }, (s) => {
      if (s.epoch === 2) paused ??= service.pause();
    });
    while (!paused) await new Promise((r) => setImmediate(r));
    // Set in the callback, which TypeScript does not follow.
    const p = (await (paused as Promise<Snapshot | null>))!;
    expect([p.epoch, p.svIncluded]).toEqual([2, false]); // mid-epoch: the kept epoch 2
    expect(p.gap).toBe(gapAt(2));
    const three = await service.step(1, hp);
    expect([three.epoch, three.gap]).toEqual([3, gapAt(3)]);
    await service.cancel();
    await run;
    await service.dispose();
  });
});
