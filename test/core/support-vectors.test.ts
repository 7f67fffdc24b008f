import { describe, expect, it } from 'vitest';
import { hingeLoss, decisionAt } from '../../src/core/hinge.ts';
import {
  supportVectorChurn,
  supportVectorChurnMarked,
  supportVectorIndices,
} from '../../src/core/support-vectors.ts';
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

describe('supportVectorChurnMarked', () => {
  it('agrees with the merge over a sequence of sets, never clearing marks', () => {
    const sets = [[1, 2, 3], [2, 3, 4, 5], [], [0, 9], [0, 9], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]];
    const mark = new Uint32Array(10);
    let serial = 0;
    let count = -1;
    let before: number[] = [];
    for (const set of sets) {
      const now = Uint32Array.from(set);
      const got = supportVectorChurnMarked(mark, serial, count, now, serial + 1);
      const want =
        count < 0 ? { entered: 0, left: 0 } : supportVectorChurn(Uint32Array.from(before), now);
      expect(got).toEqual(want);
      serial++;
      count = set.length;
      before = set;
    }
  });
});
