import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { sampleRows } from '../../src/core/display-sample.ts';
import { evaluateWeights } from '../../src/core/evaluate.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { SnapshotBuilder } from '../../workers/snapshot-builder.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { TrainingRun } from '../../workers/training-run.ts';
import { fakeClock } from './fake-clock.ts';
import { ToySgd } from './toy-sgd.ts';

const settings = { lr: 0.01, reg: 0.01 };

/** 40,000 points: a ToySgd epoch is 80,000 rows of work, several chunks and slices. */
function setup() {
  const rng = new PyRandom(3);
  const data = generateDataset({ ...DEFAULT_RECIPE, nPerClass: 20_000 }, rng);
  const model = initialModel(data.d, rng);
  const sb = new SnapshotBuilder(data, sampleRows(data.n, 50, 1));
  const clock = fakeClock(0.25);
  const deps = (sent: Snapshot[]) => ({
    now: clock.now,
    sliceMs: 0.5,
    yieldToEvents: () => new Promise<void>((r) => setImmediate(r)),
    send: async (s: Snapshot) => void sent.push(s),
  });
  return { data, model, sb, deps };
}

/** The same optimizer run straight, in whole epochs. */
function straight(epochs: number) {
  const { data, model } = setup();
  const opt = new ToySgd(data, model, settings);
  opt.finishEpoch();
  while (opt.epoch < epochs) opt.advance(Infinity);
  opt.finishEpoch();
  return opt;
}

describe('the run loop with another optimizer (cyclic SGD, 2n rows an epoch)', () => {
  it('sends each epoch’s end weights with their metrics; sliced, the same bits', async () => {
    const { data, model, sb, deps } = setup();
    const sent: Snapshot[] = [];
    const opt = new ToySgd(data, model, settings);
    const run = new TrainingRun(1, 12, opt, sb, { everyEpochs: 1 }, deps(sent));
    const final = await run.finished;
    expect(sent.map((s) => s.epoch)).toEqual(Array.from({ length: 13 }, (_, t) => t));
    for (const s of sent) {
      const m = evaluateWeights(data, s.w, s.b, settings.reg);
      expect([s.epoch, s.meanLoss, s.objective, s.svCount]).toEqual([
        s.epoch,
        m.meanLoss,
        m.objective,
        m.svCount,
      ]);
    }
    const ref = straight(12);
    expect(Array.from(final.w)).toEqual(Array.from(ref.w));
    expect(final.b).toBe(ref.b);
    // Points × epochs: half the rows of work (the first evaluation, then 12 epochs of 2n).
    expect(final.throughput * (final.elapsedMs / 1000)).toBeCloseTo(
      (data.n + 12 * 2 * data.n) / 2,
      3,
    );
  });

  it('a pause mid-epoch shows the last epoch; ending there restores it; runs continue', async () => {
    const { data, model, sb, deps } = setup();
    const sent: Snapshot[] = [];
    const opt = new ToySgd(data, model, settings);
    let paused: Promise<Snapshot | null> | null = null;
    const d = deps(sent);
    const send = async (s: Snapshot) => {
      if (s.epoch === 3) paused ??= run.pause();
      await d.send(s);
    };
    const run = new TrainingRun(1, 1000, opt, sb, { everyEpochs: 1 }, { ...d, send });
    while (!paused) await new Promise((r) => setImmediate(r));
    const shown = (await (paused as Promise<Snapshot | null>))!;
    // The slice went on past epoch 3's end: its weights moved, the pause shows epoch 3.
    expect([shown.epoch, shown.svIncluded, opt.epochComplete]).toEqual([3, false, false]);
    expect(Array.from(shown.w)).toEqual(Array.from(straight(3).w));
    const end = await run.cancel();
    expect([end.status, end.epoch, opt.epoch, opt.history.length]).toEqual(['cancelled', 3, 3, 3]);
    expect(Array.from(end.w)).toEqual(Array.from(shown.w));
    const stepper = new TrainingRun(2, 3, opt, sb, {}, { ...d, send: undefined }, true);
    expect((await stepper.step(2)).epoch).toBe(5);
    await stepper.cancel();
    const more: Snapshot[] = [];
    const next = new TrainingRun(3, 8, opt, sb, { everyEpochs: 1 }, deps(more));
    const final = await next.finished;
    expect(more.map((s) => s.epoch)).toEqual([5, 6, 7, 8]);
    const ref = straight(8);
    expect(Array.from(final.w)).toEqual(Array.from(ref.w));
    expect(final.b).toBe(ref.b);
  });
});
