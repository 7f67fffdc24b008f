/**
 * A pass shared among threads (sharded-pass.ts) gives the single-thread core's bits: weights,
 * every metric and the support-vector indices, for any thread count, any order in which the
 * other threads' answers arrive, passes finished synchronously half-way, and shards held as
 * copies (indices offset) or shared, and blocks claimed from the pass's counter by whichever
 * thread comes first. The "threads" here are an in-process runner that answers with the same
 * scanShard and scanClaimed the pass workers run.
 */
import { describe, expect, it } from 'vitest';
import {
  BLOCK_ROWS,
  blockCount,
  blockEnd,
  blockStart,
  passRows,
  scanBlock,
} from '../../src/core/blocked-sums.ts';
import { emptySums } from '../../src/core/pass-sums.ts';
import type { Dataset } from '../../src/core/dataset.ts';
import { makeOptimizer } from '../../src/core/optimizers/make-optimizer.ts';
import { Momentum } from '../../src/core/optimizers/momentum.ts';
import { DEFAULT_OPTIMIZER_CHOICE } from '../../src/core/optimizers/optimizer-limits.ts';
import type { Optimizer } from '../../src/core/optimizer.ts';
import { scanClaimed, scanShard } from '../../src/core/shard-scan.ts';
import {
  claimBlock,
  partialStride,
  postToBoard,
  setPassRunner,
  shardStart,
  type PassRunner,
  type ShardResult,
  type StartedPass,
} from '../../src/core/sharded-pass.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { mulberry32 as rng } from '../helpers/mulberry32.ts';

/** n rows of d uniform coordinates, labels from a noisy plane, rows in random order. */
function randomData(n: number, d: number, seed: number, classBlocked = false): Dataset {
  const r = rng(seed);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n * d; i++) x[i] = 6 * r() - 3;
  for (let i = 0; i < n; i++) {
    let s = 0.3;
    for (let j = 0; j < d; j++) s += (j % 2 ? -0.6 : 1) * x[i * d + j]!;
    y[i] = s + 1.5 * (r() - 0.5) >= 0 ? 1 : -1;
  }
  let nPositive = 0;
  for (let i = 0; i < n; i++) nPositive += +(y[i]! > 0);
  if (classBlocked) for (let i = 0; i < n; i++) y[i] = i < nPositive ? 1 : -1;
  return { x, y, n, d, nPositive };
}

/**
 * Threads 1 … T−1 in process. Fixed shards: start() computes them at once (some from a copy of
 * the shard's rows, as a pass worker without shared memory holds them). Claimed blocks: each
 * thread wakes at random take()s and claims a block or two, or all still unclaimed, between this
 * thread's advance() calls (which claim the others); it answers once none is left. take()
 * releases the answers in a random order after random delays (null meanwhile).
 */
class FakeRunner implements PassRunner {
  private ticket = 0;
  private queue: { ticket: number; r: ShardResult; delay: number }[] = [];
  private asleep: { ticket: number; wake: () => ShardResult | null }[] = [];
  starts = 0;
  /** Blocks the other threads scanned, over all passes (claimed mode). */
  helped = 0;
  constructor(
    readonly threads: number,
    private readonly data: Dataset,
    private readonly random: () => number,
    private readonly claimed = false,
  ) {}

  start(w: Float64Array, b: number, capture: boolean): StartedPass {
    this.starts++;
    const { data } = this;
    const K = blockCount(data.n);
    const ticket = ++this.ticket;
    if (this.claimed) {
      const claim = new Int32Array(1);
      const at = Float64Array.from(w);
      for (let j = 1; j < this.threads; j++)
        this.asleep.push(this.helper(ticket, at, b, capture, claim));
      return { ticket, claim };
    }
    for (let j = 1; j < this.threads; j++) {
      const k0 = shardStart(j, this.threads, K);
      const k1 = shardStart(j + 1, this.threads, K);
      if (k0 === k1) continue;
      const copy = j % 2 === 1; // odd threads hold a copy of their rows, even ones share them
      const r0 = copy ? blockStart(k0) : 0;
      const r1 = copy ? Math.min(data.n, blockStart(k1)) : data.n;
      const rows = copy
        ? {
            ...passRows(data),
            x: data.x.slice(r0 * data.d, r1 * data.d),
            y: data.y.slice(r0, r1),
            classSplit: -1,
          }
        : passRows(data);
      const scratch = capture ? new Uint32Array(r1 - r0) : null;
      const r = scanShard(rows, r0, data.n, Float64Array.from(w), b, k0, k1, scratch);
      this.queue.splice(Math.floor(this.random() * (this.queue.length + 1)), 0, {
        ticket,
        r,
        delay: Math.floor(this.random() * 3),
      });
    }
    return { ticket, claim: null };
  }

