import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { churnBetween, coreFor, serviceOnFakeClock, truthOf } from './fake-clock.ts';

const hp = DEFAULT_HYPERPARAMETERS;
const SLICE_MS = 2;

/**
 * A run over 100,000 points on a fake clock (an epoch is about 25 chunks of 4,096 rows, a slice
 * about 4), every epoch's snapshot required; the page asks for a pause the moment it receives
 * epoch 2's snapshot.
 */
async function pauseAtEpochTwo() {
  const recipe = { ...DEFAULT_RECIPE, nPerClass: 50_000, seed: 5 };
  const { clock, service } = serviceOnFakeClock(SLICE_MS);
  await service.generate(recipe);
  const seen: Snapshot[] = [];
  let asked: { at: number; paused: Promise<Snapshot | null> } | null = null;
  const run = service.train({ ...hp, epochs: 1000, snapshots: { everyEpochs: 1 } }, (s) => {
    seen.push(s);
    if (s.epoch === 2) asked ??= { at: clock.t, paused: service.pause() };
  });
  while (!asked) await new Promise((r) => setImmediate(r));
  const { at, paused } = asked as { at: number; paused: Promise<Snapshot | null> };
  const p = (await paused)!;
  return { recipe, clock, service, run, seen, paused: p, workAfterAsk: clock.t - at };
}

describe('pause on a fake clock', () => {
  it('lands within a slice, mid-epoch, and reports the last completed epoch', async () => {
    const { recipe, service, run, paused, workAfterAsk } = await pauseAtEpochTwo();
    // The rest of the slice that sent epoch 2 and one clock read to spare: far less than the
    // ~12 fake ms an epoch takes, so a pause honoured only at epoch ends fails here.
    expect(workAfterAsk).toBeLessThanOrEqual(SLICE_MS + 1);
    expect([paused.status, paused.epoch]).toEqual(['paused', 2]);
    // Mid-epoch: the kept state of epoch 2, without its index list; the sample's flags exact.
    expect([paused.svIncluded, paused.churnCounted, paused.sv.length]).toEqual([false, false, 0]);
    const { data, t } = coreFor(recipe, hp.lr, hp.reg);
    t.step(2);
    expect(Array.from(paused.w)).toEqual(Array.from(t.w));
    expect(paused.meanLoss).toBe(t.evaluate().meanLoss);
    expect(Array.from(paused.sampleSv)).toEqual(truthOf(data, recipe, paused).sampleSv);
    await service.cancel();
    expect((await run).epoch).toBe(2); // ended at the epoch shown
    await service.dispose();
  });

  it('counts churn after a pause without indices against the last snapshot that had them', async () => {
    const { recipe, service, run, seen, paused } = await pauseAtEpochTwo();
    expect(paused.churnCounted).toBe(false);
    const two = seen.find((s) => s.epoch === 2)!;
    expect(two.svIncluded).toBe(true);
    const three = await service.step(1, hp);
    expect([three.epoch, three.svIncluded, three.churnCounted]).toEqual([3, true, true]);
    const { data } = coreFor(recipe, hp.lr, hp.reg);
    expect(Array.from(three.sv)).toEqual(truthOf(data, recipe, three).sv);
    const churn = churnBetween(two, three);
    expect({ entered: three.entered, left: three.left }).toEqual(churn);
    const four = await service.step(1, hp);
    expect({ entered: four.entered, left: four.left }).toEqual(churnBetween(three, four));
    const { t } = coreFor(recipe, hp.lr, hp.reg);
    t.step(4);
    expect(Array.from(four.w)).toEqual(Array.from(t.w)); // steps count from the epoch shown
    await service.cancel();
    await run;
    await service.dispose();
  });

  it('a run paused mid-epoch ends at the epoch shown; new steps count from it', async () => {
    const { recipe, service, run, paused } = await pauseAtEpochTwo();
    await service.cancel(); // as the page does when a training setting changed while paused
    const final = await run;
    expect([final.status, final.epoch]).toEqual(['cancelled', paused.epoch]);
    expect(Array.from(final.w)).toEqual(Array.from(paused.w));
    const hp2 = { ...hp, lr: 0.2 };
    const stepped = await service.step(1, hp2);
    expect(stepped.epoch).toBe(paused.epoch + 1);
    const { t: core } = coreFor(recipe, hp.lr, hp.reg);
    core.step(paused.epoch);
    core.lr = hp2.lr;
    core.step(1);
    expect(Array.from(stepped.w)).toEqual(Array.from(core.w));
    await service.dispose();
  });
});
