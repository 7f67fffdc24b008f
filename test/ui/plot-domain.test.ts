import { describe, expect, it } from 'vitest';
import { DEFAULT_BOX, fitBox } from '../../src/ui/plot-domain.ts';

describe('fitBox', () => {
  it('makes a padded square around the data', () => {
    expect(fitBox([0, -1], [2, 3], 0)).toEqual({ x0: -1, x1: 3, y0: -1, y1: 3 });
    const b = fitBox([0, 0], [10, 10], 0.05);
    expect(b).toEqual({ x0: -0.5, x1: 10.5, y0: -0.5, y1: 10.5 });
  });

  it('copes with one point and with missing bounds', () => {
    expect(fitBox([1, 1], [1, 1], 0)).toEqual({ x0: 0.5, x1: 1.5, y0: 0.5, y1: 1.5 });
    expect(fitBox([0], [1])).toEqual(DEFAULT_BOX);
    expect(fitBox([NaN, 0], [1, 1])).toEqual(DEFAULT_BOX);
  });
});
