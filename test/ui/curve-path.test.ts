import { describe, expect, it } from 'vitest';
import {
  arrayPath,
  arraysRange,
  curveDots,
  curvePath,
  drawnRange,
} from '../../src/ui/curve-path.ts';
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

  it('finds the drawable range over every series', () => {
    expect(drawnRange([series([3, 0, -1, Infinity])], false)).toEqual({ min: -1, max: 3 });
    expect(drawnRange([series([3, 0, -1])], true)).toEqual({ min: 3, max: 3 });
    expect(drawnRange([series([3, 0]), series([5, NaN])], true)).toEqual({ min: 3, max: 5 });
    expect(drawnRange([series([]), series([NaN])], false)).toEqual({ min: NaN, max: NaN });
    expect(drawnRange([], false)).toEqual({ min: NaN, max: NaN });
  });
});

describe('arrayPath', () => {
  const id = (v: number) => v;

  it('joins the points and breaks at values it cannot draw', () => {
    expect(arrayPath([0, 1, 2], [3, 2, 1], id, id, false)).toBe('M0,3L1,2L2,1');
    expect(arrayPath([0, 1, 2, 3], [3, NaN, 1, 0.5], id, id, false)).toBe('M0,3M2,1L3,0.5');
    expect(arrayPath([0, 1, 2], [1, 0, 2], id, id, true)).toBe('M0,1M2,2');
    expect(arrayPath([], [], id, id, false)).toBe('');
  });

  it('draws a point only where both arrays have it', () => {
    expect(arrayPath([0, 1], [3, 2, 1], id, id, false)).toBe('M0,3L1,2');
    expect(arrayPath([0, NaN, 2], [3, 2, 1], id, id, false)).toBe('M0,3M2,1');
  });

  it('draws the same path as curvePath for the same points', () => {
    const values = [1, 2, NaN, 4, 0, 3];
    const px = (v: number) => v * 3.33;
    const py = (v: number) => 50 - v * 7.07;
    for (const log of [false, true]) {
      expect(arrayPath([0, 1, 2, 3, 4, 5], values, px, py, log)).toBe(
        curvePath(series(values), null, px, py, log),
      );
    }
  });
});

describe('arraysRange', () => {
  it('spans the drawable values of every series', () => {
    const both = [
      [3, 1],
      [0, 5],
    ];
    expect(arraysRange(both, false)).toEqual({ min: 0, max: 5 });
    expect(arraysRange(both, true)).toEqual({ min: 1, max: 5 });
    expect(arraysRange([[NaN]], false)).toEqual({ min: NaN, max: NaN });
    expect(arraysRange([], false)).toEqual({ min: NaN, max: NaN });
  });
});
