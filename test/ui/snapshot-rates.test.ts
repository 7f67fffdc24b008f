import { describe, expect, it } from 'vitest';
import { AUTO_PACED_ABOVE, AUTO_SNAPSHOTS, snapshotPolicy } from '../../src/ui/snapshot-rates.ts';

describe('snapshotPolicy', () => {
  it('spreads about AUTO_SNAPSHOTS snapshots over a short run under auto', () => {
    expect(snapshotPolicy('auto', 400, 60)).toEqual({ everyEpochs: 1 });
    expect(snapshotPolicy('auto', 0, 60)).toEqual({ everyEpochs: 1 });
    expect(snapshotPolicy('auto', 1_000_000, 1000)).toEqual({
      everyEpochs: Math.ceil(1_000_000 / AUTO_SNAPSHOTS),
    });
    expect(snapshotPolicy('auto', 1000, AUTO_PACED_ABOVE / 1000)).toEqual({ everyEpochs: 2 });
  });

  it('paces snapshots by time under auto when the run is long', () => {
    expect(snapshotPolicy('auto', 1001, AUTO_PACED_ABOVE / 1000)).toEqual({ minIntervalMs: 16 });
    expect(snapshotPolicy('auto', 1500, 1_000_000)).toEqual({ minIntervalMs: 16 });
  });

  it('gives fixed policies and falls back to auto for an unknown id', () => {
    expect(snapshotPolicy('frame', 5, 60)).toEqual({ minIntervalMs: 16 });
    expect(snapshotPolicy('epoch100', 5, 60)).toEqual({ everyEpochs: 100 });
    expect(snapshotPolicy('nope', 400, 60)).toEqual({ everyEpochs: 1 });
  });
});
