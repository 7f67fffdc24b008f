import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatLoss,
  formatRate,
  formatSigned,
  formatTick,
  formatWeights,
  weightsValue,
} from '../../src/ui/format.ts';

describe('format', () => {
  it("writes the article's numbers", () => {
    expect(formatWeights([1.6381, -1.0064])).toBe('(+1.638, -1.006)');
    expect(formatSigned(0.5449)).toBe('+0.545');
    expect(formatLoss(0.14801)).toBe('0.1480');
  });

  it('keeps full precision in data values', () => {
    expect(weightsValue(Float64Array.from([0.1 + 0.2, -1]))).toBe('0.30000000000000004,-1');
  });

  it.each([
    [0, '—'],
    [950, '950'],
    [12_345, '12.3 k'],
    [3_210_000, '3.21 M'],
    [2.5e9, '2.50 G'],
  ])('rate %d → %j', (v, text) => expect(formatRate(v)).toBe(text));

  it.each([
    [NaN, '—'],
    [0.42, '0.4 s'],
    [42, '42 s'],
    [185, '3 min 05 s'],
    [7620, '2 h 07 min'],
  ])('duration %d → %j', (v, text) => expect(formatDuration(v)).toBe(text));

  it('groups thousands', () => expect(formatCount(1234567)).toBe('1,234,567'));
});

describe('format at any magnitude (issue 15 item 6)', () => {
  it('writes large and tiny values in scientific notation, the article’s as before', () => {
    expect(formatLoss(3.3514538468820447e154)).toBe('3.351e+154');
    expect(formatSigned(-5.583426482478001e153)).toBe('-5.583e+153');
    expect(formatSigned(3e-9)).toBe('+3.000e-9');
    expect(formatLoss(4e-5)).toBe('4.000e-5');
    expect(formatLoss(999_999.5)).toBe('999999.5000');
    expect(formatLoss(1e6)).toBe('1.000e+6');
    expect(formatLoss(0)).toBe('0.0000');
    expect(formatSigned(-0.0004)).toBe('-4.000e-4');
    expect(formatSigned(-0.0006)).toBe('-0.001');
    expect(formatWeights([1e300, -1e-300])).toBe('(+1.000e+300, -1.000e-300)');
  });

  it('keeps tick labels short at any magnitude', () => {
    const d3 = (v: number) => `d3:${v}`;
    expect(formatTick(400, d3)).toBe('d3:400');
    expect(formatTick(0, d3)).toBe('d3:0');
    expect(formatTick(1e150, d3)).toBe('1e+150');
    expect(formatTick(1.5e150, d3)).toBe('1.5e+150');
    expect(formatTick(2.5e-7, d3)).toBe('2.5e-7');
  });
});
