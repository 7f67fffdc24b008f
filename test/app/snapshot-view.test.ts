import { describe, expect, it } from 'vitest';
import { SnapshotView } from '../../src/app/snapshot-view.svelte.ts';
import { immediateClock, snap } from './fakes.ts';

const view = (hidden = false) => {
  const presented: number[] = [];
  const v = new SnapshotView(
    immediateClock(),
    (s) => presented.push(s.epoch),
    () => undefined,
    hidden,
  );
  return { v, presented };
};

describe('SnapshotView', () => {
  it('shows each newer snapshot, stores its curve stretch, and drops older ones', () => {
    const { v, presented } = view();
    v.take(snap(1, 0, 0));
    v.take(snap(1, 5, 1));
    v.take(snap(1, 3, 1)); // late: an older epoch of the same run
    expect(v.snapshot?.epoch).toBe(5);
    expect(presented).toEqual([0, 5]);
    expect(v.curves.length).toBe(6);
    expect(v.curves.churnEpoch.length).toBe(1); // epoch 0 has no churn
    v.take(snap(2, 0, 0)); // a new run
    expect(v.snapshot?.runId).toBe(2);
  });

  it('keeps each kept point’s training time and each churn point’s snapshot time, in seconds', () => {
    const { v } = view();
    v.take(snap(1, 0, 0)); // the fake chunks' ms equal their epochs
    v.take(snap(1, 5, 1));
    v.take(snap(1, 9, 6));
    const loss = v.curves.meanLoss;
    expect(Array.from({ length: loss.length }, (_, i) => loss.seconds!.at(i))).toEqual(
      Array.from({ length: loss.length }, (_, i) => loss.epochs!.at(i) / 1000),
    );
    expect([v.curves.churnSeconds.at(0), v.curves.churnSeconds.at(1)]).toEqual([0.005, 0.009]);
  });

  it('a hidden tab stores snapshots and draws the latest when shown', () => {
    const { v, presented } = view(true);
    v.take(snap(1, 0, 0));
    v.take(snap(1, 7, 1));
    expect(v.snapshot).toBeNull();
    expect(v.latest?.epoch).toBe(7);
    expect(v.curves.length).toBe(8);
    v.setHidden(false);
    expect(v.snapshot?.epoch).toBe(7);
    expect(presented).toEqual([7]);
  });

  it('draws a training snapshot in two frames: the curves bump only in the second', async () => {
    const { v } = view();
    const before = v.curveVersion;
    const acked = v.receive(snap(1, 1, 0));
    expect(v.snapshot?.epoch).toBe(1);
    expect(v.curveVersion).toBe(before);
    await acked;
    expect(v.curveVersion).toBe(before + 1);
  });

  it('acknowledges at once while hidden, and showFresh empties the curves', () => {
    const { v } = view(true);
    expect(v.receive(snap(1, 1, 0))).toBeUndefined();
    v.setHidden(false);
    v.showFresh(snap(3, 0, 0));
    expect(v.curves.length).toBe(1);
    expect(v.snapshot?.runId).toBe(3);
  });
});

describe('SnapshotView and a run’s last snapshot', () => {
  it('draws it whole and takes it at once (nothing follows it to pace)', () => {
    const { v } = view();
    const before = v.curveVersion;
    expect(v.receive(snap(1, 400, 0, { status: 'done' }))).toBeUndefined();
    expect(v.snapshot?.epoch).toBe(400);
    expect(v.curveVersion).toBe(before + 1);
  });
});
