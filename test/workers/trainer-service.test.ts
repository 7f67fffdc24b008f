import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { formatFixed } from '../../src/core/py-format.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE, type Recipe } from '../../src/core/recipe.ts';
import { supportVectorIndices } from '../../src/core/support-vectors.ts';
import { textGrid } from '../../src/core/text-grid.ts';
import { Trainer } from '../../src/core/trainer.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';
import { fakeClock } from './fake-clock.ts';

const hp = DEFAULT_HYPERPARAMETERS;

/** The same run in the core directly. */
function coreRun(recipe: Recipe, lr: number, reg: number, epochs: number) {
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset(recipe, rng);
  const t = new Trainer(data, initialModel(data.d, rng), { lr, reg });
  t.step(epochs);
  return { t, m: t.evaluate() };
}

const tick = () => new Promise((r) => setTimeout(r, 1));
const turn = () => new Promise((r) => setImmediate(r));

describe('trainer service (in process)', () => {
  it('trains the article’s experiment to exactly the CLI’s numbers', async () => {
    const service = createTrainerService();
    const summary = await service.generate({ ...DEFAULT_RECIPE });
    expect([summary.n, summary.d, summary.nPositive, summary.nNegative]).toEqual([60, 2, 30, 30]);
    expect(summary.sample.length).toBe(60);
    const seen: Snapshot[] = [];
    const final = await service.train({ ...hp }, (s) => void seen.push(s));
    expect(final.status).toBe('done');
    expect(final.epoch).toBe(400);
    expect(seen[0]!.epoch).toBe(0);
    expect(seen[0]!.svCount).toBe(34);
    expect(seen.at(-1)!.epoch).toBe(400);
    expect(formatFixed(final.w[0]!, 3, true)).toBe('+1.638');
    expect(formatFixed(final.w[1]!, 3, true)).toBe('-1.006');
    expect(formatFixed(final.b, 3, true)).toBe('+0.545');
    expect(formatFixed(final.meanLoss, 4)).toBe('0.1480');
    expect(final.svCount).toBe(15);
    const { t, m } = coreRun(DEFAULT_RECIPE, hp.lr, hp.reg, 400);
    expect(Array.from(final.w)).toEqual(Array.from(t.w));
    expect(final.b).toBe(t.b);
    expect(final.meanLoss).toBe(m.meanLoss);
    expect(Array.from(final.sv)).toEqual(Array.from(t.sv.subarray(0, m.svCount)));
    expect(Array.from(final.sampleSv).reduce((a, v) => a + v, 0)).toBe(15);
    await service.dispose();
  });

  it('sends curve chunks that cover every epoch once, equal to the core’s history', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const loss: number[] = [];
    await service.train({ ...hp, epochs: 120 }, (s) => {
      expect(s.curve.from).toBe(loss.length);
      loss.push(...s.curve.meanLoss);
    });
    const { t, m } = coreRun(DEFAULT_RECIPE, hp.lr, hp.reg, 120);
    expect(loss).toEqual([...t.history.meanLoss.subarray(0, 120), m.meanLoss]);
    await service.dispose();
  });

  it('stays bit-identical to the core under tiny slices, pauses, steps and resumes', async () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 3000, seed: 12 };
    const service = createTrainerService({ sliceMs: 0.02 });
    await service.generate(recipe);
    const run = service.train({ lr: 0.1, reg: 0.001, epochs: 60 }, () => tick());
    for (let k = 0; k < 5; k++) {
      await tick();
      await service.pause();
      await service.step(1 + k, { lr: 0.1, reg: 0.001, epochs: 60 });
      await service.resume();
    }
    const final = await run;
    expect(final.status).toBe('done');
    // A step near the end may carry the run past its target; compare at the epoch it ended on.
    expect(final.epoch).toBeGreaterThanOrEqual(60);
    const { t } = coreRun(recipe, 0.1, 0.001, final.epoch);
    expect(Array.from(final.w)).toEqual(Array.from(t.w));
    expect(final.b).toBe(t.b);
    await service.dispose();
  });

  it('pauses promptly while a required snapshot waits for a slow page', async () => {
    const service = createTrainerService({ now: fakeClock().now });
    await service.generate({ ...DEFAULT_RECIPE });
    const epochs: number[] = [];
    let paused: Promise<Snapshot | null> | null = null;
    const slowPage = async (s: Snapshot) => {
      epochs.push(s.epoch);
      if (s.epoch === 4) paused ??= service.pause();
      for (let k = 0; k < 20; k++) await turn(); // the page takes 20 turns of the event loop
    };
    const run = service.train({ ...hp, snapshots: { everyEpochs: 1 } }, slowPage);
    while (!paused) await turn();
    const p = (await (paused as Promise<Snapshot | null>))!;
    expect(p.epoch).toBe(5); // epoch 5's pass ran while the page held 4; 6 waits for it
    const seen = epochs.length;
    for (let k = 0; k < 200; k++) await turn();
    expect(epochs.length).toBe(seen); // nothing moves while paused
    await service.resume();
    const final = await run;
    expect(final.epoch).toBe(400);
    expect(formatFixed(final.meanLoss, 4)).toBe('0.1480');
    await service.dispose();
  });

  it('honours everyEpochs and reports churn between snapshots', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const seen: Snapshot[] = [];
    await service.train({ ...hp, epochs: 50, snapshots: { everyEpochs: 10 } }, (s) => {
      seen.push(s);
    });
    expect(seen.map((s) => s.epoch)).toEqual([0, 10, 20, 30, 40, 50]);
    for (let k = 1; k < seen.length; k++) {
      const before = new Set(seen[k - 1]!.sv);
      const now = new Set(seen[k]!.sv);
      expect(seen[k]!.entered).toBe([...now].filter((i) => !before.has(i)).length);
      expect(seen[k]!.left).toBe([...before].filter((i) => !now.has(i)).length);
    }
    await service.dispose();
  });

  it('leaves the index list out when asked, with the same churn; supportVectors(w, b) gives it', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const train = async (supportVectors: boolean) => {
      const seen: Snapshot[] = [];
      const opts = { ...hp, epochs: 50, snapshots: { everyEpochs: 10, supportVectors } };
      seen.push(await service.train(opts, (s) => void seen.push(s)));
      return seen;
    };
    const full = await train(true);
    const lean = await train(false);
    expect(lean.map((s) => s.epoch)).toEqual(full.map((s) => s.epoch));
    for (const [k, s] of lean.entries()) {
      const f = full[k]!;
      expect([s.sv.length, s.svIncluded]).toEqual([0, false]);
      expect(f.svIncluded).toBe(true);
      expect([s.svCount, s.entered, s.left]).toEqual([f.svCount, f.entered, f.left]);
      expect([s.churnCounted, f.churnCounted]).toEqual([true, true]);
      expect(Array.from(s.sampleSv)).toEqual(Array.from(f.sampleSv));
      expect(Array.from(await service.supportVectors(s.w, s.b))).toEqual(Array.from(f.sv));
    }
    await expect(service.supportVectors(Float64Array.of(1), 0)).rejects.toThrow(
      /w must be a Float64Array of 2 finite numbers/,
    );
    await expect(service.supportVectors(Float64Array.of(1, 2), NaN)).rejects.toThrow(
      /b must be a finite number, got NaN/,
    );
    await service.dispose();
  });

  it('draws the text grid of the latest snapshot as the core does, at any grid size', async () => {
    const service = createTrainerService();
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 5000, noise: 0.8 };
    await service.generate(recipe);
    const final = await service.train({ ...hp, epochs: 30 }, () => undefined);
    const { t } = coreRun(recipe, hp.lr, hp.reg, 30);
    const sv = supportVectorIndices(t.data.x, t.data.y, final.w, final.b);
    for (const g of [21, 7, 21]) {
      expect(await service.textGrid(g)).toBe(textGrid(final.w, final.b, t.data, sv, g));
    }
    await service.dispose();
  });

  it('cancel ends a run mid-way; reset returns to the same initial weights', async () => {
    const service = createTrainerService({ sliceMs: 1 });
    const summary = await service.generate({ ...DEFAULT_RECIPE, nPerClass: 20000 });
    const run = service.train({ ...hp, epochs: 1_000_000 }, () => tick());
    await tick();
    await service.cancel();
    const end = await run;
    expect(end.status).toBe('cancelled');
    expect(end.epoch).toBeLessThan(1_000_000);
    const zero = await service.reset();
    expect(zero.epoch).toBe(0);
    expect(Array.from(zero.w)).toEqual(Array.from(summary.w0));
    await service.dispose();
  });

  it('ends a diverging run as diverged, keeping the last finite snapshot', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE, seed: 3 });
    const final = await service.train({ lr: 1e305, reg: 0.01, epochs: 30 }, () => undefined);
    expect(final.status).toBe('diverged');
    expect(final.epoch).toBeLessThan(30);
    expect(final.w.every(Number.isFinite) && Number.isFinite(final.b)).toBe(true);
    expect(Number.isFinite(final.meanLoss)).toBe(true);
    await service.dispose();
  });

  it('rejects bad input naming the field and range, and changes nothing', async () => {
    const service = createTrainerService();
    const summary = await service.generate({ ...DEFAULT_RECIPE });
    await expect(service.generate({ ...DEFAULT_RECIPE, noise: -1 })).rejects.toThrow(
      /noise must be a finite number >= 0, got -1/,
    );
    await expect(service.generate({ ...DEFAULT_RECIPE, nPerClass: 0 })).rejects.toThrow(
      /nPerClass must be an integer in \[1, 5000000\]/,
    );
    await expect(service.train({ ...hp, lr: 0 }, () => undefined)).rejects.toThrow(
      /lr must be a finite number > 0/,
    );
    await expect(service.step(0, hp)).rejects.toThrow(/step count must be an integer/);
    const zero = await service.reset();
    expect(Array.from(zero.w)).toEqual(Array.from(summary.w0));
    const grid = await service.textGrid(21);
    expect(grid.split('\n')).toHaveLength(21);
    await service.dispose();
  });

  it('steps from idle with the given hyperparameters, like the core', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const a = await service.step(7, hp);
    const b = await service.step(3, hp);
    expect([a.epoch, b.epoch]).toEqual([7, 10]);
    const { t, m } = coreRun(DEFAULT_RECIPE, hp.lr, hp.reg, 10);
    expect(Array.from(b.w)).toEqual(Array.from(t.w));
    expect(Array.from(b.sv)).toEqual(Array.from(t.sv.subarray(0, m.svCount)));
    // A lean policy leaves the index list out of the steps' snapshots (from a new run).
    await service.reset();
    const lean = await service.step(10, hp, { supportVectors: false });
    expect([lean.epoch, lean.sv.length, lean.svIncluded, lean.svCount]).toEqual([
      10,
      0,
      false,
      m.svCount,
    ]);
    expect(Array.from(lean.w)).toEqual(Array.from(t.w));
    await expect(service.step(1, hp, { everyEpochs: 0 })).resolves.toBeDefined(); // run is live
    await service.cancel();
    await expect(service.step(1, hp, { everyEpochs: 0 })).rejects.toThrow(/everyEpochs/);
    await service.dispose();
  });

  it('fails clearly after dispose and before generate', async () => {
    const service = createTrainerService();
    await expect(service.train({ ...hp }, () => undefined)).rejects.toThrow(/call generate/);
    await service.dispose();
    await expect(service.generate({ ...DEFAULT_RECIPE })).rejects.toThrow(/disposed/);
  });
});
