/**
 * The training worker dying every way it can, over a real worker thread (test/helpers/
 * thread-worker.ts shows each death as Chromium does): every pending call rejects with what
 * happened, the crash is announced once, and restart() gives a worker that trains.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../src/core/recipe.ts';
import type { TrainerClient } from '../src/trainer-client.ts';
import { manualClock, type ManualClock } from './helpers/manual-clock.ts';
import { createThreadClient, type Death, type ThreadWorker } from './helpers/thread-worker.ts';

let workers: ThreadWorker[] = [];
let client: TrainerClient | null = null;
afterEach(async () => {
  await client?.dispose();
  for (const w of workers.splice(0)) w.terminate();
});

/** A client whose liveness clock moves only when the test says (or the real one). */
function start(clock: ManualClock | undefined, heapMb?: number) {
  const started = createThreadClient(clock ? { clock } : {}, heapMb);
  ({ client, workers } = started);
  const crashes: Error[] = [];
  started.client.onCrash((e) => crashes.push(e));
  return { c: started.client, w: started.worker, crashes };
}

/** A long run in progress (a pending call that only a death can end early). */
async function longRun(c: TrainerClient) {
  await c.generate({ ...DEFAULT_RECIPE, nPerClass: 2_000 });
  let under: () => void = () => undefined;
  const underWay = new Promise<void>((resolve) => (under = resolve));
  const hp = { ...DEFAULT_HYPERPARAMETERS, epochs: 10_000_000, snapshots: { everyEpochs: 100 } };
  const run = c.train(hp, () => under());
  run.catch(() => undefined);
  await underWay;
  return { run }; // wrapped: an async function returning the promise would wait for it
}

/**
 * A ping answered: the watch judges a worker only once it has answered (it may still be loading
 * before). The port keeps order, so the pong is in before the reply to a call sent after it.
 */
async function firstAnswer(clock: ManualClock, c: TrainerClient) {
  clock.advance(200);
  await c.textGrid(21);
}

async function trainsAgain(c: TrainerClient) {
  expect((await c.restart())?.n).toBe(4_000);
  const s = await c.step(2, DEFAULT_HYPERPARAMETERS);
  expect(s.epoch).toBe(2);
}

describe('a dying training worker', () => {
  it.each<[Death, RegExp]>([
    ['close', /^the training worker closed itself$/],
    ['throw', /^the training worker crashed: Uncaught thrown at top level$/],
  ])(
    '%s: noticed at once, with no clock moving; calls reject; restart trains',
    async (death, why) => {
      const { c, w, crashes } = start(manualClock());
      const { run } = await longRun(c);
      w.kill(death);
      await expect(run).rejects.toThrow(why);
      expect(crashes.map((e) => e.message)).toEqual([expect.stringMatching(why)]);
      await expect(c.pause()).rejects.toThrow(why);
      await trainsAgain(c);
    },
  );

  it.each<['oom' | 'die', number | undefined]>([
    ['oom', 24],
    ['die', undefined],
  ])('%s (no event at all): noticed by the pings within a second', async (death, heapMb) => {
    const clock = manualClock();
    const { c, w, crashes } = start(clock, heapMb);
    const { run } = await longRun(c);
    await firstAnswer(clock, c);
    if (death === 'oom') w.kill('oom');
    else void w.die();
    await w.exited;
    clock.advance(750);
    expect(crashes).toEqual([]);
    clock.advance(250);
    const why = /^the training worker stopped answering \(no reply for 0\.\d s; out of memory\?\)$/;
    expect(crashes.map((e) => e.message)).toEqual([expect.stringMatching(why)]);
    await expect(run).rejects.toThrow(why);
    await trainsAgain(c);
  });

  it('a busy live worker is never taken for dead (real clock: it answers between slices)', async () => {
    const { c, crashes } = start(undefined);
    await c.generate({ ...DEFAULT_RECIPE, nPerClass: 100_000 });
    const s = await c.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 300 }, () => undefined);
    expect(s.epoch).toBe(300);
    expect(crashes).toEqual([]);
  });
});
