/**
 * The page's curves keep each kept point's training time (the chunks' ms, in seconds) beside its
 * metrics, through bucket merges, rewrites and churn points: the x of a point in seconds is the
 * time of that very epoch.
 */
import { describe, expect, it } from 'vitest';
import { BucketedCurves } from '../../src/ui/bucketed-curves.ts';
import { CurveStore } from '../../src/ui/curve-store.ts';
import type { CurveChunk } from '../../workers/trainer-api.ts';

/** Epoch t's time: a strictly increasing, irregular function of t (ms). */
const msAt = (t: number) => 3 * t + (t % 7) * 0.5;

function chunk(from: number, to: number): CurveChunk {
  const at = (f: (t: number) => number) =>
    Float64Array.from({ length: to - from }, (_, i) => f(from + i));
  // The loss wiggles, so bucket extremes fall anywhere in a bucket, not at its ends.
  const loss = at((t) => 1 / (1 + t) + ((t * 7919) % 13) * 1e-3);
  return {
    from,
    meanLoss: loss,
    objective: loss,
    svCount: at((t) => t % 60),
    accuracy: loss,
    ms: at(msAt),
  };
}

describe('curve times', () => {
  it('every kept point of every line and of the union carries its own epoch’s time', () => {
    const c = new CurveStore();
    for (let from = 0; from < 200_000; from += 7_001)
      c.addChunk(chunk(from, Math.min(200_000, from + 7_001)));
    c.addChunk(chunk(150_000, 150_500)); // a rewind: cut at 150,000, then written again
    expect(c.length).toBe(150_500);
    for (const line of [c.meanLoss, c.objective, c.svCount]) {
      const n = line.length;
      expect(n).toBeGreaterThan(100);
      for (let i = 0; i < n; i++) {
        expect(line.seconds!.at(i)).toBe(msAt(line.epochs!.at(i)) / 1000);
      }
    }
    const u = c.kept();
    for (let i = 0; i < u.count; i++) expect(u.seconds[i]).toBe(msAt(u.epochs[i]!) / 1000);
    expect(u.epochs[u.count - 1]).toBe(150_499);
  });

  it('reads NaN where a chunk has no time, and a churn point keeps its snapshot’s time', () => {
    const c = new CurveStore();
    const old: Partial<CurveChunk> = chunk(0, 10);
    delete old.ms; // a chunk from before the time column
    c.addChunk(old as CurveChunk);
    expect(Number.isNaN(c.meanLoss.seconds!.at(0))).toBe(true);
    c.addChurn(9, 2, 1, 0.25);
    expect([c.churnEpoch.at(0), c.churnSeconds.at(0)]).toEqual([9, 0.25]);
    c.clear();
    expect(c.churnSeconds.length).toBe(0);
  });

  it('carried columns never choose a kept point', () => {
    const plain = new BucketedCurves(1, 4);
    const carrying = new BucketedCurves(1, 4, 1);
    const loss = Float64Array.from({ length: 100 }, (_, t) => Math.sin(t));
    const wild = Float64Array.from({ length: 100 }, (_, t) => (t % 2 ? -1e9 : 1e9));
    plain.write(0, [loss]);
    carrying.write(0, [loss, wild]);
    const a = { e: new Float64Array(plain.capacity), v: new Float64Array(plain.capacity) };
    const b = { e: new Float64Array(plain.capacity), v: new Float64Array(plain.capacity) };
    const also = new Float64Array(plain.capacity);
    const n = plain.line(0, a.e, a.v);
    expect(carrying.line(0, b.e, b.v, also)).toBe(n);
    expect(Array.from(b.e.subarray(0, n))).toEqual(Array.from(a.e.subarray(0, n)));
    for (let i = 0; i < n; i++) expect(also[i]).toBe(wild[b.e[i]!]);
  });
});
