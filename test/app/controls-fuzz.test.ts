/**
 * Seeded random sequences of presses at random short intervals (0-30 ms) against the real
 * trainer service behind a worker thread. After each sequence: no uncaught exception (vitest
 * fails the run on one), not stuck (the queue settles and a further Train reaches done), no
 * error state, and the final numbers equal a clean run's, bit for bit. The intervals are inputs;
 * no assertion depends on timing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/app/run-machine.ts';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { createThreadClient } from '../helpers/thread-worker.ts';
import { appOn, articleSettings, trainToEnd, until } from './harness.ts';
import { mulberry32 as rng } from '../helpers/mulberry32.ts';

const PRESSES: (Action | 'toggle')[] = [
  'train',
  'pause',
  'step',
  'reset',
  'generate',
  'toggle',
  'resume',
  'cancelGenerate',
];

function cleanRun(nPerClass: number) {
  const rand = new PyRandom(DEFAULT_RECIPE.seed);
  const data = generateDataset({ ...DEFAULT_RECIPE, nPerClass }, rand);
  const t = new Trainer(data, initialModel(2, rand), DEFAULT_HYPERPARAMETERS);
  t.step(DEFAULT_HYPERPARAMETERS.epochs);
  return { w: Array.from(t.w), b: t.b };
}

const threads: ReturnType<typeof createThreadClient>[] = [];
afterAll(async () => {
  for (const t of threads) {
    await t.client.dispose();
    for (const w of t.workers) w.terminate();
  }
});

async function fuzz(nPerClass: number, sequences: number, presses: number, seed: number) {
  const thread = createThreadClient();
  threads.push(thread);
  const app = appOn(thread.client, articleSettings({}, nPerClass));
  const clean = cleanRun(nPerClass);
  const next = rng(seed);
  for (let q = 0; q < sequences; q++) {
    const pressed: string[] = [];
    for (let k = 0; k < presses; k++) {
      const press = PRESSES[Math.floor(next() * PRESSES.length)]!;
      pressed.push(press);
      app.run.press(press);
      const ms = Math.floor(next() * 31);
      if (ms > 0 || next() < 0.5) await new Promise((r) => setTimeout(r, ms));
    }
    const context = `sequence ${q} (seed ${seed}): ${pressed.join(' ')}`;
    await until(() => !app.generating, `the drawing to end after ${context}`);
    await app.run.settled();
    expect(app.status, `${context} → ${app.run.message}`).not.toBe('error');
    const s = await trainToEnd(app);
    expect(app.status, context).toBe('done');
    expect(s.epoch, context).toBe(DEFAULT_HYPERPARAMETERS.epochs);
    expect(Array.from(s.w), context).toEqual(clean.w);
    expect(s.b, context).toBe(clean.b);
    expect(app.curves.length, context).toBe(s.epoch + 1);
    // The curves end exactly at the epoch shown (kept points at a fixed resolution).
    const kept = app.curves.kept();
    expect(kept.epochs[kept.count - 1], context).toBe(s.epoch);
    expect(kept.meanLoss[kept.count - 1], context).toBe(s.meanLoss);
    expect(kept.epochs[0], context).toBe(0);
  }
  app.dispose();
}

describe('random presses against the real worker', () => {
  it('at the article’s 60 points: 240 sequences of 12 presses', { timeout: 240_000 }, async () => {
    await fuzz(30, 240, 12, 11);
  });

  it('at 40,000 points: 12 sequences of 12 presses', { timeout: 240_000 }, async () => {
    await fuzz(20_000, 12, 12, 23);
  });
});
