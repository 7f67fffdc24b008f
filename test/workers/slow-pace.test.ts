/**
 * Watching slowly (SnapshotPolicy.epochsPerSecond): epoch t is reported no sooner than
 * t / epochsPerSecond seconds after the start or the last resume, every epoch's snapshot goes,
 * and a pause lands at once instead of after the wait. A fake clock and a fake sleep: the test
 * reads times, it never waits for them.
 */
import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { sampleRows } from '../../src/core/display-sample.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { SnapshotBuilder } from '../../workers/snapshot-builder.ts';
import { SnapshotPacing } from '../../workers/snapshot-pacing.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { TrainingRun } from '../../workers/training-run.ts';

describe('SnapshotPacing.waitBefore', () => {
  it('is 0 at compute speed; at k epochs/s epoch t is due t/k s after the anchor', () => {
    expect(new SnapshotPacing({}, 60, 10, 0).waitBefore(5, 0)).toBe(0);
    const p = new SnapshotPacing({ epochsPerSecond: 10 }, 60, 10, 0);
    p.anchor(1000, 0);
    expect(p.waitBefore(0, 1000)).toBe(0);
    expect(p.waitBefore(3, 1000)).toBe(300);
    expect(p.waitBefore(3, 1250)).toBe(50);
    expect(p.waitBefore(3, 1400)).toBe(0);
    p.anchor(5000, 7); // resumed at epoch 7
    expect(p.waitBefore(8, 5000)).toBe(100);
  });
});

/** A run of the article's 60 points at `eps` epochs/s on a clock that moves only when slept. */
function slowRun(eps: number, epochs: number, manual = false) {
  let time = 0;
  const sleeps: number[] = [];
  const rng = new PyRandom(DEFAULT_RECIPE.seed);
  const data = generateDataset(DEFAULT_RECIPE, rng);
  const t = new Trainer(data, initialModel(2, rng), { lr: 0.05, reg: 0.01 });
  const sent: { epoch: number; at: number }[] = [];
  const run = new TrainingRun(
    1,
    epochs,
    t,
    new SnapshotBuilder(data, sampleRows(data.n, 60, 7)),
    { epochsPerSecond: eps, supportVectors: false },
    {
      now: () => time,
      sliceMs: 10,
      yieldToEvents: () => new Promise((r) => setImmediate(r)),
      sleep: (ms) => {
        sleeps.push(ms);
        if (manual) return new Promise<void>(() => undefined); // only a wake-up ends it
        time += ms;
        return new Promise((r) => setImmediate(r));
      },
      send: (s: Snapshot) => {
        sent.push({ epoch: s.epoch, at: time });
        return Promise.resolve();
      },
    },
  );
  return { run, sent, sleeps, time: () => time };
}

describe('a run watched slowly', () => {
  it('reports every epoch, each at its time, and ends at epochs / eps seconds', async () => {
    const { run, sent, time } = slowRun(10, 20);
    const last = await run.finished;
    expect(last.epoch).toBe(20);
    const epochs = sent.map((s) => s.epoch);
    expect(epochs.slice(0, 21)).toEqual(Array.from({ length: 21 }, (_, k) => k));
    for (const s of sent) expect(s.at).toBeGreaterThanOrEqual(s.epoch * 100);
    expect(time()).toBe(2000);
  });

  it('pauses at once during a wait, and resuming starts the pace again from there', async () => {
    const { run, sent, sleeps } = slowRun(1, 400, true);
    const turn = () => new Promise((r) => setImmediate(r));
    while (sleeps.length < 1) await turn();
    expect(sent.map((s) => s.epoch)).toEqual([0]);
    expect(sleeps).toEqual([1000]); // epoch 1 is due a second after epoch 0
    const paused = await run.pause(); // lands without the second passing
    expect(paused?.epoch).toBe(1);
    run.resume();
    while (sleeps.length < 2) await turn();
    expect(sleeps[1]).toBe(1000); // epoch 2 is due a second after the resume
    await run.cancel();
  });
});

describe('the end of a run', () => {
  it('does not wait for the page to take the snapshot it still holds', async () => {
    const rng = new PyRandom(DEFAULT_RECIPE.seed);
    const data = generateDataset(DEFAULT_RECIPE, rng);
    const t = new Trainer(data, initialModel(2, rng), { lr: 0.05, reg: 0.01 });
    let held = 0;
    const run = new TrainingRun(
      1,
      400,
      t,
      new SnapshotBuilder(data, sampleRows(60, 60, 7)),
      {},
      {
        now: () => performance.now(),
        sliceMs: 10,
        yieldToEvents: () => new Promise((r) => setImmediate(r)),
        // The page never takes a running snapshot (a renderer stuck on a frame); it takes the last.
        send: (s) =>
          s.status === 'running' ? (held++, new Promise(() => undefined)) : Promise.resolve(),
      },
    );
    const last = await run.finished;
    expect(last.status).toBe('done');
    expect(last.epoch).toBe(400);
    expect(held).toBeGreaterThan(0);
  });
});
