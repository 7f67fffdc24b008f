import { describe, expect, it } from 'vitest';
import {
  CAPTURE_COST,
  DEFAULT_MIN_INTERVAL_MS,
  MAX_PACED_INTERVAL_MS,
  MIN_CHUNK_ROWS,
  SNAPSHOT_BUDGET,
  SnapshotPacing,
} from '../../workers/snapshot-pacing.ts';

describe('SnapshotPacing (clock values passed in)', () => {
  it('requires the run’s first epoch and every k-th one', () => {
    const fresh = new SnapshotPacing({}, 1000, 10, 0);
    expect([0, 1, 5].map((t) => fresh.required(t))).toEqual([true, false, false]);
    const resumed = new SnapshotPacing({ everyEpochs: 10 }, 1000, 10, 37);
    expect([37, 38, 40, 50, 0].map((t) => resumed.required(t))).toEqual([
      true,
      false,
      true,
      true,
      true,
    ]);
  });

  it('lets a paced snapshot go once the interval has passed and the page took the last', () => {
    const p = new SnapshotPacing({ minIntervalMs: 30 }, 1000, 10, 0);
    expect(p.paceAllows(0, false)).toBe(true); // nothing sent yet
    p.sent(100, 1);
    expect(p.paceAllows(129, false)).toBe(false);
    expect(p.paceAllows(130, false)).toBe(true);
    expect(p.paceAllows(500, true)).toBe(false); // the page still holds one
    const every = new SnapshotPacing({ everyEpochs: 5 }, 1000, 10, 0);
    expect(every.paceAllows(1e9, false)).toBe(false); // only the required ones go
  });

  it('stretches the interval so snapshots cost at most their budget, within the cap', () => {
    const p = new SnapshotPacing({}, 1_000_000, 10, 0);
    expect(p.pacedInterval()).toBe(DEFAULT_MIN_INTERVAL_MS);
    p.recordChunk(100_000, 0.5); // 5 ns a row: a pass 5 ms, its capture 1 ms
    p.sent(0, 2); // a snapshot took 2 ms to build
    const cost = 2 + CAPTURE_COST * 5;
    expect(p.pacedInterval()).toBeCloseTo(cost / SNAPSHOT_BUDGET, 9);
    p.recordChunk(100_000, 100); // 1 µs a row: the budget would space them 5 s apart
    expect(p.pacedInterval()).toBe(MAX_PACED_INTERVAL_MS);
  });

  it('captures an epoch only when its snapshot is likely to go', () => {
    const p = new SnapshotPacing({ minIntervalMs: 50 }, 10_000, 10, 3);
    expect(p.captureWorthIt(3, 100, 0, true)).toBe(true); // the first epoch, always
    expect(p.captureWorthIt(100, 100, 0, true)).toBe(true); // the goal, always
    p.recordChunk(10_000, 10); // a pass takes 10 ms
    p.sent(1000, 0);
    expect(p.captureWorthIt(4, 100, 1020, false)).toBe(false); // ends at 1030 < 1050
    expect(p.captureWorthIt(4, 100, 1040, false)).toBe(true); // ends at 1050: due then
    expect(p.captureWorthIt(4, 100, 5000, true)).toBe(false); // the page holds one
    const every = new SnapshotPacing({ everyEpochs: 4 }, 10_000, 10, 0);
    expect([3, 4, 5, 8].map((t) => every.captureWorthIt(t, 100, 0, true))).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('keeps a chunk of rows near a tenth of a slice, never below the minimum', () => {
    const p = new SnapshotPacing({}, 1e7, 10, 0);
    const start = p.chunkRows;
    p.recordChunk(start, 0.1); // 10× faster than a tenth of a slice: grows, at most 4× a time
    expect(p.chunkRows).toBe(4 * start);
    p.recordChunk(p.chunkRows, 0.5); // now half a slice's tenth: 2× this chunk
    expect(p.chunkRows).toBe(8 * start);
    p.recordChunk(p.chunkRows, 1000); // very slow rows: down to the floor
    expect(p.chunkRows).toBe(MIN_CHUNK_ROWS);
    p.recordChunk(10, 1000); // a short chunk (an epoch's end) teaches the cost, not the size
    expect([p.chunkRows, p.msPerRow]).toEqual([MIN_CHUNK_ROWS, 100]);
  });
});
