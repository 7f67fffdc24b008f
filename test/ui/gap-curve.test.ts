import { describe, expect, it } from 'vitest';
import { gapCurve } from '../../src/ui/gap-curve.ts';
import { Series } from '../../src/ui/series.ts';

describe('gapCurve', () => {
  it('is the curve less P*, point for point, leaving the source alone', () => {
    const s = new Series(4);
    s.write(0, [0.3, 0.2, 0.17, 0.1617292007]);
    const g = gapCurve(s, 0.1617292);
    expect(g.length).toBe(4);
    expect(Array.from({ length: 4 }, (_, i) => g.at(i))).toEqual([
      0.3 - 0.1617292,
      0.2 - 0.1617292,
      0.17 - 0.1617292,
      0.1617292007 - 0.1617292,
    ]);
    expect(s.at(0)).toBe(0.3);
    expect(Array.from(g.drawIndices())).toEqual([0, 1, 2, 3]);
  });

  it('of an empty curve is empty', () => {
    expect(gapCurve(new Series(), 1).length).toBe(0);
  });
});