  /**
   * Another thread of a claimed pass: each wake claims a block or two (scanned as one-block
   * shards) or, now and then, all that are left (scanClaimed); once none is left it answers with
   * every block it took, in the order taken.
   */
  private helper(ticket: number, w: Float64Array, b: number, capture: boolean, claim: Int32Array) {
    const { data, random } = this;
    const rows = passRows(data);
    const K = blockCount(data.n);
    const parts: ShardResult[] = [];
    const wake = (): ShardResult | null => {
      const scratch = capture ? new Uint32Array(data.n) : null;
      if (random() < 0.3) parts.push(scanClaimed(rows, data.n, w, b, claim, scratch));
      else {
        for (let c = 1 + Math.floor(random() * 2); c > 0; c--) {
          const k = claimBlock(claim, K);
          if (k < 0) break;
          parts.push({
            ...scanShard(rows, 0, data.n, w, b, k, k + 1, scratch),
            blocks: Int32Array.of(k),
          });
        }
        if (Atomics.load(claim, 0) < K) return null; // blocks left: sleeps again
      }
      const blocks = Int32Array.from(parts.flatMap((p) => Array.from(p.blocks!)));
      this.helped += blocks.length;
      const cat = (a: (Float64Array | Uint32Array | null)[]) =>
        a.flatMap((v) => Array.from(v ?? []));
      return {
        firstBlock: blocks.length > 0 ? blocks[0]! : K,
        blocks,
        partials: Float64Array.from(cat(parts.map((p) => p.partials))),
        sv: capture ? Uint32Array.from(cat(parts.map((p) => p.sv))) : null,
      };
    };
    return { ticket, wake };
  }

  take(ticket: number): ShardResult | null {
    // A sleeping thread of an older pass wakes too (and claims nothing: its counter is spent).
    this.asleep = this.asleep.filter((t) => {
      if (this.random() < 0.5) return true;
      const r = t.wake();
      if (r) this.queue.push({ ticket: t.ticket, r, delay: Math.floor(this.random() * 3) });
      return r === null;
    });
    this.queue = this.queue.filter((q) => q.ticket === ticket); // older passes' answers dropped
    const next = this.queue[0];
    if (!next) return null;
    if (next.delay-- > 0) return null;
    this.queue.shift();
    return next.r;
  }
}

/**
 * Another thread that, at each pass start, claims three blocks, posts the first two to the board
 * and stalls in the third: it never answers (a thread whose core was taken away).
 */
class StallingRunner implements PassRunner {
  readonly threads = 2;
  posted = 0;
  stalled = 0;
  private ticket = 0;
  constructor(private readonly data: Dataset) {}

  start(w: Float64Array, b: number, capture: boolean): StartedPass {
    const { data } = this;
    const K = blockCount(data.n);
    const claim = new Int32Array(1);
    const board = capture
      ? null
      : { partials: new Float64Array(K * partialStride(data.d)), done: new Int32Array(K) };
    if (board) {
      const rows = passRows(data);
      const partial = emptySums(data.d);
      for (let c = 0; c < 3; c++) {
        const k = claimBlock(claim, K);
        if (c === 2) {
          this.stalled++;
          break;
        }
        scanBlock(rows, w, b, blockStart(k), blockEnd(k, data.n), partial, null, 0);
        postToBoard(board, k, partial, data.d);
        this.posted++;
      }
    }
    return { ticket: ++this.ticket, claim, board };
  }

  take(): ShardResult | null {
    return null;
  }
}

