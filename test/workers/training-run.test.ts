import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { sampleRows } from '../../src/core/display-sample.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { SnapshotBuilder } from '../../workers/snapshot-builder.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { TrainingRun } from '../../workers/training-run.ts';
import { fakeClock } from './fake-clock.ts';

/**
 * A run over 20,000 points on a fake clock (a pass is a few clock reads, about a slice) whose
 * page holds each snapshot for `holdTurns` turns of the event loop, far longer than a pass.
 */
function pacedRun(holdTurns: number, epochs: number) {
  const rng = new PyRandom(5);
  const data = generateDataset({ ...DEFAULT_RECIPE, nPerClass: 10_000 }, rng);
  const trainer = new Trainer(data, initialModel(data.d, rng), { lr: 0.05, reg: 0.01 });
  let capturedPasses = 0;
  const commit = trainer.commit.bind(trainer);
  trainer.commit = () => {
    if (trainer.passCaptured) capturedPasses++;
    commit();
  };
  const sample = sampleRows(data.n, 100, 1);
  const sent: Snapshot[] = [];
  const run = new TrainingRun(
    1,
    epochs,
    trainer,
    new SnapshotBuilder(data, sample),
    {},
    {
      now: fakeClock(0.25).now,
      sliceMs: 2,
      yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
      send: async (s) => {
        sent.push(s);
        for (let k = 0; k < holdTurns; k++) await new Promise((r) => setImmediate(r));
      },
    },
  );
  return { run, sent, captured: () => capturedPasses };
}

describe('TrainingRun pacing', () => {
  it('writes support-vector indices only in passes whose snapshot is sent', async () => {
    const { run, sent, captured } = pacedRun(30, 2000);
    const final = await run.finished;
    expect(final.status).toBe('done');
    // Passes are far shorter than the page's hold: most end while it holds a snapshot.
    expect(sent.length).toBeLessThan(200);
    expect(sent.length).toBeGreaterThan(10);
    // A captured pass is sent, but for a few while the clock's estimate of a pass settles.
    expect(captured()).toBeLessThanOrEqual(sent.length + 3);
  });
});

describe('TrainingRun when the optimizer fails', () => {
  it('rejects the run, its steps and nothing waits forever', async () => {
    const rng = new PyRandom(5);
    const data = generateDataset({ ...DEFAULT_RECIPE }, rng);
    const trainer = new Trainer(data, initialModel(data.d, rng), { lr: 0.05, reg: 0.01 });
    const advance = trainer.advance.bind(trainer);
    trainer.advance = (rows: number) => {
      if (trainer.epoch >= 3) throw new Error('broken at epoch 3');
      return advance(rows);
    };
    const run = new TrainingRun(
      1,
      100,
      trainer,
      new SnapshotBuilder(data, sampleRows(data.n, 10, 1)),
      {},
      {
        now: () => 0,
        sliceMs: 1,
        yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
      },
      true,
    );
    await expect(run.step(10)).rejects.toThrow('the training run failed: broken at epoch 3');
    await expect(run.finished).rejects.toThrow(/broken at epoch 3/);
    expect(run.active).toBe(false);
    await expect(run.pause()).resolves.toBeNull();
    await expect(run.cancel()).rejects.toThrow(/broken/);
  });
});
