import { describe, expect, it } from 'vitest';
import { markPath, markRadius, polygonPoints, project } from '../../src/ui/marks.ts';

describe('marks', () => {
  const screen = project(
    Float64Array.from([0, 0, 1, 1, 2, 2]),
    (v) => 10 * v,
    (v) => 100 - 10 * v,
  );

  it('projects row-major pairs through the scales', () => {
    expect(Array.from(screen)).toEqual([0, 100, 10, 90, 20, 80]);
  });

  it('draws one subpath per picked point', () => {
    const circles = markPath('circle', screen, (k) => k !== 1, 2);
    expect(circles).toBe('M-2,100a2,2 0 1,0 4,0a2,2 0 1,0 -4,0M18,80a2,2 0 1,0 4,0a2,2 0 1,0 -4,0');
    expect(markPath('triangle', screen, (k) => k === 1, 5)).toBe('M10,84L16,94.8H4Z');
    expect(markPath('ring', screen, () => false, 5)).toBe('');
  });

  it('shrinks marks for big samples', () => {
    expect(markRadius(60)).toBe(4);
    expect(markRadius(4000)).toBe(1.8);
    expect(markRadius(1000)).toBeCloseTo(2.19, 2);
  });

  it('writes polygon points rounded to 0.1 px', () => {
    expect(
      polygonPoints(
        [
          [0.123, 1],
          [1, 0],
        ],
        (v) => v * 10,
        (v) => v,
      ),
    ).toBe('1.2,1 10,0');
  });
});
