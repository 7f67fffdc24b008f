import { describe, expect, it } from 'vitest';
import { BiasBracket } from '../../src/core/bias-bracket.ts';

/** Drives the search on a known non-increasing h(b) and returns the bracket and the b's tried. */
function search(h: (b: number) => number, steps: number) {
  const br = new BiasBracket();
  const tried: number[] = [];
  for (let k = 0; k < steps && Number.isNaN(br.exact); k++) {
    const b = br.next();
    tried.push(b);
    br.record(b, h(b));
  }
  return { br, tried };
}

describe('BiasBracket', () => {
  it('expands from 0 by doubling steps until h has both signs, then interpolates', () => {
    const { tried, br } = search((b) => 5.5 - b, 10);
    // A linear h: regula falsi lands on its root at once.
    expect(tried).toEqual([0, 2, 6, 5.5]);
    expect([br.bLo, br.bHi, br.exact]).toEqual([2, 6, 5.5]);
    expect(br.bracketed).toBe(true);
  });

  it('expands downwards too', () => {
    const { tried } = search((b) => -2.5 - b, 4);
    expect(tried.slice(0, 3)).toEqual([0, -2, -6]);
  });

  it('narrows to a smooth root fast (Illinois), and to a jump', () => {
    const smooth = search((b) => Math.tanh(0.7 - b), 30);
    expect(smooth.tried.length).toBeLessThanOrEqual(8);
    expect(smooth.br.exact).toBeCloseTo(0.7, 15);
    // 1 − b^10: plain regula falsi keeps the far end for ever; Illinois and the bisection guard
    // each save steps (16 without the first, 23 without the second).
    const steep = search((b) => 1 - Math.sign(b) * Math.abs(b) ** 10, 13);
    expect(steep.br.exact).toBe(1);
    // A jump across zero at b* = 0.3 (a kink of min_w P(w, b)): the bracket closes on it.
    const jump = search((b) => (b < 0.3 ? 0.004 : -0.01), 60).br;
    expect(jump.width).toBeLessThan(1e-12);
    expect(jump.bLo).toBeLessThan(0.3);
    expect(jump.bHi).toBeGreaterThanOrEqual(0.3);
  });

  it('θ mixes the two ends to Σαy = 0; an exact zero gives θ = 1', () => {
    const br = new BiasBracket();
    br.record(0, 0.004);
    br.record(1, -0.012);
    const t = br.theta();
    expect(t * 0.004 + (1 - t) * -0.012).toBeCloseTo(0, 15);
    br.record(0.5, 0);
    expect(br.exact).toBe(0.5);
    expect(br.theta()).toBe(1);
  });
});
