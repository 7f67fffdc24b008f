/**
 * The exact solver behind the service: same bits as the core however the worker slices it,
 * progress, cancel, a new dataset ending a solve, and the SV-only retrain check.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/core/dataset.ts';
import { createSolver } from '../../src/core/exact-solver.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { SolveProgress } from '../../workers/trainer-api.ts';
import { serviceOnFakeClock } from './fake-clock.ts';

const BIG = { ...DEFAULT_RECIPE, nPerClass: 20_000 };

function coreOptimum(recipe = DEFAULT_RECIPE, reg = 0.01, tol?: number) {
  const data = generateDataset(recipe, new PyRandom(recipe.seed));
  return createSolver(data, tol === undefined ? { reg } : { reg, tol }).solve();
}

describe('solve() in the service', () => {
  it('gives the core’s optimum bit for bit on the article’s data, with its certificate', async () => {
    const { service } = serviceOnFakeClock();
    await service.generate({ ...DEFAULT_RECIPE });
    const r = await service.solve(0.01, undefined);
    const core = coreOptimum();
    expect(Array.from(r.w)).toEqual(Array.from(core.w));
    expect(r.b).toBe(core.b);
    expect(r.primal).toBe(core.primal);
    expect(r.gap).toBe(core.gap);
    expect(Math.abs(r.primal - 0.16172920066728)).toBeLessThan(1e-10);
    expect([r.atZero, r.free, r.atBound, r.n, r.tol]).toEqual([47, 3, 10, 60, 1e-9]);
  });

  it('in slices on a fake clock, reporting progress, it ends at the core’s bits (n = 40,000)', async () => {
    const { service } = serviceOnFakeClock(1, 0.5);
    await service.generate(BIG);
    const seen: SolveProgress[] = [];
    const r = await service.solve(0.01, 1e-6, (p) => void seen.push(p));
    const core = coreOptimum(BIG, 0.01, 1e-6);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.some((p) => Number.isFinite(p.gap))).toBe(true);
    expect(Array.from(r.w)).toEqual(Array.from(core.w));
    expect(r.b).toBe(core.b);
    expect(r.gap).toBeLessThanOrEqual(1e-6);
  });

  it('cancelSolve() ends a solve under way; a new solve() ends the one before', async () => {
    const { service } = serviceOnFakeClock(1, 0.25);
    await service.generate(BIG);
    const first = service.solve(0.01, 1e-6);
    const cancelled = expect(first).rejects.toThrow('solve cancelled');
    await new Promise((r) => setImmediate(r));
    await service.cancelSolve();
    await cancelled;
    const second = service.solve(0.01, 1e-6);
    const third = service.solve(0.05, 1e-6);
    await expect(second).rejects.toThrow('solve cancelled');
    expect((await third).reg).toBe(0.05);
  });

  it('a new dataset ends a solve under way', async () => {
    const { service } = serviceOnFakeClock(1, 0.25);
    await service.generate(BIG);
    const solving = service.solve(0.01, 1e-6);
    await service.generate({ ...BIG, seed: 8 });
    await expect(solving).rejects.toThrow('a new dataset replaced this one');
  });

  it('bad λ or tol is refused naming the field', async () => {
    const { service } = serviceOnFakeClock();
    await expect(service.solve(0.01, undefined)).rejects.toThrow(/no dataset yet/);
    await service.generate({ ...DEFAULT_RECIPE });
    await expect(service.solve(0, undefined)).rejects.toThrow(/reg must be a finite number > 0/);
    await expect(service.solve(0.01, -1)).rejects.toThrow(/tol must be a finite number > 0/);
  });
});

describe('retrainOnSupport()', () => {
  it('on the optimum’s support vectors gives the same w and b (the article’s claim)', async () => {
    const { service } = serviceOnFakeClock();
    await service.generate({ ...DEFAULT_RECIPE });
    await expect(service.retrainOnSupport(null)).rejects.toThrow(/call solve\(reg\) first/);
    await service.solve(0.01, undefined);
    const r = await service.retrainOnSupport(null);
    expect(r).toMatchObject({ source: 'optimum', m: 13, differ: 0 });
    expect(r.dw).toBeLessThan(1e-7);
    expect(r.db).toBeLessThan(1e-7);
  });

  it.each([
    // After the article's 400 epochs the GD set holds the optimum's 13 and 2 more: same line.
    [400, 15, 2, 1e-6, 0],
    // After 1000 epochs it has lost one of them, and the line its points give moves by ~0.4.
    [1000, 12, 1, 1, 0.3],
  ])(
    'on a GD run’s support vectors after %i epochs: %i points, %i differ from the optimum’s',
    async (epochs, m, differ, atMost, atLeast) => {
      const { service } = serviceOnFakeClock();
      await service.generate({ ...DEFAULT_RECIPE });
      const gd = await service.train({ ...DEFAULT_HYPERPARAMETERS, epochs }, () => undefined);
      await service.solve(0.01, undefined);
      const r = await service.retrainOnSupport({ w: gd.w, b: gd.b });
      expect(r).toMatchObject({ source: 'weights', m, differ });
      expect(r.dw + r.db).toBeLessThanOrEqual(atMost);
      expect(r.dw + r.db).toBeGreaterThanOrEqual(atLeast);
    },
  );
});
