import { describe, expect, it } from 'vitest';
import { hingeDots } from '../../src/ui/hinge-dots.ts';

describe('hingeDots', () => {
  const px = (m: number) => 10 * (m + 2); // [-2, 3] → [0, 50]
  const py = (loss: number) => 30 - 10 * loss;

  it('puts each margin on the hinge curve, clamped to the axis', () => {
    const d = hingeDots([0.5, -5, 9], [1, -1, 1], px, py, -2, 3, 50);
    expect(Array.from(d.positive)).toEqual([25, 25, 50, 30]);
    expect(Array.from(d.negative)).toEqual([0, 0]);
  });

  it('keeps one dot per class and pixel column', () => {
    const m = [0.01, 0.02, 0.03, 0.01, 1.5];
    const y = [1, 1, 1, -1, -1];
    const d = hingeDots(m, y, px, py, -2, 3, 50);
    expect(d.positive.length).toBe(2);
    expect(d.negative.length).toBe(4);
    expect(d.positive[0]).toBeCloseTo(20.1, 10);
  });

  it('draws at most one dot per column per class whatever the sample', () => {
    const k = 100_000;
    const m = Float64Array.from({ length: k }, (_, i) => -2 + (5 * i) / k);
    const y = Float64Array.from({ length: k }, (_, i) => (i % 2 ? 1 : -1));
    const d = hingeDots(m, y, px, py, -2, 3, 50);
    expect(d.positive.length / 2).toBeLessThanOrEqual(50);
    expect(d.negative.length / 2).toBeLessThanOrEqual(50);
  });

  it('skips NaN margins', () => {
    const d = hingeDots([NaN], [1], px, py, -2, 3, 50);
    expect(d.positive.length + d.negative.length).toBe(0);
  });
});
