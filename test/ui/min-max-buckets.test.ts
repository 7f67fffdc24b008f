import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinMaxBuckets } from '../../src/ui/min-max-buckets.ts';

function drawn(b: MinMaxBuckets): number[] {
  const out = new Uint32Array(2 * b.maxBuckets);
  return Array.from(out.subarray(0, b.indices(out)));
}

describe('MinMaxBuckets', () => {
  it('draws every index while the series is short', () => {
    const b = new MinMaxBuckets(8);
    b.update(Float64Array.from([3, 1, 2]), 3);
    expect(drawn(b)).toEqual([0, 1, 2]);
  });

  it('keeps each bucket min and max in index order after merging', () => {
    const v = Float64Array.from([5, 1, 9, 4, 4, 4, 0, 7, 3, 3]);
    const b = new MinMaxBuckets(4);
    b.update(v, v.length); // size 4: [5,1,9,4] [4,4,0,7] [3,3]
    expect(b.size).toBe(4);
    expect(drawn(b)).toEqual([1, 2, 6, 7, 8]);
  });

  it('gives the same buckets however the values arrive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        (values, cuts) => {
          const v = Float64Array.from(values);
          const whole = new MinMaxBuckets(10);
          whole.update(v, v.length);
          const parts = new MinMaxBuckets(10);
          let at = 0;
          for (const c of cuts) parts.update(v, (at = Math.min(v.length, at + c)));
          parts.update(v, v.length);
          expect(drawn(parts)).toEqual(drawn(whole));
          const idx = drawn(whole);
          expect(idx.length).toBeLessThanOrEqual(20);
          // The global extremes are always drawn.
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          expect(idx.some((i) => v[i] === lo)).toBe(true);
          expect(idx.some((i) => v[i] === hi)).toBe(true);
        },
      ),
    );
  });

  it('keeps the earliest index on a tie, from any array of numbers', () => {
    const b = new MinMaxBuckets(2);
    b.update([2, 1, 1, 2, 2, 1], 6); // size 4: [2,1,1,2] [2,1]
    expect(drawn(b)).toEqual([0, 1, 4, 5]);
  });

  it('prefers numbers to NaN', () => {
    const b = new MinMaxBuckets(2);
    const v = Float64Array.from([NaN, 2, NaN, 1]);
    b.update(v, 4); // size 2
    expect(drawn(b)).toEqual([1, 3]);
  });

  it('draws at most 2·maxBuckets points for a million values', () => {
    const n = 1_000_000;
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = Math.sin(i / 1000);
    const b = new MinMaxBuckets(500);
    for (let at = 0; at < n; at += 7919) b.update(v, at);
    b.update(v, n);
    expect(drawn(b).length).toBeLessThanOrEqual(1000);
    expect(b.count).toBeLessThanOrEqual(500);
  });
});
