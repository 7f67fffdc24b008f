import { describe, expect, it } from 'vitest';
import { hingeLoss, decisionAt } from '../../src/core/hinge.ts';
import { supportVectorChurn, supportVectorIndices } from '../../src/core/support-vectors.ts';
import { experiment } from './helpers.ts';

describe('supportVectorIndices', () => {
  it('lists, ascending, exactly the points with positive loss', () => {
    const { data, model } = experiment({ seed: 21, nPerClass: 200 });
    const sv = supportVectorIndices(data.x, data.y, model.w, model.b);
    const expected: number[] = [];
    for (let i = 0; i < data.n; i++) {
      if (hingeLoss(data.y[i]!, decisionAt(model.w, model.b, data.x, i)) > 0) expected.push(i);
    }
    expect(Array.from(sv)).toEqual(expected);
  });

  it('excludes a point exactly on the margin (1 - y·s = 0)', () => {
    const x = Float64Array.of(1, 0, 2, 0);
    const y = Float64Array.of(1, 1);
    // s = x0: point 0 sits on the margin (m = 0), point 1 beyond it.
    expect(Array.from(supportVectorIndices(x, y, Float64Array.of(1, 0), 0))).toEqual([]);
    expect(Array.from(supportVectorIndices(x, y, Float64Array.of(1, 0), -0.5))).toEqual([0]);
  });
});

describe('supportVectorChurn', () => {
  it.each([
    [[], [], 0, 0],
    [[1, 2, 3], [1, 2, 3], 0, 0],
    [[1, 2, 3], [2, 3, 4, 5], 2, 1],
    [[], [7, 9], 2, 0],
    [[0, 4, 8], [], 0, 3],
    [[0, 2, 4, 6], [1, 3, 5], 3, 4],
  ])('%j -> %j: %d entered, %d left', (before, now, entered, left) => {
    expect(supportVectorChurn(Uint32Array.from(before), Uint32Array.from(now))).toEqual({
      entered,
      left,
    });
  });
});
