/**
 * Passes shared with real pass threads (Node worker threads running the pass worker's jobs,
 * through ThreadPool and PoolPassRunner): the same bits as one thread for 2, 3 and 4 threads on
 * random data in random order (d = 2 and d = 5, a few blocks), rows shared or copied per shard;
 * a killed thread fails the wait with a message naming it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BLOCK_ROWS } from '../../src/core/blocked-sums.ts';
import type { Dataset } from '../../src/core/dataset.ts';
import type { Optimizer } from '../../src/core/optimizer.ts';
import { Momentum } from '../../src/core/optimizers/momentum.ts';
import { partialStride, setPassRunner } from '../../src/core/sharded-pass.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { ThreadPool, type PoolThread } from '../../workers/pass-pool.ts';
import { PoolPassRunner, shareDataset } from '../../workers/pass-runner.ts';
import { nodePassThreads } from '../helpers/node-pass-thread.ts';
import { mulberry32 as rng } from '../helpers/mulberry32.ts';

const pools: ThreadPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

/** n random rows in random order, labelled by a noisy plane. */
function randomData(n: number, d: number, seed: number): Dataset {
  const r = rng(seed);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  let nPositive = 0;
  for (let i = 0; i < n; i++) {
    let s = 0.2;
    for (let j = 0; j < d; j++) {
      const v = 6 * r() - 3;
      x[i * d + j] = v;
      s += (j % 2 ? -0.6 : 1) * v;
    }
    y[i] = s + 2 * (r() - 0.5) >= 0 ? 1 : -1;
    nPositive += +(y[i]! > 0);
  }
  return { x, y, n, d, nPositive };
}

function runner(data: Dataset, threads: number, spawned?: (PoolThread & object)[]): PoolPassRunner {
  const pool = new ThreadPool(nodePassThreads(spawned as never), threads - 1, (j) => {
    return `pass thread ${j + 2} of ${threads}`;
  });
  pools.push(pool);
  const r = new PoolPassRunner(pool, data);
  setPassRunner(data, r);
  return r;
}

/**
 * k epochs as the run loop drives them: advance in chunks, awaiting the threads on 0 rows. Counts
 * the blocks the helpers answered for (a new pool's first pass has fixed shards, so they always
 * take part; later passes claim blocks).
 */
async function train(opt: Optimizer, k: number, r: PoolPassRunner | null): Promise<Uint32Array> {
  let helped = 0;
  if (r) {
    const take = r.take.bind(r);
    r.take = (ticket) => {
      const a = take(ticket);
      if (a) helped += a.blocks ? a.blocks.length : a.partials.length / partialStride(opt.w.length);
      return a;
    };
  }
  while (opt.epoch < k || !opt.epochComplete) {
    if (opt.epochComplete) opt.capture = opt.epoch % 2 === 0;
    if (opt.advance(40_000) === 0 && !opt.epochComplete) await r!.ready();
  }
  if (r) expect(helped).toBeGreaterThan(0);
  opt.finishEpoch(true);
  return opt.capturedSupportVectors()!.slice();
}

function fingerprint(opt: Optimizer, sv: Uint32Array): unknown {
  const h = opt.history;
  return {
    w: Array.from(opt.w),
    b: opt.b,
    loss: Array.from(h.meanLoss.subarray(0, h.length - h.base)),
    objective: Array.from(h.objective.subarray(0, h.length - h.base)),
    sv: Array.from(h.svCount.subarray(0, h.length - h.base)),
    accuracy: Array.from(h.accuracy.subarray(0, h.length - h.base)),
    indices: Array.from(sv),
  };
}

const model = (d: number) => ({ w: new Float64Array(d).fill(0.05), b: 0.1 });

describe('pass threads (Node worker threads)', () => {
  for (const d of [2, 5]) {
    it(`GD at d = ${d}, random order: 1, 2, 3 and 4 threads give the same bits`, async () => {
      const n = 3 * BLOCK_ROWS + 4321;
      const plain = randomData(n, d, d);
      const one = new Trainer({ ...plain }, model(d), { lr: 0.4, reg: 0.01 });
      const expected = fingerprint(one, await train(one, 5, null));
      for (const threads of [2, 3, 4]) {
        // Odd counts share the rows (SharedArrayBuffer), even ones copy each shard once.
        const data = threads % 2 ? shareDataset({ ...plain }) : { ...plain };
        expect(data.x.buffer instanceof SharedArrayBuffer).toBe(threads % 2 === 1);
        const r = runner(data, threads);
        const opt = new Trainer(data, model(d), { lr: 0.4, reg: 0.01 });
        expect(fingerprint(opt, await train(opt, 5, r)), `${threads} threads`).toEqual(expected);
      }
    });
  }

  it('momentum (heavy ball), 3 threads: the same bits as one', async () => {
    const plain = randomData(2 * BLOCK_ROWS + 17, 3, 9);
    const o = { beta: 0.8, kind: 'heavy-ball' as const };
    const one = new Momentum({ ...plain }, model(3), { lr: 0.2, reg: 0.001 }, o);
    const expected = fingerprint(one, await train(one, 4, null));
    const data = { ...plain };
    const r = runner(data, 3);
    const opt = new Momentum(data, model(3), { lr: 0.2, reg: 0.001 }, o);
    expect(fingerprint(opt, await train(opt, 4, r))).toEqual(expected);
  });

  it('a killed thread fails the waiting pass, naming the thread; the pass can still finish here', async () => {
    const data = randomData(3 * BLOCK_ROWS, 2, 4);
    const spawned: (PoolThread & { thread: { terminate(): Promise<number> } })[] = [];
    const r = runner(data, 3, spawned);
    const opt = new Trainer(data, model(2), { lr: 0.4, reg: 0.01 });
    await train(opt, 1, r); // the threads answer
    await spawned[1]!.thread.terminate(); // thread 3 of 3, from outside
    let failure: unknown = null;
    for (let i = 0; i < 1000 && !failure; i++) {
      try {
        if (opt.epochComplete) opt.advance(1); // the step, then a new pass
        opt.advance(40_000);
        await r.ready();
      } catch (e) {
        failure = e;
      }
    }
    expect(String(failure)).toMatch(/pass thread 3 of 3 stopped: it exited \(code 1\)/);
    expect(r.failed).toBe(true);
    // A synchronous finish (a reset, the run's last snapshot) needs no thread.
    const alone = new Trainer({ ...data }, model(2), { lr: 0.4, reg: 0.01 });
    alone.step(opt.epoch);
    expect(opt.evaluate()).toEqual(alone.evaluate());
  });
});
