/**
 * Time as an axis: every epoch of a run carries the training time spent up to its end
 * (workers/epoch-clock.ts): the optimizer's own work, never the slow pace's sleeps, waits,
 * pauses or snapshot building; it goes on across a continued run and an optimizer switch, and
 * the worker holds it in the same window as the metrics. A fake clock whose every read moves it
 * by `tick`: a GD epoch of 60 points is one advance(), so epoch t ends at (t + 1)·tick exactly.
 */
import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { sampleRows } from '../../src/core/display-sample.ts';
import { MetricHistory } from '../../src/core/metric-history.ts';
import { continueRun, makeOptimizer } from '../../src/core/optimizers/make-optimizer.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_RECIPE,
  optimizerChoiceOf,
} from '../../src/core/recipe.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { SnapshotBuilder } from '../../workers/snapshot-builder.ts';
import type { Snapshot, TrainOptions } from '../../workers/trainer-api.ts';
import type { TrainerService } from '../../workers/trainer-api.ts';
import { TrainingRun } from '../../workers/training-run.ts';
import { serviceOnFakeClock } from './fake-clock.ts';

const hp = DEFAULT_HYPERPARAMETERS;
const TICK = 0.25;

/** The page's view of the time column: each chunk's ms written at its epochs. */
function timesOf(snapshots: Snapshot[]): number[] {
  const ms: number[] = [];
  for (const s of snapshots) {
    expect(s.curve.ms.length).toBe(s.curve.meanLoss.length);
    expect(s.curve.from).toBeLessThanOrEqual(ms.length);
    ms.splice(s.curve.from, s.curve.ms.length, ...s.curve.ms);
  }
  return ms;
}

async function trainSeen(service: TrainerService, options: TrainOptions): Promise<Snapshot[]> {
  const seen: Snapshot[] = [];
  await service.train(options, (s) => void seen.push(s));
  return seen;
}

const ticks = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => (from + k + 1) * TICK);

describe('MetricHistory time stamps', () => {
  it('push records the pending stamp; truncate makes the cut entry’s stamp pending again', () => {
    const h = new MetricHistory(2);
    for (let t = 0; t < 6; t++) {
      h.stamp(10 * t);
      h.push(t, t, t, t);
    }
    expect(h.pendingMs).toBeNaN();
    h.push(6, 6, 6, 6); // not stamped
    expect(Number.isNaN(h.ms[h.offset(6)]!)).toBe(true);
    h.release(3);
    expect(Array.from(h.ms.subarray(0, h.length - h.base))).toEqual([30, 40, 50, NaN]);
    h.truncate(4); // back to epoch 4: its time is the complete epoch's again
    expect(h.pendingMs).toBe(40);
    h.truncate(4); // no change keeps it
    expect(h.pendingMs).toBe(40);
    h.truncate(1); // below the released entries: unknown
    expect(h.pendingMs).toBeNaN();
    h.stamp(5);
    h.clear();
    expect(h.pendingMs).toBeNaN();
  });

  it('carry over to another optimizer with the run (continueRun)', () => {
    const rng = new PyRandom(DEFAULT_RECIPE.seed);
    const data = generateDataset(DEFAULT_RECIPE, rng);
    const model = initialModel(2, rng);
    const gd = new Trainer(data, model, { lr: 0.05, reg: 0.01 });
    for (let e = 0; e < 5; e++) {
      gd.history.stamp(7 * e);
      gd.step(1);
    }
    gd.history.release(2);
    gd.evaluate();
    gd.history.stamp(35);
    const choice = optimizerChoiceOf({ ...hp, optimizer: 'pegasos' });
    const next = makeOptimizer(choice, data, model, { lr: 0.05, reg: 0.01 }, 7);
    continueRun(gd, next);
    const h = next.history;
    expect([h.base, h.length]).toEqual([2, 5]);
    expect(Array.from(h.ms.subarray(0, 3))).toEqual([14, 21, 28]);
    expect(h.pendingMs).toBe(35);
  });
});

describe('epoch times', () => {
  it('are the optimizer’s work only: epoch t of a GD run of 60 points ends at (t + 1) ticks', async () => {
    const { service, clock } = serviceOnFakeClock(2, TICK);
    await service.generate({ ...DEFAULT_RECIPE });
    const seen = await trainSeen(service, { ...hp, epochs: 40 });
    expect(timesOf(seen)).toEqual(ticks(0, 41));
    // The run's slices (elapsedMs) also count building snapshots: more clock reads than that.
    expect(seen.at(-1)!.elapsedMs).toBeGreaterThan(41 * TICK);
    expect(clock.t).toBeGreaterThan(41 * TICK);
    await service.dispose();
  });

  it('leave out the slow pace’s sleeps, however long', async () => {
    let time = 0;
    const rng = new PyRandom(DEFAULT_RECIPE.seed);
    const data = generateDataset(DEFAULT_RECIPE, rng);
    const t = new Trainer(data, initialModel(2, rng), { lr: 0.05, reg: 0.01 });
    const sent: Snapshot[] = [];
    const run = new TrainingRun(
      1,
      30,
      t,
      new SnapshotBuilder(data, sampleRows(data.n, 60, 7)),
      { epochsPerSecond: 10, supportVectors: false },
      {
        now: () => (time += TICK),
        sliceMs: 10,
        yieldToEvents: () => new Promise((r) => setImmediate(r)),
        sleep: (ms) => {
          time += ms; // a sleep moves the clock, as the real one would
          return new Promise((r) => setImmediate(r));
        },
        send: (s) => {
          sent.push(s);
          return Promise.resolve();
        },
      },
    );
    await run.finished;
    expect(time).toBeGreaterThan(2900); // 30 epochs at 10 a second: about 3 s of sleeps
    expect(timesOf(sent)).toEqual(ticks(0, 31));
  });

  it('go on across a pause, a continued run and a switch of optimizer, never going back', async () => {
    const { service } = serviceOnFakeClock(2, TICK);
    await service.generate({ ...DEFAULT_RECIPE });
    const reset = await service.reset();
    expect(Array.from(reset.curve.ms)).toEqual([0]);
    const seen: Snapshot[] = [];
    let pauseAsked!: (p: Promise<Snapshot | null>) => void;
    const pausing = new Promise<Promise<Snapshot | null>>((r) => (pauseAsked = r));
    let asked = false;
    const first = service.train({ ...hp, epochs: 400, snapshots: { everyEpochs: 5 } }, (s) => {
      seen.push(s);
      if (s.epoch >= 20 && !asked) {
        asked = true;
        pauseAsked(service.pause());
      }
    });
    const paused = await pausing; // however long the run takes to get there
    const stepped = service.step(3, hp); // the page takes the pause's snapshot, then the step's
    seen.push((await paused)!, await stepped);
    seen.push(...(await trainSeen(service, { ...hp, lr: 0.1, from: 'current', epochs: 60 })));
    await first;
    const opts = { ...hp, optimizer: 'pegasos' as const, from: 'current' as const, epochs: 90 };
    seen.push(...(await trainSeen(service, opts)));
    const ms = timesOf(seen);
    expect(seen.at(-1)!.epoch).toBe(90);
    expect(ms).toHaveLength(91);
    expect(ms.every(Number.isFinite)).toBe(true);
    for (let e = 1; e < ms.length; e++) expect(ms[e]!).toBeGreaterThan(ms[e - 1]!);
    await service.dispose();
  });
});
