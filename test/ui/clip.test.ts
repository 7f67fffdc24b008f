import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxPolygon,
  clipHalfPlane,
  levelSegment,
  polygonArea,
  scoreRegion,
  type Box,
  type Point,
} from '../../src/ui/clip.ts';

const BOX: Box = { x0: -3, x1: 3, y0: -3, y1: 3 };
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe('clipHalfPlane', () => {
  it('keeps all, none or the half of the box', () => {
    const box = boxPolygon(BOX);
    expect(clipHalfPlane(box, 0, 0, 1)).toEqual(box);
    expect(clipHalfPlane(box, 0, 0, -1)).toEqual([]);
    const right = clipHalfPlane(box, 1, 0, 0); // x >= 0
    close(polygonArea(right), 18);
    expect(right.every(([x]) => x >= 0)).toBe(true);
  });

  it('keeps nothing for non-finite coefficients', () => {
    expect(clipHalfPlane(boxPolygon(BOX), NaN, 1, 0)).toEqual([]);
    expect(clipHalfPlane(boxPolygon(BOX), Infinity, 1, 0)).toEqual([]);
  });
});

describe('scoreRegion', () => {
  it('splits the box into the two sides and the band by the level lines ±1', () => {
    // s = x: band -1 < x < 1 is 2×6, sides 2×6 each.
    close(polygonArea(scoreRegion(1, 0, 0, 1, Infinity, BOX)), 12);
    close(polygonArea(scoreRegion(1, 0, 0, -Infinity, -1, BOX)), 12);
    close(polygonArea(scoreRegion(1, 0, 0, -1, 1, BOX)), 12);
  });

  it('gives the whole box or nothing when w = 0', () => {
    close(polygonArea(scoreRegion(0, 0, 0.5, -1, 1, BOX)), 36);
    expect(scoreRegion(0, 0, 2, -1, 1, BOX)).toEqual([]);
  });

  it('partitions the box for any weights (areas add up, every vertex obeys its bounds)', () => {
    const coef = fc.double({ min: -20, max: 20, noNaN: true });
    fc.assert(
      fc.property(coef, coef, coef, (w0, w1, b) => {
        const regions: [number, number][] = [
          [-Infinity, -1],
          [-1, 1],
          [1, Infinity],
        ];
        let total = 0;
        for (const [lo, hi] of regions) {
          const poly = scoreRegion(w0, w1, b, lo, hi, BOX);
          total += polygonArea(poly);
          for (const [x, y] of poly) {
            const s = w0 * x + w1 * y + b;
            expect(s).toBeGreaterThanOrEqual(lo - 1e-6);
            expect(s).toBeLessThanOrEqual(hi + 1e-6);
            expect(x).toBeGreaterThanOrEqual(-3 - 1e-9);
            expect(y).toBeLessThanOrEqual(3 + 1e-9);
          }
        }
        expect(Math.abs(total - 36)).toBeLessThan(1e-6);
      }),
    );
  });
});

describe('levelSegment', () => {
  it('finds the diagonal, a vertical line and a level line', () => {
    const diag = levelSegment(1, -1, 0, 0, BOX)!;
    expect(diag.map((p) => p.map((v) => Math.round(v * 1e9) / 1e9))).toEqual([
      [-3, -3],
      [3, 3],
    ]);
    const vertical = levelSegment(2, 0, -1, 1, BOX)!; // 2x - 1 = 1 → x = 1
    for (const p of vertical) close(p[0], 1);
    expect(vertical.map((p) => p[1]).sort()).toEqual([-3, 3]);
  });

  it('is null when the line misses the box or w is degenerate', () => {
    expect(levelSegment(1, 0, -5, 0, BOX)).toBeNull();
    expect(levelSegment(0, 0, 0, 0, BOX)).toBeNull();
    expect(levelSegment(NaN, 1, 0, 0, BOX)).toBeNull();
    expect(levelSegment(1e200, 1e200, 0, 0, BOX)).toBeNull();
  });

  it('ends on the box boundary with both ends on the line', () => {
    const coef = fc.double({ min: -20, max: 20, noNaN: true });
    fc.assert(
      fc.property(coef, coef, coef, fc.constantFrom(-1, 0, 1), (w0, w1, b, level) => {
        const seg = levelSegment(w0, w1, b, level, BOX);
        if (!seg) return;
        const onEdge = ([x, y]: Point) =>
          Math.min(Math.abs(x - 3), Math.abs(x + 3), Math.abs(y - 3), Math.abs(y + 3)) < 1e-6;
        for (const p of seg) {
          expect(onEdge(p)).toBe(true);
          const s = w0 * p[0] + w1 * p[1] + b;
          expect(Math.abs(s - level)).toBeLessThan(1e-6 * (1 + Math.abs(w0) + Math.abs(w1)));
        }
      }),
    );
  });
});
