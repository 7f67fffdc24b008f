import { describe, expect, it } from 'vitest';
import { hingeSummary, histogram, sampleMargins } from '../../src/ui/margins.ts';

describe('sampleMargins', () => {
  it('computes y·(b + w·x) row by row', () => {
    const x = Float64Array.from([1, 2, -1, 0.5, 0, 0]);
    const y = Float64Array.from([1, -1, 1]);
    const m = sampleMargins(x, y, [2, -1], 0.5);
    expect(Array.from(m)).toEqual([0.5, 2, 0.5]);
  });

  it('writes into a longer buffer and returns a view', () => {
    const out = new Float64Array(10);
    const m = sampleMargins(Float64Array.from([1]), Float64Array.from([-1]), [3], 1, out);
    expect(m.length).toBe(1);
    expect(m[0]).toBe(-4);
  });
});

describe('histogram', () => {
  it('counts into equal bins and clamps the tails into the end bins', () => {
    const counts = histogram([-10, -1, -0.5, 0, 0.99, 1, 5, NaN], -1, 1, 4);
    expect(Array.from(counts)).toEqual([2, 1, 1, 3]);
  });
});

describe('hingeSummary', () => {
  it('counts paying points and averages the loss over all', () => {
    expect(hingeSummary([2, 1, 0.5, -1])).toEqual({ paying: 2, meanLoss: 2.5 / 4 });
    expect(hingeSummary([])).toEqual({ paying: 0, meanLoss: 0 });
  });
});
