import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { continueRun, makeOptimizer } from '../../src/core/optimizers/make-optimizer.ts';
import { DEFAULT_OPTIMIZER_CHOICE } from '../../src/core/optimizers/optimizer-limits.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_RECIPE,
  type Hyperparameters,
} from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

/** The same run in the core directly: `epochs` epochs of the optimizer hp names. */
function coreRun(hp: Hyperparameters & typeof DEFAULT_OPTIMIZER_CHOICE) {
  const rng = new PyRandom(DEFAULT_RECIPE.seed);
  const data = generateDataset(DEFAULT_RECIPE, rng);
  const opt = makeOptimizer(hp, data, initialModel(data.d, rng), hp, DEFAULT_RECIPE.seed);
  opt.setSettings(hp);
  while (opt.epoch < hp.epochs || !opt.epochComplete) opt.advance(opt.rowsPerEpoch);
  return opt;
}

describe('the worker builds the optimizer the settings name', () => {
  it('trains each optimizer to the core’s bits, switching between runs, and GD again after', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    for (const optimizer of ['pegasos', 'sgd', 'momentum', 'gd'] as const) {
      const hp = { ...DEFAULT_HYPERPARAMETERS, optimizer, epochs: 40 };
      const epochs: number[] = [];
      const final = await service.train({ ...hp }, (s) => void epochs.push(s.epoch));
      expect(final.status).toBe('done');
      expect(epochs[0]).toBe(0);
      const opt = coreRun(hp);
      expect(Array.from(final.w)).toEqual(Array.from(opt.w));
      expect(final.b).toBe(opt.b);
      expect(final.meanLoss).toBe(opt.metrics().meanLoss);
    }
    await service.dispose();
  });

  it('another optimizer carries on from the current weights, epoch and curves; step too', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const gd = { ...DEFAULT_HYPERPARAMETERS, epochs: 30 };
    const loss: number[] = [];
    const collect = (s: Snapshot) => {
      // the curve chunks of both runs cover every epoch once, in order
      expect(s.curve.from).toBeLessThanOrEqual(loss.length);
      loss.length = s.curve.from;
      loss.push(...s.curve.meanLoss);
    };
    await service.train(gd, collect);
    const hp = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'momentum' as const, epochs: 50 };
    const seen: Snapshot[] = [];
    const final = await service.train({ ...hp, from: 'current' }, (s) => {
      seen.push(s);
      collect(s);
    });
    expect(seen[0]!.epoch).toBe(30);
    expect(final.epoch).toBe(50);
    // the core: 30 epochs of GD, then momentum from there
    const rng = new PyRandom(DEFAULT_RECIPE.seed);
    const data = generateDataset(DEFAULT_RECIPE, rng);
    const model = initialModel(data.d, rng);
    const first = makeOptimizer(gd, data, model, gd, DEFAULT_RECIPE.seed);
    while (first.epoch < 30 || !first.epochComplete) first.advance(first.rowsPerEpoch);
    const next = makeOptimizer(hp, data, model, hp, DEFAULT_RECIPE.seed);
    continueRun(first, next);
    while (next.epoch < 50 || !next.epochComplete) next.advance(next.rowsPerEpoch);
    expect(Array.from(final.w)).toEqual(Array.from(next.w));
    expect(final.b).toBe(next.b);
    expect(loss).toEqual([...next.history.meanLoss.subarray(0, 50), next.metrics().meanLoss]);
    // a step under pegasos goes on from epoch 50; a fresh train starts pegasos at 0
    const pegasos = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'pegasos' as const, epochs: 30 };
    expect((await service.step(2, pegasos)).epoch).toBe(52);
    const fresh = await service.train({ ...pegasos, epochs: 3 }, () => undefined);
    expect(Array.from(fresh.w)).toEqual(Array.from(coreRun({ ...pegasos, epochs: 3 }).w));
    await service.dispose();
  });

  it('refuses pegasos with reg = 0, naming the field', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const hp = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'pegasos' as const, reg: 0 };
    await expect(service.train(hp, () => undefined)).rejects.toThrow(/reg must be > 0 for pegasos/);
    await service.dispose();
  });
});
