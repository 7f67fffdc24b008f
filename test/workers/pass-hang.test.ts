/**
 * A pass thread that never answers (a browser stops a worker whose memory runs out without any
 * event): a pause or cancel still lands at once, and a pass waiting on it fails after the
 * answer timeout, naming the thread. The thread here is in-process: it takes its rows and then
 * swallows every pass.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS } from '../../src/core/blocked-sums.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { setPassRunner } from '../../src/core/sharded-pass.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { ThreadPool, type JobAnswer, type PoolThread } from '../../workers/pass-pool.ts';
import { PoolPassRunner } from '../../workers/pass-runner.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

/** Answers 'rows', never 'pass'. */
function silentThread(): PoolThread {
  let listener: (data: unknown) => void = () => undefined;
  return {
    post(m) {
      const { job, id } = m as { job: string; id: number };
      if (job === 'rows') queueMicrotask(() => listener({ id, result: 0 } satisfies JobAnswer));
    },
    onMessage: (l) => void (listener = l),
    onDeath: () => undefined,
    terminate: () => undefined,
  };
}

describe('a pass thread that never answers', () => {
  it('fails the waiting pass after the timeout, naming the thread', async () => {
    const n = 2 * BLOCK_ROWS;
    const data = {
      x: new Float64Array(2 * n),
      y: new Float64Array(n).fill(1),
      n,
      d: 2,
      nPositive: n,
    };
    const runner = new PoolPassRunner(new ThreadPool(silentThread, 1), data, 50);
    setPassRunner(data, runner);
    const opt = new Trainer(data, { w: new Float64Array(2), b: 0 }, { lr: 0.1, reg: 0 });
    while (opt.advance(BLOCK_ROWS) > 0);
    expect(opt.epochComplete).toBe(false);
    await expect(runner.ready()).rejects.toThrow('pass thread 2 of 2 did not answer within 0.05 s');
    expect(() => opt.advance(BLOCK_ROWS)).toThrow(/did not answer/);
    expect(opt.evaluate().svCount).toBe(n); // a synchronous finish needs no thread
    runner.dispose();
  });

  it('lets a pause and a cancel land at once', async () => {
    const service = createTrainerService({ spawnPassThread: silentThread });
    await service.generate({ ...DEFAULT_RECIPE, nPerClass: 100_000 });
    await service.setThreads(2);
    const run = service.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 100 }, () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    const paused = await service.pause();
    expect(paused?.status).toBe('paused');
    await service.cancel();
    expect((await run).status).toBe('cancelled');
    expect(performance.now() - t0).toBeLessThan(2000);
    await service.dispose();
  });

  it('threads that cannot start fail one run, naming the thread; later runs use one thread', async () => {
    let spawned = 0;
    const failing = (): PoolThread => {
      spawned++;
      return {
        post: () => undefined,
        onMessage: () => undefined,
        onDeath: (l) => void setTimeout(() => l('an error: the script failed'), 0),
        terminate: () => undefined,
      };
    };
    const service = createTrainerService({ spawnPassThread: failing });
    const alone = createTrainerService({ spawnPassThread: null });
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 100_000 };
    await service.generate(recipe);
    await alone.generate(recipe);
    await service.setThreads(2);
    const hp = { ...DEFAULT_HYPERPARAMETERS, epochs: 3 };
    await expect(service.train(hp, () => undefined)).rejects.toThrow(
      'pass thread 2 of 2 stopped: an error: the script failed',
    );
    const again = await service.train(hp, () => undefined);
    expect(spawned).toBe(1);
    const expected = await alone.train(hp, () => undefined);
    expect([again.epoch, Array.from(again.w), again.b]).toEqual([
      expected.epoch,
      Array.from(expected.w),
      expected.b,
    ]);
    await service.dispose();
    await alone.dispose();
  });
});
