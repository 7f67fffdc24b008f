import { describe, expect, it } from 'vitest';
import { overlayPath, overlayRange } from '../../src/ui/overlay-path.ts';

const id = (v: number) => v;

describe('overlayPath', () => {
  it('joins the points and breaks at values it cannot draw', () => {
    expect(overlayPath([0, 1, 2], [3, 2, 1], id, id, false)).toBe('M0,3L1,2L2,1');
    expect(overlayPath([0, 1, 2, 3], [3, NaN, 1, 0.5], id, id, false)).toBe('M0,3M2,1L3,0.5');
    expect(overlayPath([0, 1, 2], [1, 0, 2], id, id, true)).toBe('M0,1M2,2');
    expect(overlayPath([], [], id, id, false)).toBe('');
  });
});

describe('overlayRange', () => {
  it('spans the drawable values of every series', () => {
    expect(
      overlayRange(
        [
          [3, 1],
          [0, 5],
        ],
        false,
      ),
    ).toEqual({ min: 0, max: 5 });
    expect(
      overlayRange(
        [
          [3, 1],
          [0, 5],
        ],
        true,
      ),
    ).toEqual({ min: 1, max: 5 });
    expect(overlayRange([[NaN]], false)).toEqual({ min: NaN, max: NaN });
  });
});
