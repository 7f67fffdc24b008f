import { describe, expect, it } from 'vitest';
import {
  columnBounds,
  gatherRows,
  sampleRows,
  supportFlags,
} from '../../src/core/display-sample.ts';
import { supportVectorIndices } from '../../src/core/support-vectors.ts';
import { experiment } from './helpers.ts';

describe('sampleRows', () => {
  it('takes every row when n <= k', () => {
    expect(Array.from(sampleRows(5, 10, 1))).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws k distinct ascending rows, the same for the same seed', () => {
    const a = sampleRows(1_000_000, 4000, 7);
    expect(a.length).toBe(4000);
    expect(new Set(a).size).toBe(4000);
    expect(a.every((v, i) => i === 0 || v > a[i - 1]!)).toBe(true);
    expect(a[a.length - 1]).toBeLessThan(1_000_000);
    expect(Array.from(sampleRows(1_000_000, 4000, 7))).toEqual(Array.from(a));
    expect(Array.from(sampleRows(1_000_000, 4000, 8))).not.toEqual(Array.from(a));
  });

  it('spreads over the whole range (both classes of a positives-first dataset)', () => {
    const a = sampleRows(100_000, 2000, 3);
    const low = a.filter((i) => i < 50_000).length;
    expect(low).toBeGreaterThan(850);
    expect(low).toBeLessThan(1150);
  });
});

describe('sample helpers', () => {
  const { data, model } = experiment({ seed: 4, nPerClass: 100 });

  it('gathers the rows’ coordinates', () => {
    const rows = Uint32Array.of(0, 5, 199);
    expect(Array.from(gatherRows(data.x, 2, rows))).toEqual([
      data.x[0],
      data.x[1],
      data.x[10],
      data.x[11],
      data.x[398],
      data.x[399],
    ]);
  });

  it('flags exactly the sampled support vectors', () => {
    const rows = sampleRows(data.n, 50, 9);
    const flags = supportFlags(data.x, data.y, model.w, model.b, rows, new Uint8Array(50));
    const sv = new Set(supportVectorIndices(data.x, data.y, model.w, model.b));
    expect(Array.from(flags)).toEqual(Array.from(rows, (i) => (sv.has(i) ? 1 : 0)));
  });

  it('finds per-dimension bounds', () => {
    const b = columnBounds(Float64Array.of(1, -2, 3, 4, -5, 0), 2);
    expect(b).toEqual({ min: [-5, -2], max: [3, 4] });
  });
});
