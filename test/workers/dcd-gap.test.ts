import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { createSolver } from '../../src/core/exact-solver.ts';
import { Dcd } from '../../src/core/optimizers/dcd.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

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
});
