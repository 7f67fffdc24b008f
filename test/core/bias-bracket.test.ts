import { describe, expect, it } from 'vitest';
import { BiasBracket, BracketEnds } from '../../src/core/bias-bracket.ts';
import { ClassDualSums, dualRows, weightsOfDual } from '../../src/core/optimizers/dcd-dual.ts';
import { experiment } from './helpers.ts';

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

  it('starts anywhere, restarts with any first step, and copies itself', () => {
    const br = new BiasBracket(0.75);
    expect([br.next(), br.next()]).toEqual([0.75, 0.75]); // nothing recorded: still the start
    br.record(0.75, 1);
    expect(br.next()).toBe(0.75 + 4); // steps 1, 2 used up above: the next is 4
    const copy = new BiasBracket();
    copy.copyFrom(br);
    br.reset(-1, 0.01);
    expect(br.bracketed).toBe(false);
    expect(br.next()).toBe(-1);
    br.record(-1, -3);
    expect(br.next()).toBe(-1 - 0.02);
    expect([copy.bLo, copy.hLo, copy.next()]).toEqual([0.75, 1, 0.75 + 8]);
  });
});

describe('BracketEnds', () => {
  it('prices the mix θ·α_lo + (1 − θ)·α_hi from the ends’ sums alone, as D of the mix itself', () => {
    const { data } = experiment({ seed: 2, nPerClass: 20 });
    const lambda = 0.05;
    const C = 1 / data.n;
    const lo = Float64Array.from({ length: data.n }, (_, i) =>
      i % 3 === 0 ? C : ((i % 7) * C) / 9,
    );
    const hi = Float64Array.from({ length: data.n }, (_, i) =>
      i % 4 === 1 ? 0 : ((i % 5) * C) / 6,
    );
    const ends = new BracketEnds(data.d);
    const sums = (alpha: Float64Array) => {
      const s = new ClassDualSums(data.d);
      dualRows(data.x, data.y, data.d, alpha, s, 0, data.n);
      const w = new Float64Array(data.d);
      weightsOfDual(s, lambda, w);
      return { s, w };
    };
    const a = sums(lo);
    const b = sums(hi);
    ends.keep('lo', a.w, a.s.alphaSum);
    ends.keep('hi', b.w, b.s.alphaSum);
    for (const theta of [0, 0.3, 1]) {
      const mix = sums(lo.map((v, i) => theta * v + (1 - theta) * hi[i]!));
      const d = mix.s.alphaSum - (lambda / 2) * mix.w.reduce((q, v) => q + v * v, 0);
      expect(ends.mixedDual(theta, lambda)).toBeCloseTo(d, 14);
    }
  });
});
