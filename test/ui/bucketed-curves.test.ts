import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketedCurves } from '../../src/ui/bucketed-curves.ts';

/** Three series of n epochs: a noisy decay, its double plus a wave, and a count. */
function run(n: number, seed = 1): Float64Array[] {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    a[t] = 1 / (1 + t) + 0.01 * rand();
    b[t] = 2 * a[t]! + Math.sin(t / 7);
    c[t] = Math.floor(100 * rand());
  }
  return [a, b, c];
}

/** Writes the series in chunks of the given sizes (cycled). */
function fill(store: BucketedCurves, series: Float64Array[], chunks: number[]): void {
  const n = series[0]!.length;
  for (let from = 0, i = 0; from < n; i++) {
    const to = Math.min(n, from + chunks[i % chunks.length]!);
    store.write(
      from,
      series.map((v) => v.subarray(from, to)),
    );
    from = to;
  }
}

function unionOf(store: BucketedCurves) {
  const epochs = new Float64Array(store.capacity);
  const values = [0, 1, 2].map(() => new Float64Array(store.capacity));
  const n = store.union(epochs, values);
  return {
    epochs: Array.from(epochs.subarray(0, n)),
    values: values.map((v) => Array.from(v.subarray(0, n))),
  };
}

function lineOf(store: BucketedCurves, m: number) {
  const epochs = new Float64Array(store.capacity);
  const values = new Float64Array(store.capacity);
  const n = store.line(m, epochs, values);
  return { epochs: Array.from(epochs.subarray(0, n)), values: Array.from(values.subarray(0, n)) };
}

describe('BucketedCurves', () => {
  it('keeps every epoch of a run shorter than its buckets, exactly', () => {
    const store = new BucketedCurves(3, 8);
    const series = run(8);
    fill(store, series, [3]);
    const u = unionOf(store);
    expect(u.epochs).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(u.values).toEqual(series.map((v) => Array.from(v)));
  });

  it('10^6 epochs in fixed memory: exact kept points, both ends, every extreme, at most its capacity', () => {
    const store = new BucketedCurves(3, 64);
    const series = run(1_000_000);
    fill(store, series, [1, 997, 4096]);
    expect(store.length).toBe(1_000_000);
    const u = unionOf(store);
    expect(u.epochs.length).toBeLessThanOrEqual(store.capacity);
    expect(u.epochs[0]).toBe(0);
    expect(u.epochs.at(-1)).toBe(999_999);
    for (let j = 0; j < u.epochs.length; j++) {
      if (j > 0) expect(u.epochs[j]!).toBeGreaterThan(u.epochs[j - 1]!);
      for (let m = 0; m < 3; m++) expect(u.values[m]![j]).toBe(series[m]![u.epochs[j]!]);
    }
    for (let m = 0; m < 3; m++) {
      const line = lineOf(store, m);
      const v = series[m]!;
      // Each bucket's smallest and largest value is drawn, so the whole run's are too.
      for (let b = 0; b < store.count; b++) {
        const w = Array.from(v.subarray(b * store.size, (b + 1) * store.size));
        expect(line.values).toContain(Math.min(...w));
        expect(line.values).toContain(Math.max(...w));
      }
      expect(line.epochs.length).toBeLessThanOrEqual(2 * 64 + 2);
    }
  });

  it('depends only on the values, not on how they were split into chunks', () => {
    const series = run(5000, 7);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 6 }),
        (chunks) => {
          const a = new BucketedCurves(3, 16);
          const b = new BucketedCurves(3, 16);
          fill(a, series, chunks);
          fill(b, series, [5000]);
          expect(unionOf(a)).toEqual(unionOf(b));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('never keeps NaN as an extreme while its bucket has a number', () => {
    const store = new BucketedCurves(1, 2);
    store.write(0, [Float64Array.of(NaN, 3, NaN, 1, 2, NaN, 5, 4)]); // buckets of 4 after a merge
    // Bucket [0, 4): min 1 at 3, max 3 at 1 (epoch 0, NaN, only as the first); [4, 8): 2 at 4, 5 at 6.
    expect(lineOf(store, 0)).toEqual({ epochs: [0, 1, 3, 4, 6, 7], values: [NaN, 3, 1, 2, 5, 4] });
  });

  it('a rewind cuts at its epoch: nothing kept past it, the new values exact', () => {
    const store = new BucketedCurves(1, 4);
    store.write(0, [Float64Array.from({ length: 20 }, (_, t) => 100 - t)]); // size 8 after merges
    store.write(13, [Float64Array.of(-1, 500)]);
    expect(store.length).toBe(15);
    const line = lineOf(store, 0);
    expect(line.epochs.at(-1)).toBe(14);
    expect(Math.max(...line.epochs)).toBe(14);
    expect(line.values).toContain(-1);
    expect(line.values).toContain(500);
    for (let j = 0; j < line.epochs.length; j++) {
      const t = line.epochs[j]!;
      expect(line.values[j]).toBe(t === 13 ? -1 : t === 14 ? 500 : 100 - t);
    }
    expect(() => store.write(16, [Float64Array.of(1)])).toThrow(
      'write at 16 leaves a gap after 15',
    );
  });

  it('a rewind onto a kept extreme replaces it', () => {
    const store = new BucketedCurves(1, 4);
    // Buckets of 4 epochs; [12, 16) has its max 88 at 12 and its min 85 at 15.
    store.write(0, [Float64Array.from({ length: 16 }, (_, t) => 100 - t)]);
    store.write(15, [Float64Array.of(90)]);
    // The min at 15 is gone (its bucket falls back to its first epoch: 86 at 14 was not kept),
    // and 90 at 15 is the new max.
    expect(lineOf(store, 0)).toEqual({
      epochs: [0, 3, 4, 7, 8, 11, 12, 15],
      values: [100, 97, 96, 93, 92, 89, 88, 90],
    });
  });
});
