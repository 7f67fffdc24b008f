import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatLoss,
  formatRate,
  formatSigned,
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
