import { describe, expect, it } from 'vitest';
import { density2d } from '../../src/core/density.ts';
import { bytesPerPoint, recipeErrors, DEFAULT_RECIPE } from '../../src/core/recipe.ts';

describe('density2d', () => {
  it('counts every point in [lo, hi]² once, by class, row 0 at the top', () => {
    const x = Float64Array.of(-1, 1, 0.9, -0.9, 0.1, 0.1, 1, 1, 5, 0);
    const y = Float64Array.of(1, -1, 1, -1, 1);
    const dens = density2d(x, y, 2, 2, -1, 1);
    // (-1, 1) top-left; (0.9, -0.9) bottom-right; (0.1, 0.1) top-right; (1, 1) top-right edge.
    expect(Array.from(dens.positive)).toEqual([1, 1, 0, 0]);
    expect(Array.from(dens.negative)).toEqual([0, 1, 0, 1]);
    expect(dens.max).toBe(1);
  });
});

describe('recipe limits', () => {
  it('refuses more than 10^7 points, giving the limit and the memory it would need', () => {
    const [e] = recipeErrors({ ...DEFAULT_RECIPE, nPerClass: 6_000_000 });
    expect(e?.field).toBe('nPerClass');
    expect(e?.message).toBe(
      'nPerClass must be at most 5000000 (10000000 points, about 320 MB); 6000000 per class is ' +
        '12000000 points and would need about 384 MB',
    );
    expect(bytesPerPoint(2)).toBe(32);
  });
});
