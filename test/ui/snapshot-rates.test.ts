import { describe, expect, it } from 'vitest';
import { AUTO_SNAPSHOTS, snapshotPolicy } from '../../src/ui/snapshot-rates.ts';

describe('snapshotPolicy', () => {
  it('spreads about AUTO_SNAPSHOTS snapshots over any run under auto', () => {
    expect(snapshotPolicy('auto', 400)).toEqual({ everyEpochs: 1 });
    expect(snapshotPolicy('auto', 0)).toEqual({ everyEpochs: 1 });
    expect(snapshotPolicy('auto', 1_000_000)).toEqual({
      everyEpochs: Math.ceil(1_000_000 / AUTO_SNAPSHOTS),
    });
  });

  it('gives fixed policies and falls back to auto for an unknown id', () => {
    expect(snapshotPolicy('frame', 5)).toEqual({ minIntervalMs: 16 });
    expect(snapshotPolicy('epoch100', 5)).toEqual({ everyEpochs: 100 });
    expect(snapshotPolicy('nope', 400)).toEqual({ everyEpochs: 1 });
  });
});
