import { describe, expect, it } from 'vitest';
import {
  defaultFeatures,
  featureName,
  isWholeModel,
  planeView,
  sliceCaption,
  sliceModel,
  spread,
  validFeatures,
} from '../../src/ui/feature-slice.ts';

describe('sliceModel', () => {
  it('is the model itself for d = 2 and features (0, 1)', () => {
    const s = sliceModel([1.638, -1.006], 0.545, { i: 0, j: 1 }, [0.3, -0.2]);
    expect(Array.from(s.w)).toEqual([1.638, -1.006]);
    expect(s.b).toBe(0.545);
  });

  it('adds the other features at their means to the bias', () => {
    // s(x) = 1 + 2x0 + 3x1 + 4x2 + 5x3 with x0 = 10, x3 = 20 held: 1 + 20 + 100 = 121.
    const s = sliceModel([2, 3, 4, 5], 1, { i: 1, j: 2 }, [10, 99, 99, 20]);
    expect(Array.from(s.w)).toEqual([3, 4]);
    expect(s.b).toBe(121);
  });

  it('scores a point at the means of the hidden features as the full model does', () => {
    const w = [0.5, -1.25, 2, 0.75, -3];
    const mean = [0.1, 0.2, -0.3, 0.4, 0.5];
    const f = { i: 3, j: 0 };
    const s = sliceModel(w, -0.7, f, mean);
    const x = [...mean];
    x[3] = 1.5;
    x[0] = -2;
    const full = -0.7 + w.reduce((a, wk, k) => a + wk * x[k]!, 0);
    expect(s.b + s.w[0]! * x[3]! + s.w[1]! * x[0]!).toBeCloseTo(full, 12);
  });

  it('has no second weight for d = 1', () => {
    const s = sliceModel([2], -1, { i: 0, j: null }, [5]);
    expect(Array.from(s.w)).toEqual([2, 0]);
    expect(s.b).toBe(-1);
  });
});

describe('planeView', () => {
  it('gathers the two chosen columns and their bounds', () => {
    const sampleX = Float64Array.from([1, 2, 3, 4, 5, 6]); // two points, d = 3
    const v = planeView(sampleX, 3, { i: 2, j: 0 }, [0, -1, -2], [10, 11, 12]);
    expect(Array.from(v.sampleX)).toEqual([3, 1, 6, 4]);
    expect(v.min).toEqual([-2, 0]);
    expect(v.max).toEqual([12, 10]);
  });

  it('spreads a single feature over [−1, 1]', () => {
    const v = planeView(Float64Array.from([7, 8, 9]), 1, { i: 0, j: null }, [7], [9]);
    expect(Array.from(v.sampleX).filter((_, k) => k % 2 === 0)).toEqual([7, 8, 9]);
    for (let k = 0; k < 3; k++) expect(v.sampleX[2 * k + 1]).toBe(spread(k));
    expect(v.min).toEqual([7, -1]);
    expect(v.max).toEqual([9, 1]);
    for (let k = 0; k < 1000; k++) expect(Math.abs(spread(k))).toBeLessThanOrEqual(1);
  });
});

describe('feature choice', () => {
  it('defaults to the first two features, or the spread for d = 1', () => {
    expect(defaultFeatures(5)).toEqual({ i: 0, j: 1 });
    expect(defaultFeatures(1)).toEqual({ i: 0, j: null });
  });

  it('falls back to the defaults for a choice the data cannot take', () => {
    expect(validFeatures({ i: 3, j: 4 }, 5)).toEqual({ i: 3, j: 4 });
    expect(validFeatures({ i: 3, j: 4 }, 2)).toEqual({ i: 0, j: 1 });
    expect(validFeatures({ i: 1, j: 1 }, 5)).toEqual({ i: 0, j: 1 });
    expect(validFeatures({ i: 0, j: 1 }, 1)).toEqual({ i: 0, j: null });
    expect(isWholeModel({ i: 0, j: 1 }, 2)).toBe(true);
    expect(isWholeModel({ i: 1, j: 0 }, 2)).toBe(false);
    expect(isWholeModel({ i: 0, j: 1 }, 5)).toBe(false);
  });

  it('names features from the header, else x with a subscript', () => {
    expect(featureName(0, null)).toBe('x₁');
    expect(featureName(11, null)).toBe('x₁₂');
    expect(featureName(1, ['a', 'petal width'])).toBe('petal width');
    expect(featureName(null, null)).toBe('spread (no feature)');
  });

  it('says the boundary is a slice at the means when d > 2, and nothing for d = 2', () => {
    expect(sliceCaption(2, { i: 0, j: 1 }, null)).toBe('');
    const c = sliceCaption(5, { i: 0, j: 3 }, null);
    expect(c).toContain('x₁ against x₄ of 5 features');
    expect(c).toContain('slice through the other 3 features at their means');
    expect(sliceCaption(1, { i: 0, j: null }, null)).toContain('no feature');
  });
});
