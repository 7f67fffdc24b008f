import { describe, expect, it } from 'vitest';
import type { CurveChunk } from '../../workers/trainer-api.ts';
import { CurveStore } from '../../src/ui/curve-store.ts';
import { Series } from '../../src/ui/series.ts';

function chunk(from: number, loss: number[]): CurveChunk {
  const f = Float64Array.from(loss);
  return { from, meanLoss: f, objective: f, svCount: f, accuracy: f, ms: f };
}

describe('Series', () => {
  it('grows past its capacity and reads NaN outside', () => {
    const s = new Series(2, 4);
    for (let i = 0; i < 100; i++) s.push(i);
    expect(s.length).toBe(100);
    expect(s.at(99)).toBe(99);
    expect(s.at(100)).toBeNaN();
    expect(s.drawIndices().length).toBeLessThanOrEqual(8);
  });

  it('refolds when drawn values are rewritten with other ones', () => {
    const s = new Series(4, 4);
    s.write(0, [1, 2, 3]);
    expect(Array.from(s.drawIndices())).toEqual([0, 1, 2]);
    s.write(2, [3, 4]); // same value at 2: no refold needed
    expect(Array.from(s.drawIndices())).toEqual([0, 1, 2, 3]);
    s.write(0, [9]);
    expect(s.at(0)).toBe(9);
    expect(Array.from(s.drawIndices())).toEqual([0, 1, 2, 3]);
    expect(() => s.write(10, [1])).toThrow(RangeError);
  });
});

describe('CurveStore', () => {
  it('writes chunks at their epochs, overlapping or not', () => {
    const c = new CurveStore();
    c.addChunk(chunk(0, [0.5, 0.4]));
    c.addChunk(chunk(2, [0.3]));
    c.addChunk(chunk(2, [0.3, 0.2]));
    expect(c.length).toBe(4);
    expect(Array.from(c.meanLoss.values.subarray(0, 4))).toEqual([0.5, 0.4, 0.3, 0.2]);
    c.addChunk(chunk(9, [0.1])); // a gap: ignored
    expect(c.length).toBe(4);
  });

  it('keeps churn points in epoch order and finds the nearest', () => {
    const c = new CurveStore();
    c.addChurn(10, 2, 1);
    c.addChurn(10, 5, 5);
    c.addChurn(30, 0, 4);
    expect(c.churn.length).toBe(2);
    expect(c.churn.at(1)).toBe(4);
    expect(c.nearestChurn(0)).toBe(0);
    expect(c.nearestChurn(19)).toBe(0);
    expect(c.nearestChurn(21)).toBe(1);
    expect(c.nearestChurn(99)).toBe(1);
    c.clear();
    expect(c.nearestChurn(5)).toBe(-1);
    expect(c.length).toBe(0);
  });
});

describe('CurveStore at a fixed resolution', () => {
  it('holds 10^6 epochs in its buckets: each line and the union exact, with both ends', () => {
    const c = new CurveStore();
    const n = 1_000_000;
    const loss = Float64Array.from({ length: n }, (_, t) => 1 / (1 + t));
    const obj = Float64Array.from({ length: n }, (_, t) => 2 / (1 + t) + (t % 1000 === 7 ? 5 : 0));
    const svs = Float64Array.from({ length: n }, (_, t) => t % 60);
    for (let from = 0; from < n; from += 50_000) {
      const to = from + 50_000;
      const part = (a: Float64Array) => a.subarray(from, to);
      c.addChunk({
        from,
        meanLoss: part(loss),
        objective: part(obj),
        svCount: part(svs),
        accuracy: part(svs),
        ms: part(svs),
      });
    }
    expect(c.length).toBe(n);
    const u = c.kept();
    expect(u.count).toBeLessThanOrEqual(c.metrics.capacity);
    expect([u.epochs[0], u.epochs[u.count - 1]]).toEqual([0, n - 1]);
    for (let j = 0; j < u.count; j++) {
      const t = u.epochs[j]!;
      expect([u.meanLoss[j], u.objective[j], u.svCount[j]]).toEqual([loss[t], obj[t], svs[t]]);
    }
    const xs = c.objective.epochs!;
    expect(c.objective.length).toBeLessThanOrEqual(2 * c.metrics.maxBuckets + 2);
    expect(Math.max(...c.objective.values.subarray(0, c.objective.length))).toBe(obj[7]);
    expect(xs.at(xs.length - 1)).toBe(n - 1);
    expect(c.objective.at(xs.nearest(n - 1))).toBe(obj[n - 1]);
  });
});
