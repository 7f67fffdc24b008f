import { describe, expect, it } from 'vitest';
import {
  blockKey,
  rowIn,
  sampleIndex,
  sampleKey,
} from '../../../src/core/optimizers/sample-index.ts';

describe('sampleIndex', () => {
  it('is a pure function of (key, k, n), in range, past 2^32 updates too', () => {
    const key = sampleKey(7);
    for (const k of [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 3, 2 ** 53 - 1]) {
      const i = sampleIndex(key, k, 1000);
      expect(Number.isInteger(i) && i >= 0 && i < 1000).toBe(true);
      expect(sampleIndex(key, k, 1000)).toBe(i);
    }
    // high words matter: k and k + 2^32 draw different rows (for most k)
    let same = 0;
    for (let k = 0; k < 1000; k++)
      same += +(sampleIndex(key, k, 1e6) === sampleIndex(key, k + 2 ** 32, 1e6));
    expect(same).toBeLessThan(5);
  });

  it('seeds give different streams; rows come out about uniformly', () => {
    const a = sampleKey(1);
    const b = sampleKey(2);
    expect(a).not.toBe(b);
    const counts = new Array<number>(10).fill(0);
    let agree = 0;
    for (let k = 0; k < 100_000; k++) {
      const i = sampleIndex(a, k, 10);
      counts[i]!++;
      agree += +(i === sampleIndex(b, k, 10));
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500); // ~5 σ
    expect(Math.abs(agree - 10_000)).toBeLessThan(500);
  });

  it("the hot loops' form (blockKey, rowIn) draws the same rows, across a 2^32 block too", () => {
    const key = sampleKey(123);
    const n = 9_999_991;
    const k0 = 2 ** 32 - 5;
    let block = blockKey(key, k0);
    let lo = k0 % 2 ** 32;
    for (let k = k0; k < k0 + 10; k++) {
      expect(rowIn(block, lo, n / 2 ** 32)).toBe(sampleIndex(key, k, n));
      if (++lo === 2 ** 32) {
        lo = 0;
        block = blockKey(key, k + 1);
      }
    }
  });
});
