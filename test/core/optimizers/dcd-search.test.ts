import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSolver } from '../../../src/core/exact-solver.ts';
import { ClassDualSums, dualRows, feasibleDual } from '../../../src/core/optimizers/dcd-dual.ts';
import { DcdBiasSearch } from '../../../src/core/optimizers/dcd-search.ts';
import { experiment } from '../helpers.ts';

describe('the certified lower bound', () => {
  const { data } = experiment({ seed: 5, nPerClass: 25 });
  const reg = 0.05;
  const pStar = createSolver(data, { reg, tol: 1e-12 }).solve().primal;

  it('D of the scaled α is at most P* for any α in the box, feasible or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: data.n,
          maxLength: data.n,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (u, zeroShare) => {
          const alpha = Float64Array.from(u, (v) => (v < zeroShare ? 0 : v / data.n));
          const s = new ClassDualSums(data.d);
          dualRows(data.x, data.y, data.d, alpha, s, 0, data.n);
          expect(feasibleDual(s, reg)).toBeLessThanOrEqual(pStar + 1e-15);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('and for α* with one class scaled up (where D of α unscaled can pass P*)', () => {
    const star = createSolver(data, { reg, tol: 1e-12 }).solve().alpha;
    const C = 1 / data.n;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.boolean(), (t, pos) => {
        const alpha = star.map((a, i) => (data.y[i]! > 0 === pos ? Math.min(C, a * (1 + t)) : a));
        const s = new ClassDualSums(data.d);
        dualRows(data.x, data.y, data.d, alpha, s, 0, data.n);
        expect(feasibleDual(s, reg)).toBeLessThanOrEqual(pStar + 1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it('is D(α) itself for a feasible α (nothing to scale), and 0 with a class at zero', () => {
    const alpha = createSolver(data, { reg, tol: 1e-12 }).solve().alpha;
    const s = new ClassDualSums(data.d);
    dualRows(data.x, data.y, data.d, alpha, s, 0, data.n);
    expect(Math.abs(feasibleDual(s, reg) - pStar)).toBeLessThan(1e-11);
    s.aNeg = 0;
    expect(feasibleDual(s, reg)).toBe(0);
  });
});

describe('the bias search', () => {
  it('reopens a bracket that closed onto one b, with a small first step', () => {
    const search = new DcdBiasSearch(2);
    expect(search.restart(0, 0.01)).toBe(0);
    // A closed bracket: h > 0 at 0 and h < 0 one 2^-60 above (one end possibly wrong).
    search.bracket.record(0, 0.5);
    search.bracket.record(2 ** -60, -0.5);
    const s = new ClassDualSums(2);
    s.aPos = 0.001; // h = 0.001 > 0 at b = 0, the fixed-b gap P − D_b = 0.001 − 0.001 = 0
    expect(search.step(0.001, s, 0, new Float64Array(2))).toBe(1e-4);
  });

  it('moves b only once the fixed-b problem is solved to the target', () => {
    const search = new DcdBiasSearch(2);
    search.restart(0, 0.01);
    const s = new ClassDualSums(2);
    s.aPos = 0.001;
    const w = new Float64Array(2);
    expect(search.step(0.001 + 2e-3, s, 0, w)).toBe(0); // gap 2e-3 > 1e-3: stay
    expect(search.step(0.001 + 5e-5, s, 0, w)).toBe(2); // solved, h > 0: up (the solver's 0, 2, 6…)
  });
});
