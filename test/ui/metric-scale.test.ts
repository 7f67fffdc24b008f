import { describe, expect, it } from 'vitest';
import { metricScale } from '../../src/ui/metric-scale.ts';

const linear = { log: false, zero: true, headroom: 1.05 };

describe('metricScale', () => {
  it('starts a linear axis at zero, with headroom above the largest value, niced', () => {
    const y = metricScale({ min: 0.2, max: 2.9 }, 150, linear);
    expect(y.domain()).toEqual([0, 3.5]); // 3.045, niced to halves
    expect(y.range()).toEqual([150, 0]);
    expect(metricScale({ min: 0.2, max: 2.9 }, 150, { ...linear, headroom: 1 }).domain()).toEqual([
      0, 3,
    ]);
  });

  it('starts at the smallest value when not from zero, and below zero for negative values', () => {
    expect(metricScale({ min: 12, max: 40 }, 100, { ...linear, zero: false }).domain()).toEqual([
      12, 42,
    ]);
    expect(metricScale({ min: -2, max: 3 }, 100, linear).domain()).toEqual([-2, 3.5]);
  });

  it('pads a log axis by 1.25 either side', () => {
    const y = metricScale({ min: 0.1, max: 2 }, 150, { ...linear, log: true });
    expect(y.domain()).toEqual([0.08, 2.5]);
  });

  it('has a sensible domain with nothing drawn or a single value', () => {
    const none = { min: Infinity, max: -Infinity };
    expect(metricScale(none, 100, linear).domain()).toEqual([0, 1.1]);
    expect(metricScale(none, 100, { ...linear, log: true }).domain()).toEqual([0.01, 1]);
    expect(metricScale({ min: 5, max: 5 }, 100, { ...linear, zero: false }).domain()).toEqual([
      5, 6,
    ]);
    expect(metricScale({ min: 4, max: 4 }, 100, { ...linear, log: true }).domain()).toEqual([
      3.2, 5,
    ]);
  });
});
