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
});
