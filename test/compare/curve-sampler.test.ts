import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurveSampler } from '../../src/compare/curve-sampler.ts';
import { MAX_CURVE_POINTS } from '../../src/compare/run-record.ts';

/** Per-epoch series of `n` epochs with meanLoss f(t); objective and svCount derived from it. */
function source(n: number, f: (t: number) => number) {
  const meanLoss = Float64Array.from({ length: n }, (_, t) => f(t));
  return {
    meanLoss,
    objective: meanLoss.map((v) => v + 0.5),
    svCount: Float64Array.from({ length: n }, (_, t) => t % 7),
  };
}

/** The first `length` epochs of a source, as the page's growing series would show them. */
function prefix(s: ReturnType<typeof source>, length: number) {
  return {
    meanLoss: s.meanLoss.subarray(0, length),
    objective: s.objective.subarray(0, length),
    svCount: s.svCount.subarray(0, length),
  };
}

/** [smallest, largest] of a series (Math.min(...v) overflows the stack at 10^6). */
function extremes(v: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    lo = Math.min(lo, v[i]!);
    hi = Math.max(hi, v[i]!);
  }
  return [lo, hi];
}

/**
 * The method computed directly: B = 2·⌊(max − 2)/4⌋ buckets of the least power-of-two size that
 * covers n epochs, each keeping its first smallest and first largest mean loss, between epoch 0
 * and the last.
 */
function directEpochs(meanLoss: ArrayLike<number>, max: number): number[] {
  const n = meanLoss.length;
  if (n <= max) return Array.from({ length: n }, (_, t) => t);
  const buckets = 2 * Math.floor((max - 2) / 4);
  let size = 1;
  while (Math.ceil(n / size) > buckets) size *= 2;
  const out = [0];
  const push = (t: number) => {
    if (t > out.at(-1)!) out.push(t);
  };
  for (let start = 0; start < n; start += size) {
    let lo = start;
    let hi = start;
    for (let t = start + 1; t < Math.min(n, start + size); t++) {
      if (meanLoss[t]! < meanLoss[lo]!) lo = t;
      if (meanLoss[t]! > meanLoss[hi]!) hi = t;
    }
    push(Math.min(lo, hi));
    push(Math.max(lo, hi));
  }
  push(n - 1);
  return out;
}