/** Runs k epochs through advance() in random budgets, sometimes finishing a pass at once. */
function drive(opt: Optimizer, k: number, random: () => number): Uint32Array[] {
  const svs: Uint32Array[] = [];
  let waits = 0;
  while (opt.epoch < k || !opt.epochComplete) {
    if (opt.epochComplete) {
      const sv = opt.capturedSupportVectors();
      if (sv) svs.push(sv.slice());
      opt.capture = random() < 0.5;
    }
    if (random() < 0.05) opt.finishEpoch(random() < 0.5);
    else if (opt.advance(Math.floor(random() * 3 * BLOCK_ROWS) + 1) === 0) waits++;
    expect(waits).toBeLessThan(100_000);
  }
  opt.finishEpoch(true);
  svs.push(opt.capturedSupportVectors()!.slice());
  return svs;
}

const METRICS = { meanLoss: 0, objective: 0, svCount: 0, accuracy: 0 };

function expectSame(a: Optimizer, b: Optimizer): void {
  expect(Array.from(b.w)).toEqual(Array.from(a.w));
  expect(Object.is(b.b, a.b)).toBe(true);
  expect(b.epoch).toBe(a.epoch);
  const ha = a.history;
  const hb = b.history;
  expect(hb.length).toBe(ha.length);
  const upTo = (h: typeof ha, k: keyof typeof METRICS) => Array.from(h[k].subarray(0, h.length));
  for (const k of Object.keys(METRICS) as (keyof typeof METRICS)[]) {
    expect(upTo(hb, k)).toEqual(upTo(ha, k));
  }
  expect(b.metrics()).toEqual(a.metrics());
  expect(Array.from(b.capturedSupportVectors()!)).toEqual(Array.from(a.capturedSupportVectors()!));
}

const CASES = [
  { n: 3 * BLOCK_ROWS + 1, d: 2, threads: 2, blocked: false, claimed: false },
  { n: 2 * BLOCK_ROWS + 777, d: 5, threads: 3, blocked: false, claimed: false },
  { n: 4 * BLOCK_ROWS, d: 2, threads: 4, blocked: true, claimed: false },
  { n: 2 * BLOCK_ROWS + 5, d: 1, threads: 4, blocked: false, claimed: false },
  { n: 5 * BLOCK_ROWS - 3, d: 3, threads: 2, blocked: false, claimed: false },
  { n: 6 * BLOCK_ROWS + 3, d: 2, threads: 2, blocked: false, claimed: true },
  { n: 5 * BLOCK_ROWS + 9, d: 3, threads: 3, blocked: false, claimed: true },
  { n: 4 * BLOCK_ROWS, d: 2, threads: 4, blocked: true, claimed: true },
];

