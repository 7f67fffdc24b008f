import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED, snapshotPolicy, SPEEDS } from '../../src/ui/speeds.ts';

describe('snapshotPolicy', () => {
  it('trains at compute speed by default, with paced snapshots that never wait for the page', () => {
    expect(DEFAULT_SPEED).toBe('full');
    const p = snapshotPolicy(DEFAULT_SPEED);
    expect(p).toEqual({ minIntervalMs: 16 });
    expect(p.everyEpochs).toBeUndefined();
    expect(snapshotPolicy('unknown')).toEqual({ minIntervalMs: 16 });
  });

  it('watches slowly at 60, 10 and 1 epochs per second', () => {
    expect(SPEEDS.map((s) => s.id)).toEqual(['full', '60', '10', '1']);
    expect(snapshotPolicy('60')).toEqual({ epochsPerSecond: 60, minIntervalMs: 0 });
    expect(snapshotPolicy('1')).toEqual({ epochsPerSecond: 1, minIntervalMs: 0 });
  });
});