describe('CurveSampler', () => {
  it('keeps the epochs of the method computed directly, ties to the earliest', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so ties are common.
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 2000 }),
        fc.integer({ min: 6, max: 60 }),
        (values, max) => {
          const s = source(values.length, (t) => values[t]!);
          expect(new CurveSampler(max).sample(s).epochs).toEqual(directEpochs(s.meanLoss, max));
        },
      ),
    );
  });

  it('keeps a curve of at most max epochs whole', () => {
    const s = source(500, (t) => 1 / (t + 1));
    const c = new CurveSampler(MAX_CURVE_POINTS).sample(s);
    expect(c.epochs).toEqual(Array.from({ length: 500 }, (_, t) => t));
    expect(c.meanLoss).toEqual(Array.from(s.meanLoss));
    expect(c.objective).toEqual(Array.from(s.objective));
    expect(c.svCount).toEqual(Array.from(s.svCount));
    expect(c.churn).toBeUndefined();
  });

  it.each([501, 777, 4096, 100_003, 1_000_000])(
    'keeps at most 500 of %i epochs: first, last, and each bucket’s extremes',
    (n) => {
      const f = (t: number) => Math.exp(-t / n) + 0.01 * Math.sin(t);
      const s = source(n, f);
      const c = new CurveSampler(MAX_CURVE_POINTS).sample(s);
      expect(c.epochs.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
      expect(c.epochs.length).toBeGreaterThan(MAX_CURVE_POINTS / 2);
      expect(c.epochs[0]).toBe(0);
      expect(c.epochs.at(-1)).toBe(n - 1);
      for (let i = 1; i < c.epochs.length; i++) {
        expect(c.epochs[i]!).toBeGreaterThan(c.epochs[i - 1]!);
      }
      expect(c.meanLoss).toEqual(c.epochs.map((t) => s.meanLoss[t]));
      expect(c.svCount).toEqual(c.epochs.map((t) => s.svCount[t]));
      expect(extremes(c.meanLoss)).toEqual(extremes(s.meanLoss));
    },
  );

  it('keeps a one-epoch spike and both branches of an oscillation', () => {
    const spike = new CurveSampler(500).sample(
      source(10_000, (t) => (t === 6_789 ? 50 : 1 / (1 + t))),
    );
    expect(spike.epochs).toContain(6_789);
    // Period-2 oscillation (too large a learning rate): a stride of 20 would see one branch only.
    // Each of the more than 124 buckets in use keeps both branches.
    const wobble = new CurveSampler(500).sample(source(10_000, (t) => (t % 2 ? 2 : 1)));
    expect(wobble.meanLoss.filter((v) => v === 1).length).toBeGreaterThan(124);
    expect(wobble.meanLoss.filter((v) => v === 2).length).toBeGreaterThan(124);
  });

  it('gives the same sample however the epochs arrive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
        fc.integer({ min: 6, max: 40 }),
        (values, cuts, max) => {
          const s = source(values.length, (t) => values[t]!);
          const incremental = new CurveSampler(max);
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            incremental.sample(prefix(s, Math.min(cut, values.length)));
          }
          const c = incremental.sample(s);
          expect(c).toEqual(new CurveSampler(max).sample(s));
          expect(c.epochs.length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it('folds only new epochs: a value rewritten before the last call is not seen', () => {
    const s = source(2000, () => 1);
    const sampler = new CurveSampler(500);
    sampler.sample(prefix(s, 1000));
    s.meanLoss[10] = 99;
    expect(sampler.sample(s).epochs).not.toContain(10);
    sampler.clear();
    expect(sampler.sample(s).epochs).toContain(10);
  });

  it('restarts when the source gets shorter (the run was reset)', () => {
    const sampler = new CurveSampler(500);
    sampler.sample(source(3000, () => 1));
    const short = source(4, (t) => t);
    expect(sampler.sample(short).epochs).toEqual([0, 1, 2, 3]);
  });

  it('ends the curve before the first non-finite metric, for good', () => {
    const s = source(1000, (t) => (t >= 700 ? Infinity : 1));
    const sampler = new CurveSampler(500);
    expect(sampler.sample(s).epochs.at(-1)).toBe(699);
    s.meanLoss.fill(1, 700);
    expect(sampler.sample(s).epochs.at(-1)).toBe(699);
    const nan = source(20, () => 1);
    nan.svCount[10] = NaN;
    expect(new CurveSampler(500).sample(nan).epochs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('sums churn measured at snapshots into the kept epochs', () => {
    const churn = { epochs: [0, 1, 2], counts: [0, 4, 5] };
    expect(new CurveSampler(6).sample({ ...source(3, () => 1), churn }).churn).toEqual([0, 4, 5]);
    // 16 epochs into 2 buckets of 8: epoch 0, each bucket's min and max (the earliest on a tie),
    // then epoch 15. Snapshot churn at 4 → (1, 7]; at 8 → (7, 8]; at 12 and 15 → (11, 15].
    const s = source(16, (t) => [5, 1, 1, 1, 1, 1, 1, 9, 1, 1, 1, 0, 1, 1, 1, 1][t]!);
    const sparse = { epochs: [0, 4, 8, 12, 15, 20], counts: [0, 2, 3, 4, 5, 100] };
    const c = new CurveSampler(6).sample({ ...s, churn: sparse });
    expect(c.epochs).toEqual([0, 1, 7, 8, 11, 15]);
    expect(c.churn).toEqual([0, 0, 2, 3, 0, 9]);
  });

  it('refuses series of unequal length and a max below 6', () => {
    const s = source(10, () => 1);
    expect(() => new CurveSampler(500).sample({ ...s, svCount: s.svCount.subarray(1) })).toThrow(
      'meanLoss, objective and svCount must have equal lengths',
    );
    expect(() => new CurveSampler(5)).toThrow('max must be an integer >= 6, got 5');
  });
});
