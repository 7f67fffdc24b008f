import { describe, expect, it } from 'vitest';
import { articleSettings, readyApps, trainToEnd, until } from './harness.ts';

/** The article's run, read from the core alone (no worker, no page). */
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { Trainer } from '../../src/core/trainer.ts';

function coreAfter(epochs: number) {
  const rng = new PyRandom(DEFAULT_RECIPE.seed);
  const data = generateDataset(DEFAULT_RECIPE, rng);
  const t = new Trainer(data, initialModel(2, rng), DEFAULT_HYPERPARAMETERS);
  t.step(epochs);
  return { w: Array.from(t.w), b: t.b };
}

const ready = readyApps();

describe('RunController', () => {
  it("trains the article's run to its numbers, bit for bit with the core", async () => {
    const app = await ready();
    const s = await trainToEnd(app);
    const core = coreAfter(400);
    expect(app.status).toBe('done');
    expect(s.epoch).toBe(400);
    expect(Array.from(s.w)).toEqual(core.w);
    expect(s.b).toBe(core.b);
    expect(s.svCount).toBe(15);
    expect(app.curves.length).toBe(401);
    // 401 epochs fit the curves' buckets whole: every epoch kept, the last one the snapshot's.
    const kept = app.curves.kept();
    expect(kept.count).toBe(401);
    expect([kept.epochs[400], kept.meanLoss[400], kept.objective[400]]).toEqual([
      400,
      s.meanLoss,
      s.objective,
    ]);
  });

  it('Pause, then Reset and Step in one task: a clean run at epoch 1 that trains on to the numbers', async () => {
    const app = await ready(articleSettings({ epochs: 400 }, 20_000));
    app.form.speed = '60';
    app.train();
    await until(() => (app.snapshot?.epoch ?? 0) >= 2, 'a few epochs');
    app.pause();
    app.reset();
    app.step();
    await app.run.settled();
    expect(app.run.message).toBe('');
    expect(app.status).toBe('paused');
    expect(app.snapshot?.epoch).toBe(1);
    expect(app.curves.length).toBe(2);
    app.form.speed = 'full';
    const s = await trainToEnd(app);
    expect(s.epoch).toBe(400);
  });

  it('Resume after a settings change continues from the epoch on screen with the new settings', async () => {
    const app = await ready();
    app.form.speed = '60';
    app.step();
    app.step();
    await app.run.settled();
    expect(app.snapshot?.epoch).toBe(2);
    app.form.texts = { ...app.form.texts, epochs: '10' };
    app.resume();
    await until(() => app.run.phase === 'done', 'the end');
    await app.run.settled();
    expect(app.snapshot?.epoch).toBe(10);
    expect(app.curves.length).toBe(11);
    // Equal to ten epochs of the core: the continuation neither skipped nor repeated one.
    expect(Array.from(app.snapshot!.w)).toEqual(coreAfter(10).w);
  });

  it('refuses with a reason, never throws: Pause when idle, Resume when done', async () => {
    const app = await ready(articleSettings({ epochs: 3 }));
    app.pause();
    await app.run.settled();
    expect(app.run.message).toMatch(/^Pause: nothing is training/);
    await trainToEnd(app);
    app.resume();
    await app.run.settled();
    expect(app.run.message).toMatch(/^Resume: the run has finished/);
    expect(app.status).toBe('done');
  });

  it('Train with a changed dataset draws it first, then trains it', async () => {
    const app = await ready(articleSettings({ epochs: 5 }));
    app.form.texts = { ...app.form.texts, seed: '8' };
    const s = await trainToEnd(app);
    expect(app.datasetRecipe?.seed).toBe(8);
    expect(s.epoch).toBe(5);
  });

  it('Cancel while drawing keeps the data and the run on screen', async () => {
    const app = await ready(articleSettings({ epochs: 5 }));
    app.step();
    await app.run.settled();
    const before = app.summary;
    app.form.texts = { ...app.form.texts, nPerClass: '2000000' };
    app.generate();
    await until(() => app.generating, 'the drawing');
    app.cancelGenerate();
    await app.run.settled();
    expect(app.summary).toBe(before);
    expect(app.status).toBe('paused');
    expect(app.snapshot?.epoch).toBe(1);
    expect(app.run.message).toBe('Cancelled: the data on screen stays.');
  });

  it('a press with an invalid field says which, and nothing changes', async () => {
    const app = await ready();
    app.form.texts = { ...app.form.texts, lr: 'fast' };
    app.train();
    await app.run.settled();
    expect(app.run.message).toMatch(/correct the fields/);
    expect(app.status).toBe('idle');
    expect(app.snapshot?.epoch).toBe(0);
  });
});
