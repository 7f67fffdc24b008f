import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchHingeGradient,
  decisionAt,
  hingeLoss,
  hingeSubgradient,
  meanHingeLoss,
} from '../../src/core/hinge.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const label = fc.constantFrom(1, -1);

describe('hinge loss of one example', () => {
  // The article's three worked cases, plus the kink and the far wrong side.
  it.each([
    { y: 1, s: 2, loss: 0, grad: [0, 0], gb: 0, why: 'confidently right: silent' },
    { y: 1, s: 0.5, loss: 0.5, grad: [-1, -2], gb: -1, why: 'right but inside the margin' },
    { y: 1, s: -1, loss: 2, grad: [-1, -2], gb: -1, why: 'wrong side' },
    { y: -1, s: -1, loss: 0, grad: [0, 0], gb: 0, why: 'exactly on the margin: zero at the kink' },
    { y: -1, s: 3, loss: 4, grad: [1, 2], gb: 1, why: 'negative label, wrong side' },
  ])('y=$y s=$s: loss $loss ($why)', ({ y, s, loss, grad, gb }) => {
    expect(hingeLoss(y, s)).toBe(loss);
    const g = new Float64Array(2);
    expect(hingeSubgradient(y, s, [1, 2], g)).toBe(gb);
    expect(Array.from(g)).toEqual(grad);
  });

  it('loss >= 0 for every label and decision value', () => {
    fc.assert(fc.property(label, finite, (y, s) => hingeLoss(y, s) >= 0));
  });

  it('the subgradient is zero exactly where the loss is zero', () => {
    fc.assert(
      fc.property(label, finite, finite, finite, (y, s, x0, x1) => {
        const g = new Float64Array(2);
        const gb = hingeSubgradient(y, s, [x0, x1], g);
        const zeroGradient = gb === 0 && g[0] === 0 && g[1] === 0;
        return (hingeLoss(y, s) === 0) === zeroGradient;
      }),
    );
  });
});

describe('batch forms', () => {
  const x = Float64Array.of(1, 2, -1, 0.5, 0, -3);
  const y = Float64Array.of(1, -1, 1);
  const w = Float64Array.of(0.5, -0.25);
  const b = 0.1;

  it('decision sums b + w0·x0 + w1·x1 left to right', () => {
    expect(decisionAt(w, b, x, 1)).toBe(0.1 + 0.5 * -1 + -0.25 * 0.5);
  });

  it('mean hinge loss averages the per-example losses', () => {
    const each = [0, 1, 2].map((i) => hingeLoss(y[i]!, decisionAt(w, b, x, i)));
    expect(meanHingeLoss(x, y, w, b)).toBe((each[0]! + each[1]! + each[2]!) / 3);
  });

  it('the batch gradient is the mean subgradient plus reg·w (bias unregularised)', () => {
    const g = new Float64Array(2);
    const gb = batchHingeGradient(x, y, w, b, 0.1, g);
    // s = (0.1, -0.525, 0.85): all three have m > 0.
    expect(gb).toBe((-1 + 1 - 1) / 3);
    expect(g[0]).toBe((-1 + -1 + 0) / 3 + 0.1 * 0.5);
    expect(g[1]).toBe((-2 + 0.5 + 3) / 3 + 0.1 * -0.25);
  });
});
