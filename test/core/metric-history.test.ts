import { describe, expect, it } from 'vitest';
import { MetricHistory } from '../../src/core/metric-history.ts';

const held = (h: MetricHistory) =>
  Array.from(h.meanLoss.subarray(h.offset(h.base), h.offset(h.length)));

describe('MetricHistory', () => {
  it('release() lets go of the entries before t; the rest stay at their epochs', () => {
    const h = new MetricHistory(4);
    for (let t = 0; t < 10; t++) h.push(t, 10 + t, 20 + t, 30 + t);
    h.release(7);
    expect([h.base, h.length]).toEqual([7, 10]);
    expect(held(h)).toEqual([7, 8, 9]);
    expect(h.objective[h.offset(8)]).toBe(18);
    expect(() => h.offset(6)).toThrow('entry 6 is not held: [7, 10]');
    h.push(10, 20, 30, 40);
    expect(held(h)).toEqual([7, 8, 9, 10]);
  });

  it('truncate() below the released entries leaves none held, and pushing goes on from there', () => {
    const h = new MetricHistory();
    for (let t = 0; t < 10; t++) h.push(t, t, t, t);
    h.release(8);
    h.truncate(5);
    expect([h.base, h.length]).toEqual([5, 5]);
    h.push(50, 50, 50, 50);
    expect(held(h)).toEqual([50]);
  });
});
