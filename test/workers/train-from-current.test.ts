import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/core/py-format.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot, TrainOptions } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';
import { coreFor, serviceOnFakeClock } from './fake-clock.ts';

const hp = DEFAULT_HYPERPARAMETERS;

/** Trains and keeps every snapshot the page receives (the last one included). */
async function trainSeen(
  service: ReturnType<typeof createTrainerService>,
  options: TrainOptions,
): Promise<Snapshot[]> {
  const seen: Snapshot[] = [];
  await service.train(options, (s) => void seen.push(s));
  return seen;
}

/** The curves the page would hold: each chunk written at its epochs. */
function curveOf(chunks: Snapshot[][]): number[] {
  const loss: number[] = [];
  for (const s of chunks.flat()) {
    expect(s.curve.from).toBeLessThanOrEqual(loss.length);
    loss.splice(s.curve.from, s.curve.meanLoss.length, ...s.curve.meanLoss);
  }
  return loss;
}

describe("train({ from: 'current' })", () => {
  it('continues a finished run to the article’s numbers, bit for bit, without repeating an epoch', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const first = await trainSeen(service, { ...hp, epochs: 150 });
    const rest = await trainSeen(service, { ...hp, from: 'current' });
    expect(first.at(-1)!.epoch).toBe(150);
    expect(rest[0]!.epoch).toBe(150); // the first snapshot is the current epoch's
    expect([rest[0]!.svIncluded, rest[0]!.status]).toEqual([true, 'running']);
    expect(rest[0]!.curve.from).toBe(150); // written over the same epoch, not appended
    const final = rest.at(-1)!;
    expect([final.status, final.epoch, final.svCount]).toEqual(['done', 400, 15]);
    expect(formatFixed(final.meanLoss, 4)).toBe('0.1480');
    const { t } = coreFor(DEFAULT_RECIPE, hp.lr, hp.reg);
    t.step(400);
    expect(Array.from(final.w)).toEqual(Array.from(t.w));
    const epochs = rest.map((s) => s.epoch);
    expect(new Set(epochs).size).toBe(epochs.length);
    const curve = curveOf([first, rest]);
    expect(curve).toEqual([...t.history.meanLoss.subarray(0, 400), t.evaluate().meanLoss]);
    await service.dispose();
  });

  it('continues with new lr and reg from the epoch on screen of a run paused mid-epoch', async () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 50_000, seed: 5 };
    const { service } = serviceOnFakeClock(2);
    await service.generate(recipe);
    let paused: Promise<Snapshot | null> | null = null;
    const run = service.train({ ...hp, epochs: 1000, snapshots: { everyEpochs: 1 } }, (s) => {
      if (s.epoch === 2) paused ??= service.pause();
    });
    while (!paused) await new Promise((r) => setImmediate(r));
    const shown = (await (paused as Promise<Snapshot | null>))!;
    expect([shown.epoch, shown.svIncluded]).toEqual([2, false]); // mid-epoch
    const hp2 = { lr: 0.2, reg: 0.03, epochs: 4 };
    const every = { everyEpochs: 1 };
    const rest = await trainSeen(service, { ...hp2, from: 'current', snapshots: every });
    expect((await run).epoch).toBe(2); // the old run ended at the epoch shown
    expect(rest.map((s) => s.epoch)).toEqual([2, 3, 4]);
    const { t } = coreFor(recipe, hp.lr, hp.reg);
    t.step(2);
    t.setSettings(hp2);
    expect(rest[0]!.objective).toBe(t.evaluate().objective); // epoch 2 under the new reg
    t.step(2);
    expect(Array.from(rest.at(-1)!.w)).toEqual(Array.from(t.w));
    await service.dispose();
  });

  it('ends at once, done, when the current epoch is already at or past `epochs`', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const first = await service.train({ ...hp, epochs: 50 }, () => undefined);
    for (const epochs of [50, 20]) {
      const seen = await trainSeen(service, { ...hp, epochs, from: 'current' });
      expect(seen.map((s) => [s.status, s.epoch])).toEqual([['done', 50]]);
      expect(Array.from(seen[0]!.w)).toEqual(Array.from(first.w));
    }
    await service.dispose();
  });

  it('continues after step() with no live run, and step() continues a finished run', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const stepped = await service.step(5, hp);
    expect(stepped.epoch).toBe(5);
    await service.resume(); // a run that only steps stays where the step left it
    const rest = await trainSeen(service, { ...hp, epochs: 10, from: 'current' });
    expect(rest.map((s) => s.epoch)).toEqual([5, 10]);
    expect(curveOf([[stepped], rest]).length).toBe(11);
    const after = await service.step(2, hp); // from the finished run's epoch
    expect(after.epoch).toBe(12);
    const { t } = coreFor(DEFAULT_RECIPE, hp.lr, hp.reg);
    t.step(12);
    expect(Array.from(after.w)).toEqual(Array.from(t.w));
    const cancelled = service.train({ ...hp, epochs: 1e7, from: 'current' }, () => undefined);
    await service.cancel();
    const end = await cancelled;
    expect((await service.step(1, hp)).epoch).toBe(end.epoch + 1);
    const fresh = await trainSeen(service, { ...hp, epochs: 3 }); // 'start' resets
    expect(fresh.map((s) => [s.epoch, s.curve.from])).toEqual([
      [0, 0],
      [3, 1],
    ]);
    await service.dispose();
  });
});
