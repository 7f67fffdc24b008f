import { describe, expect, it } from 'vitest';
import { formatSeconds, timeAxis } from '../../src/compare/x-axis.ts';

describe('time axis', () => {
  it('reads in ms under a second, in s from one second on', () => {
    const ms = timeAxis(0.0008);
    expect(ms.label).toBe('training time (ms)');
    expect([0, 0.0001, 0.0002, 0.0003].map(ms.tick)).toEqual(['0', '0.1', '0.2', '0.3']);
    const s = timeAxis(12);
    expect(s.label).toBe('training time (s)');
    expect([0, 2.5, 0.1 + 0.2].map(s.tick)).toEqual(['0', '2.5', '0.3']);
    expect(timeAxis(NaN).label).toBe('training time (ms)');
  });

  it('writes a read-out with its unit, a dash when unknown', () => {
    expect(formatSeconds(0.000412)).toBe('0.412 ms');
    expect(formatSeconds(0.0123)).toBe('12.3 ms');
    expect(formatSeconds(1.2549)).toBe('1.25 s');
    expect(formatSeconds(NaN)).toBe('—');
  });
});
