/**
 * The exact solvers: the article's optimum, the certificate recomputed here from scratch, the
 * KKT conditions, the support-vector retrain identity, slicing determinism and bad input.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.ts';
import { BiasSearchThenSmo, createSolver, SMO_MAX_POINTS } from '../../src/core/exact-solver.ts';
import { SmoSolver } from '../../src/core/smo-solver.ts';
import type { SolverResult } from '../../src/core/solver-result.ts';
import { supportSubset } from '../../src/core/sv-retrain.ts';
import { SvmSolver } from '../../src/core/svm-solver.ts';
import { experiment } from './helpers.ts';
import { certificate, kktViolation } from './solver-check.ts';

const article = () => experiment().data;
const REG = 0.01;

describe('exact solver on the article’s 60 points', () => {
  const data = article();
  const r = createSolver(data, { reg: REG }).solve();

  it('reaches P* = 0.16172920066728… and the optimum of the issue', () => {
    expect(r.status).toBe('optimal');
    expect(Math.abs(r.primal - 0.16172920066728)).toBeLessThan(1e-10);
    expect(r.w[0]).toBeCloseTo(2.1221, 4);
    expect(r.w[1]).toBeCloseTo(-1.3077, 4);
    expect(r.b).toBeCloseTo(0.9957, 4);
    expect(r.gap).toBeLessThanOrEqual(1e-9);
  });

  it('has a certificate that holds when recomputed from w, b and α alone', () => {
    const c = certificate(data, REG, r.w, r.b, r.alpha);
    expect(c.boxViolation).toBe(0);
    expect(Math.abs(c.sumAlphaY)).toBeLessThan(1e-15);
    expect(Math.abs(c.primal - r.primal)).toBeLessThan(1e-14);
    expect(Math.abs(c.dual - r.dual)).toBeLessThan(1e-14);
    expect(c.primal - c.dual).toBeLessThanOrEqual(1e-9);
    expect(c.primal - c.dual).toBeGreaterThanOrEqual(0);
  });

  it('meets the KKT conditions: α at 0 outside the margin, at 1/n inside, free on it', () => {
    expect(kktViolation(data, REG, r.w, r.b, r.alpha)).toBeLessThan(1e-4);
    expect(r.atZero + r.free + r.atBound).toBe(60);
    expect([r.atZero, r.free, r.atBound]).toEqual([47, 3, 10]);
  });

  it('retrained on its support vectors alone gives the same w and b (λ scaled by n/m)', () => {
    const sub = supportSubset(data, REG, r.alpha);
    expect(sub.data.n).toBe(13);
    const s = createSolver(sub.data, { reg: sub.reg, tol: 1e-13 }).solve();
    expect(Math.abs(s.w[0]! - r.w[0]!)).toBeLessThan(1e-7);
    expect(Math.abs(s.w[1]! - r.w[1]!)).toBeLessThan(1e-7);
    expect(Math.abs(s.b - r.b)).toBeLessThan(1e-7);
    // The subset's objective is the full one times n/m at the same point.
    expect(Math.abs((s.primal * 13) / 60 - r.primal)).toBeLessThan(1e-9);
  });
});

/** A seeded 3-D dataset of n points (d = 3 exercises the general-d loops). */
function data3(nPerClass: number, seed: number): Dataset {
  return experiment({ nPerClass, seed, trueW: [1, -0.5, 0.3], noise: 0.7 }).data;
}

function runSliced(make: () => SvmSolver | SmoSolver, slices: readonly number[]): SolverResult {
  const s = make();
  for (let k = 0; !s.done; k++) s.advance(slices[k % slices.length]!);
  return s.result();
}

describe.each([
  ['SMO', () => new SmoSolver(data3(40, 3), { reg: 0.05, tol: 1e-10 })],
  ['bias search over DCD', () => new SvmSolver(data3(2500, 5), { reg: 0.01, tol: 1e-7 })],
] as const)('%s', (_name, make) => {
  const whole = make().solve();

  it('gives the same bits however the work is sliced, and resumes after a pause', () => {
    expect(whole.status).toBe('optimal');
    for (const slices of [[1], [7, 3000, 1], [100_000]]) {
      const r = runSliced(make, slices);
      expect(r.b).toBe(whole.b);
      expect(Array.from(r.w)).toEqual(Array.from(whole.w));
      expect(r.alpha).toEqual(whole.alpha);
      expect(r.gap).toBe(whole.gap);
    }
  });
});

describe('certificate on other data, both methods', () => {
  it.each([
    ['SMO, d = 3', data3(40, 3), 0.05, 1e-10, 'smo'],
    ['bias search, d = 3', data3(2500, 5), 0.01, 1e-7, 'dcd'],
    [
      'bias search, the article’s generator',
      experiment({ nPerClass: 3000 }).data,
      0.01,
      1e-7,
      'dcd',
    ],
    ['bias search, small n', experiment({ seed: 11 }).data, 0.01, 1e-7, 'dcd'],
  ] as const)('%s', (_name, data, reg, tol, method) => {
    const s =
      method === 'smo' ? new SmoSolver(data, { reg, tol }) : new SvmSolver(data, { reg, tol });
    const r = s.solve();
    const c = certificate(data, reg, r.w, r.b, r.alpha);
    expect(c.boxViolation).toBe(0);
    expect(Math.abs(c.sumAlphaY)).toBeLessThan(1e-14);
    expect(c.primal - c.dual).toBeLessThanOrEqual(tol);
    expect(Math.abs(c.primal - c.dual - r.gap)).toBeLessThan(1e-12);
  });
});

