import { describe, expect, it } from 'vitest';
import { formatFixed, roundHalfEven, roundMicros } from '../../src/core/py-format.ts';

// Expected strings printed by CPython 3.11: format(v, '.4f') and format(v, '+.3f').
describe('formatFixed (Python format specs)', () => {
  it.each([
    [0.14803, '0.1480', '+0.148'],
    [0.03125, '0.0312', '+0.031'], // an exact tie rounds half to even
    [-0.03125, '-0.0312', '-0.031'],
    [-0.0, '-0.0000', '-0.000'], // the sign of negative zero is kept
    [0.0, '0.0000', '+0.000'],
    [2.5e-5, '0.0000', '+0.000'],
    [-1e-9, '-0.0000', '-0.000'],
    [1e22, '10000000000000000000000.0000', '+10000000000000000000000.000'],
    [Number.NaN, 'nan', '+nan'],
    [Number.POSITIVE_INFINITY, 'inf', '+inf'],
    [Number.NEGATIVE_INFINITY, '-inf', '-inf'],
    [1.6384999999999998, '1.6385', '+1.638'],
  ])('%d -> %s / %s', (v, four, plusThree) => {
    expect(formatFixed(v, 4)).toBe(four);
    expect(formatFixed(v, 3, true)).toBe(plusThree);
  });
});

describe('roundHalfEven (Python round)', () => {
  it.each([
    [2.5, 2],
    [3.5, 4],
    [-2.5, -2],
    [-3.5, -4],
    [0.5, 0],
    [1.4999999999999998, 1],
    [10.000000000000002, 10],
    [-0.2, 0],
  ])('round(%d) = %d', (v, r) => {
    expect(roundHalfEven(v) === r).toBe(true);
  });
});

describe('roundMicros (Python round(v, 6) keys)', () => {
  it('rounds exact ties to even and folds -0 into 0', () => {
    expect(roundMicros(0.0078125)).toBe(7812n); // 1/128 is a tie at six decimals
    expect(roundMicros(0.0078135)).toBe(7813n); // not a tie in binary: nearest (just below)
    expect(roundMicros(-0.0000001)).toBe(0n);
    expect(roundMicros(1.2345675)).toBe(1234568n);
  });
});
