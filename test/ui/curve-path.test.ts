import { describe, expect, it } from 'vitest';
import { curveDots, curvePath, drawnRange } from '../../src/ui/curve-path.ts';
import { Series } from '../../src/ui/series.ts';

const series = (values: number[]) => {
  const s = new Series();
  s.write(0, values);
  return s;
};

describe('curvePath', () => {
  it('joins points and breaks at undrawable values', () => {
    const ys = series([1, 2, NaN, 4, 0]);
    const id = (v: number) => v;
    expect(curvePath(ys, null, id, id, false)).toBe('M0,1L1,2M3,4L4,0');
    expect(curvePath(ys, null, id, id, true)).toBe('M0,1L1,2M3,4');
  });

  it('places points at their x series when given', () => {
    const ys = series([5, 6]);
    const xs = series([10, 30]);
    expect(
      curvePath(
        ys,
        xs,
        (v) => v / 10,
        (v) => -v,
        false,
      ),
    ).toBe('M1,-5L3,-6');
  });

  it('draws dots at the drawable points', () => {
    const id = (v: number) => v;
    expect(curveDots(series([1, NaN]), null, id, id, false, 2)).toBe(
      'M-2,1a2,2 0 1,0 4,0a2,2 0 1,0 -4,0',
    );
  });

  it('finds the drawable range', () => {
    expect(drawnRange(series([3, 0, -1, Infinity]), false)).toEqual({ min: -1, max: 3 });
    expect(drawnRange(series([3, 0, -1]), true)).toEqual({ min: 3, max: 3 });
    expect(drawnRange(series([]), false)).toEqual({ min: NaN, max: NaN });
  });
});
