import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/core/evaluate.ts';
import { MetricHistory } from '../../src/core/metric-history.ts';
import { SnapshotBuilder, type ModelState } from '../../workers/snapshot-builder.ts';

/** Six points on a line at x0 = 0..5, all labelled +1; sample = all of them. */
const data = {
  x: Float64Array.from([0, 1, 2, 3, 4, 5].flatMap((v) => [v, 0])),
  y: new Float64Array(6).fill(1),
  n: 6,
  d: 2,
  nPositive: 6,
};
const m: Metrics = { meanLoss: 0, objective: 0, svCount: 0, accuracy: 1 };
const info = { runId: 1, status: 'running' as const, epochs: 10, elapsedMs: 0, rows: 0 };

function state(epoch: number, sv: number[] | null): ModelState {
  const history = new MetricHistory();
  for (let t = 0; t < epoch; t++) history.push(t, t, t, t);
  const svs = sv && Uint32Array.from(sv);
  return {
    epoch,
    w: Float64Array.of(1, 0),
    b: 0,
    m: { ...m, svCount: sv?.length ?? 0 },
    sv: svs,
    history,
  };
}

describe('SnapshotBuilder churn', () => {
  it('counts churn against the last snapshot that listed its support vectors', () => {
    const sb = new SnapshotBuilder(data, Uint32Array.from([0, 1, 2, 3, 4, 5]));
    const a = sb.build(state(0, [0, 1, 2]), info);
    expect([a.entered, a.left, a.churnCounted]).toEqual([0, 0, true]); // no previous set
    const b = sb.build(state(1, [1, 2, 3]), info);
    expect([b.entered, b.left, b.churnCounted]).toEqual([1, 1, true]);
    const gap = sb.build(state(2, null), info); // a pause mid-epoch: no list
    expect([gap.entered, gap.left, gap.churnCounted, gap.svIncluded]).toEqual([0, 0, false, false]);
    const c = sb.build(state(3, [3, 4]), info);
    expect([c.entered, c.left, c.churnCounted]).toEqual([1, 2, true]); // against b: {1,2,3}
    const lean = sb.build(state(4, [4, 5]), info, false); // counted, list left out
    expect([lean.entered, lean.left, lean.churnCounted, lean.svIncluded]).toEqual([
      1,
      1,
      true,
      false,
    ]);
    sb.restart();
    const fresh = sb.build(state(0, [0]), info);
    expect([fresh.entered, fresh.left, fresh.curve.from]).toEqual([0, 0, 0]);
  });

  it('sends each epoch’s metrics once, in chunks that continue where the last one ended', () => {
    const sb = new SnapshotBuilder(data, Uint32Array.from([0]));
    const froms = [0, 3, 3, 7].map((t) => sb.build(state(t, null), info).curve);
    expect(froms.map((c) => [c.from, c.meanLoss.length])).toEqual([
      [0, 1],
      [1, 3],
      [3, 1], // the same epoch again (a continuation's first snapshot) is rewritten, not appended
      [4, 4],
    ]);
  });
});