describe('sharded passes', () => {
  for (const [i, c] of CASES.entries()) {
    const how = `${c.blocked ? ', class-blocked' : ''}${c.claimed ? ', claimed blocks' : ''}`;
    it(`GD: n = ${c.n}, d = ${c.d}, ${c.threads} threads${how}: the single-thread bits`, () => {
      const data = randomData(c.n, c.d, 11 + i, c.blocked);
      const model = { w: new Float64Array(c.d).fill(0.1), b: -0.05 };
      const settings = { lr: 0.5, reg: 0.01 };
      const alone = new Trainer({ ...data }, model, settings);
      alone.step(4);
      alone.finishEpoch(true);
      const shared = new Trainer(data, model, settings);
      const random = rng(100 + i);
      const runner = new FakeRunner(c.threads, data, random, c.claimed);
      setPassRunner(data, runner);
      drive(shared, 4, random);
      expect(runner.starts).toBeGreaterThan(0);
      if (c.claimed) expect(runner.helped).toBeGreaterThan(0); // not every block scanned here
      expectSame(alone, shared);
    });
  }

  it('momentum (Nesterov) with 3 threads: the single-thread bits', () => {
    const data = randomData(3 * BLOCK_ROWS + 99, 4, 5);
    const model = { w: new Float64Array(4), b: 0 };
    const o = { beta: 0.9, kind: 'nesterov' as const };
    const alone = new Momentum({ ...data }, model, { lr: 0.3, reg: 0.001 }, o);
    const shared = new Momentum(data, model, { lr: 0.3, reg: 0.001 }, o);
    const random = rng(3);
    drive(alone, 3, random);
    setPassRunner(data, new FakeRunner(3, data, random, true));
    drive(shared, 3, random);
    expectSame(alone, shared);
  });

  it('Pegasos (its evaluation passes) with 2 threads: the single-thread bits', () => {
    const data = randomData(2 * BLOCK_ROWS + 3, 2, 8);
    const model = { w: new Float64Array(2), b: 0 };
    const make = (d: Dataset) =>
      makeOptimizer(
        { ...DEFAULT_OPTIMIZER_CHOICE, optimizer: 'pegasos' },
        d,
        model,
        { lr: 0.1, reg: 0.01 },
        5,
      );
    const alone = make({ ...data });
    const shared = make(data);
    const random = rng(4);
    drive(alone, 3, random);
    const runner = new FakeRunner(2, data, random);
    setPassRunner(data, runner);
    drive(shared, 3, random);
    expect(runner.starts).toBeGreaterThan(0);
    expectSame(alone, shared);
  });

  it('a pass begun with threads that are replaced (a new pool) finishes here, same bits', () => {
    const data = randomData(3 * BLOCK_ROWS, 2, 2);
    const model = { w: new Float64Array(2), b: 0.2 };
    const alone = new Trainer({ ...data }, model, { lr: 0.3, reg: 0.01 });
    alone.step(1);
    alone.finishEpoch(true);
    const shared = new Trainer(data, model, { lr: 0.3, reg: 0.01 });
    const old = new FakeRunner(3, data, rng(1));
    setPassRunner(data, old);
    shared.advance(1); // shard 0's first block here; the others asked of `old`
    old.take = () => {
      throw new Error('these threads are gone');
    };
    setPassRunner(data, new FakeRunner(2, data, rng(2)));
    while (!shared.epochComplete) shared.advance(BLOCK_ROWS);
    shared.advance(1);
    shared.finishEpoch(true);
    expectSame(alone, shared);
  });

  it('diverging weights (infinite and NaN margins: the careful rerun per block): the same bits', () => {
    const data = randomData(2 * BLOCK_ROWS + 11, 3, 6);
    const model = { w: Float64Array.of(1e300, -1e300, 3), b: 1e300 };
    const alone = new Trainer({ ...data }, model, { lr: 1e300, reg: 1 });
    const shared = new Trainer(data, model, { lr: 1e300, reg: 1 });
    const random = rng(9);
    drive(alone, 4, random);
    setPassRunner(data, new FakeRunner(3, data, random));
    drive(shared, 4, random);
    expect(alone.history.meanLoss.subarray(0, 4).some((v) => !Number.isFinite(v))).toBe(true);
    expectSame(alone, shared);
  });

  it('a helper that stalls mid-pass does not hold it up: its posted blocks are taken, the rest scanned here', () => {
    const data = randomData(6 * BLOCK_ROWS + 5, 3, 77);
    const model = { w: new Float64Array(3).fill(0.1), b: -0.05 };
    const settings = { lr: 0.5, reg: 0.01 };
    const alone = new Trainer({ ...data }, model, settings);
    alone.capture = false;
    alone.step(4);
    const runner = new StallingRunner(data);
    setPassRunner(data, runner);
    const shared = new Trainer(data, model, settings);
    shared.capture = false;
    let waits = 0;
    while (shared.epoch < 4 || !shared.epochComplete) {
      if (shared.advance(2 * BLOCK_ROWS) === 0) waits++;
      expect(waits, 'a pass waiting for a thread that never answers').toBeLessThan(10);
    }
    expect(runner.posted).toBeGreaterThan(0);
    expect(runner.stalled).toBeGreaterThan(0);
    expect(Array.from(shared.w)).toEqual(Array.from(alone.w));
    expect(Object.is(shared.b, alone.b)).toBe(true);
    const upTo = (t: Trainer) => Array.from(t.history.meanLoss.subarray(0, 4));
    expect(upTo(shared)).toEqual(upTo(alone));
  });

  it('a runner is not used for one block, nor with one thread', () => {
    const small = randomData(BLOCK_ROWS, 2, 1);
    const one = new FakeRunner(1, small, rng(1));
    const two = new FakeRunner(2, small, rng(1));
    setPassRunner(small, two);
    new Trainer(small, { w: new Float64Array(2), b: 0 }, { lr: 0.1, reg: 0 }).advance(BLOCK_ROWS);
    const big = randomData(2 * BLOCK_ROWS, 2, 1);
    setPassRunner(big, one);
    new Trainer(big, { w: new Float64Array(2), b: 0 }, { lr: 0.1, reg: 0 }).advance(BLOCK_ROWS);
    expect([one.starts, two.starts]).toEqual([0, 0]);
  });
});