describe('degenerate inputs get a clear answer', () => {
  const flat = (nPos: number, nNeg: number, at: number[]): Dataset => {
    const n = nPos + nNeg;
    const d = at.length;
    const x = new Float64Array(n * d);
    for (let i = 0; i < n; i++) x.set(at, i * d);
    const y = new Float64Array(n).map((_, i) => (i < nPos ? 1 : -1));
    return { x, y, n, d, nPositive: nPos };
  };

  it('one class: w = 0, b = ±1, P = D = 0, status one-class', () => {
    for (const make of [SmoSolver, SvmSolver]) {
      const r = new make(flat(5, 0, [1, 2]), { reg: 0.01, tol: 1e-9 }).solve();
      expect(r).toMatchObject({ status: 'one-class', b: 1, primal: 0, dual: 0, gap: 0 });
      const neg = new make(flat(0, 4, [1, 2]), { reg: 0.01, tol: 1e-9 }).solve();
      expect(neg.b).toBe(-1);
    }
  });

  it.each([
    ['all points equal, more positives', flat(6, 2, [0.5, -1]), 2 * (2 / 8)],
    ['all points equal, balanced', flat(3, 3, [0.5, -1]), 1],
    ['all points at the origin', flat(5, 3, [0, 0]), 2 * (3 / 8)],
  ])('%s: P* = 2·min(n+, n−)/n, certified, by both methods', (_n, data, pStar) => {
    for (const make of [SmoSolver, SvmSolver]) {
      const r = new make(data, { reg: 0.01, tol: 1e-9 }).solve();
      expect(r.status).toBe('optimal');
      expect(Math.abs(r.primal - pStar)).toBeLessThanOrEqual(1e-9);
      const c = certificate(data, 0.01, r.w, r.b, r.alpha);
      expect(c.primal - c.dual).toBeLessThanOrEqual(1e-9);
    }
  });

  it.each([
    [{ reg: 0 }, /reg must be a finite number > 0 .*λ = 0/],
    [{ reg: -1 }, /reg must be a finite number > 0/],
    [{ reg: NaN }, /reg must be a finite number > 0/],
    [{ reg: 0.01, tol: 0 }, /tol must be a finite number > 0/],
    [{ reg: 0.01, tol: Infinity }, /tol must be a finite number > 0/],
  ])('%j is refused with the field and its range', (options, message) => {
    expect(() => createSolver(article(), options)).toThrow(message);
    expect(() => new SvmSolver(article(), options)).toThrow(message);
  });

  it('no points is refused', () => {
    const empty: Dataset = {
      x: new Float64Array(0),
      y: new Float64Array(0),
      n: 0,
      d: 2,
      nPositive: 0,
    };
    expect(() => createSolver(empty, { reg: 0.01 })).toThrow(/at least one point/);
  });

  it('picks SMO up to SMO_MAX_POINTS and the bias search above', () => {
    expect(createSolver(article(), { reg: REG })).toBeInstanceOf(SmoSolver);
    const big = experiment({ nPerClass: SMO_MAX_POINTS / 2 + 1 }).data;
    expect(createSolver(big, { reg: REG })).toBeInstanceOf(BiasSearchThenSmo);
  });
});

describe('hand-over from the bias search to SMO', () => {
  // At λ = 1e-4 the fixed-b descent crawls near b* (400,000 sweeps here, 46 s); SMO from the
  // search's feasible α certifies 1e-9 in about a second.
  const data = experiment({ nPerClass: 2100, seed: 4 }).data;
  const make = () => createSolver(data, { reg: 1e-4, tol: 1e-9 });

  it('certifies what the bias search alone could not reach in its sweeps', () => {
    const s = make();
    const r = s.solve();
    expect(s.method).toBe('bias search over dual coordinate descent, then SMO');
    expect(r.status).toBe('optimal');
    const c = certificate(data, 1e-4, r.w, r.b, r.alpha);
    expect(c.boxViolation).toBe(0);
    expect(Math.abs(c.sumAlphaY)).toBeLessThan(1e-15);
    expect(c.primal - c.dual).toBeLessThanOrEqual(1e-9);
    // The same bits sliced differently: the hand-over point depends on the work, not the calls.
    const sliced = make();
    for (let k = 0; !sliced.done; k++) sliced.advance(k % 2 ? 997 : 50_000);
    expect(sliced.result().alpha).toEqual(r.alpha);
    expect(sliced.result().b).toBe(r.b);
  }, 60_000);
});
