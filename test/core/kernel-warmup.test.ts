/**
 * The warm-up (kernel-warmup.ts) reaches every kernel a pass can choose, on rows where both
 * labels occur and some rows are support vectors and some not: else V8 would optimise a kernel
 * without feedback for half of its work, and the first real pass would throw that code away.
 */
import { describe, expect, it } from 'vitest';
import { scanBlock } from '../../src/core/blocked-sums.ts';
import { warmupRows, warmupWeights } from '../../src/core/kernel-warmup.ts';
import { emptySums } from '../../src/core/pass-sums.ts';

describe('kernel warm-up', () => {
  it('covers the class kernels, the d = 2 and the any-d general kernels', () => {
    const rows = warmupRows();
    expect(rows.map((r) => [r.d, r.classSplit >= 0])).toEqual([
      [2, true],
      [2, false],
      [3, false],
    ]);
  });

  it('leaves a tail after the four-row groups (a class block and the whole rows)', () => {
    const [classRows] = warmupRows();
    expect(classRows!.classSplit % 4).not.toBe(0);
    expect(classRows!.y.length % 4).not.toBe(0);
  });

  it('scans rows of both labels, some of them support vectors and some not', () => {
    for (const rows of warmupRows()) {
      const n = rows.y.length;
      const positives = rows.y.filter((v) => v > 0).length;
      expect(positives).toBeGreaterThan(n / 5);
      expect(positives).toBeLessThan((4 * n) / 5);
      const { w, b } = warmupWeights(rows.d);
      const s = emptySums(rows.d);
      scanBlock(rows, w, b, 0, n, s, null, 0);
      expect(s.sv).toBeGreaterThan(n / 10);
      expect(s.sv).toBeLessThan((9 * n) / 10);
    }
  });
});
