import { describe, expect, it } from 'vitest';
import { solveTolerance } from '../../src/app/solve-state.svelte.ts';
import { settingsTexts } from '../../src/fields.ts';
import { articleSettings, readyApps, trainToEnd, until } from './harness.ts';

const ready = readyApps();

describe('SolveState', () => {
  it('solves the data and λ on screen: P* of the article, certified, and the distance of a run', async () => {
    const app = await ready();
    expect(app.optimum.current).toBeNull();
    await app.optimum.solve();
    expect(app.optimum.phase).toBe('solved');
    const o = app.optimum.current!;
    expect(Math.abs(o.primal - 0.16172920066728)).toBeLessThan(1e-10);
    expect(o.gap).toBeLessThanOrEqual(1e-9);
    const s = await trainToEnd(app);
    // The article's 400 epochs end at P = 0.166487, 0.004758 above the optimum.
    expect(app.optimum.distance(s.objective)).toBeCloseTo(0.166487 - 0.1617292, 6);
  });

  it('is of one dataset and one λ: a new λ or new data leaves no current optimum', async () => {
    const app = await ready();
    await app.optimum.solve();
    expect(app.optimum.current).not.toBeNull();
    app.form.texts = settingsTexts(articleSettings({ reg: 0.02 }));
    expect(app.optimum.current).toBeNull();
    app.form.texts = settingsTexts(articleSettings());
    expect(app.optimum.current).not.toBeNull();
    app.form.texts = settingsTexts({
      ...articleSettings(),
      recipe: { ...articleSettings().recipe, seed: 8 },
    });
    const before = app.summary;
    app.generate();
    await until(() => app.summary !== before && app.run.phase === 'idle', 'the new data');
    expect(app.optimum.current).toBeNull();
  });

  it('cancel stops a solve under way and keeps the page usable; Solve again finishes', async () => {
    const app = await ready(articleSettings({}, 100_000));
    const solving = app.optimum.solve();
    await until(() => app.optimum.phase === 'solving', 'the solve to start');
    await app.optimum.cancel();
    await solving;
    expect(app.optimum.phase).toBe('idle');
    expect(app.optimum.current).toBeNull();
    expect(app.optimum.message).toBe('');
    await app.optimum.solve();
    expect(app.optimum.phase).toBe('solved');
    expect(app.optimum.current!.gap).toBeLessThanOrEqual(solveTolerance(200_000));
  });

  it('compares a run’s objective with P* only when the run used P*’s λ', async () => {
    const app = await ready();
    await app.optimum.solve();
    // Before any run the epoch-0 objective is of λ = 0: no distance.
    expect(app.optimum.distance(app.snapshot!.objective)).toBeNull();
    const s = await trainToEnd(app);
    expect(app.optimum.distance(s.objective)).not.toBeNull();
    // A solve for another λ in the form: the run on screen used 0.01, so no distance.
    app.form.texts = settingsTexts(articleSettings({ reg: 0.02 }));
    await app.optimum.solve();
    expect(app.optimum.current!.reg).toBe(0.02);
    expect(app.optimum.distance(s.objective)).toBeNull();
  });

  it('λ = 0 gets a clear message, not a spin', async () => {
    const app = await ready(articleSettings({ reg: 0 }));
    expect(app.optimum.canSolve).toBe(false);
    await app.optimum.solve();
    expect(app.optimum.phase).toBe('failed');
    expect(app.optimum.message).toMatch(/λ > 0/);
  });

  it('retrains on the optimum’s support vectors (same line) and on the run’s (how far)', async () => {
    const app = await ready(articleSettings({ epochs: 1000 }));
    await app.optimum.solve();
    await app.optimum.retrainOn(null);
    expect(app.optimum.retrain).toMatchObject({ source: 'optimum', m: 13, differ: 0 });
    expect(app.optimum.retrain!.dw).toBeLessThan(1e-7);
    const s = await trainToEnd(app);
    await app.optimum.retrainOn(s);
    expect(app.optimum.retrain).toMatchObject({ source: 'weights', m: 12, differ: 1 });
    expect(app.optimum.retrain!.dw).toBeGreaterThan(0.3);
  });

  it('picks 1e-9 where SMO runs and 1e-6 above', () => {
    expect(solveTolerance(60)).toBe(1e-9);
    expect(solveTolerance(4096)).toBe(1e-9);
    expect(solveTolerance(1_000_000)).toBe(1e-6);
  });
});
