import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateWeights } from '../../../src/core/evaluate.ts';
import { createSolver } from '../../../src/core/exact-solver.ts';
import { Dcd, type DcdState } from '../../../src/core/optimizers/dcd.ts';
import { continueRun, makeOptimizer } from '../../../src/core/optimizers/make-optimizer.ts';
import { DEFAULT_OPTIMIZER_CHOICE } from '../../../src/core/optimizers/optimizer-limits.ts';
import type { Optimizer } from '../../../src/core/optimizer.ts';
import { experiment } from '../helpers.ts';
import { referenceOrder, referenceStep, referenceSweeps, rows } from './dcd-reference.ts';

const HP = { lr: 0.05, reg: 0.01 };

function build(nPerClass = 40, hp = HP, seed = 4, trueW = [1, -0.6]) {
  const { data, model } = experiment({ seed, nPerClass, trueW });
  const opt = new Dcd(data, model, hp);
  opt.setSettings(hp);
  return { data, model, opt };
}

/** Drives an optimizer as the run loop does, in the given row budgets, up to `epochs`. */
function drive(opt: Optimizer, epochs: number, budgets: readonly number[], each?: () => void) {
  let k = 0;
  for (;;) {
    if (opt.epochComplete) {
      each?.();
      if (opt.epoch >= epochs) return;
    }
    opt.advance(budgets[k++ % budgets.length]!);
  }
}

const bits = (a: ArrayLike<number>) => Array.from(a);

describe('dcd against its plain reference', () => {
  it('one coordinate step', () => {
    const { data, opt } = build();
    drive(opt, 0, [1]);
    opt.advance(1); // moves past epoch 0 (α = 0, w = 0, b from the search), then one step
    const i = referenceOrder(data.y)[0]!;
    const w = [0, 0];
    const a = referenceStep(rows(data)[i]!, data.y[i]!, 0, w, opt.b, HP.reg, 1 / data.n);
    expect(a).toBeGreaterThan(0);
    expect(opt.alpha[i]).toBe(a);
    expect(bits(opt.w)).toEqual(w);
    expect(opt.alpha.filter((v) => v !== 0)).toHaveLength(1);
  });

  it.each([
    [2, [1, -0.6]],
    [3, [1, -0.6, 0.3]],
  ])(
    'sweeps at d = %i, epoch by epoch, at the biases the search chose (α and w bit for bit)',
    (_d, trueW) => {
      const { data, opt } = build(40, HP, 4, trueW);
      const bs: number[] = [];
      const seen: { alpha: number[]; w: number[] }[] = [];
      drive(opt, 150, [777], () => {
        if (opt.epoch === 0) return;
        bs.push(opt.b); // epoch t's (w_t, b_t): b_t is the bias sweep t ran at
        seen.push({ alpha: bits(opt.alpha), w: bits(opt.w) });
      });
      expect(new Set(bs).size).toBeGreaterThan(1); // the search moved b
      expect(seen).toEqual(referenceSweeps(data, HP.reg, bs));
    },
  );
});

describe('dcd as an Optimizer', () => {
  it('any slicing gives the same bits, history and gap', () => {
    const whole = build().opt;
    const gaps: number[] = [];
    drive(whole, 12, [1_000_000], () => gaps.push(whole.certifiedGap()));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 8 }),
        (b) => {
          const budgets = b.some((r) => r > 0) ? b : [...b, 5];
          const { opt } = build();
          const g: number[] = [];
          drive(opt, 12, budgets, () => g.push(opt.certifiedGap()));
          expect(g).toEqual(gaps);
          expect(bits(opt.w)).toEqual(bits(whole.w));
          expect(bits(opt.alpha)).toEqual(bits(whole.alpha));
          expect(opt.b).toBe(whole.b);
          expect(bits(opt.history.objective.subarray(0, 12))).toEqual(
            bits(whole.history.objective.subarray(0, 12)),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it("an epoch's metrics are those of its end weights, as evaluateWeights computes them", () => {
    const { data, opt } = build();
    drive(opt, 6, [50]);
    expect(opt.metrics()).toEqual(evaluateWeights(data, opt.w, opt.b, HP.reg));
    expect(opt.history.length).toBe(6);
  });

  it('a restored snapshot (taken mid-run, restored mid-epoch) continues with the same bits', () => {
    const { opt } = build();
    drive(opt, 120, [100]);
    const [w, alpha, b] = [bits(opt.w), bits(opt.alpha), opt.b];
    opt.reset();
    drive(opt, 9, [64]);
    const saved: DcdState = opt.snapshot();
    drive(opt, 100, [64]); // the search has moved b since epoch 9
    opt.advance(37); // mid-sweep, then back
    opt.restore(saved);
    expect([opt.epoch, opt.history.length]).toEqual([9, 9]);
    drive(opt, 120, [29]);
    expect([bits(opt.w), bits(opt.alpha), opt.b]).toEqual([w, alpha, b]);
  });

  it("restoring another optimizer's point restarts the dual there", () => {
    const { data, opt } = build();
    drive(opt, 10, [500]);
    opt.restore({ epoch: 4, w: Float64Array.of(0.5, -0.25), b: 0.125 });
    drive(opt, 5, [500]);
    expect(opt.b).toBe(0.125);
    expect(bits(opt.alpha)).toEqual(referenceSweeps(data, HP.reg, [0.125])[0]!.alpha);
  });

  it('reuses a state it made; captures support vectors on demand', () => {
    const { data, opt } = build();
    drive(opt, 3, [64]);
    const s = opt.snapshot();
    drive(opt, 5, [64]);
    expect(opt.snapshot(s)).toBe(s);
    expect(s.epoch).toBe(5);
    opt.capture = false;
    drive(opt, 6, [64]);
    expect(opt.capturedSupportVectors()).toBeNull();
    opt.finishEpoch(true);
    const sv = new Uint32Array(data.n);
    const m = evaluateWeights(data, opt.w, opt.b, HP.reg, sv);
    expect(bits(opt.capturedSupportVectors()!)).toEqual(bits(sv.subarray(0, m.svCount)));
  });

  it('a new λ restarts the dual at α = 0 at the current b; lr changes nothing', () => {
    const { data, opt } = build();
    drive(opt, 5, [500]);
    const b5 = opt.b;
    opt.setSettings({ lr: 3, reg: 0.1 });
    expect(opt.certifiedGap()).toBe(opt.metrics().objective); // no dual for λ = 0.1 yet
    drive(opt, 6, [500]);
    expect(opt.b).toBe(b5);
    const [first] = referenceSweeps(data, 0.1, [b5]);
    expect(bits(opt.alpha)).toEqual(first!.alpha);
    expect(bits(opt.w)).toEqual(first!.w);
    const same = build().opt;
    drive(same, 5, [500]);
    same.setSettings({ lr: 7, reg: HP.reg });
    drive(same, 12, [500]);
    const plain = build().opt;
    drive(plain, 12, [500]);
    expect(bits(same.alpha)).toEqual(bits(plain.alpha));
  });

  it.each([1, -1])(
    'one class only (y = %i): ends at P = 0 with a gap of 0, never spinning',
    (y) => {
      const n = 10;
      const x = Float64Array.from({ length: 2 * n }, (_, k) => Math.sin(k + 1));
      const data = { x, y: new Float64Array(n).fill(y), n, d: 2, nPositive: y > 0 ? n : 0 };
      const opt = new Dcd(data, { w: Float64Array.of(0.3, -0.2), b: 0 }, HP);
      opt.setSettings(HP);
      drive(opt, 1000, [64]);
      expect([opt.metrics().objective, opt.certifiedGap(), bits(opt.w)]).toEqual([0, 0, [0, 0]]);
      expect(opt.b * y).toBeGreaterThanOrEqual(1); // every point on or beyond its margin
    },
  );

  it('refuses λ <= 0, naming the field', () => {
    expect(() => build().opt.setSettings({ lr: 0.05, reg: 0 })).toThrow(
      /reg must be .*> 0 for dcd/u,
    );
  });
});

describe('convergence to the exact solver’s P* (λ = 0.01, 4,200 points)', () => {
  const { data, model } = experiment({ seed: 3, nPerClass: 2100 });
  const pStar = createSolver(data, { reg: 0.01, tol: 1e-12 }).solve().primal;

  it('the gap is always a bound of P − P* and falls to 1e-9; P comes within 1e-9 of P*', () => {
    const opt = new Dcd(data, model, HP);
    opt.setSettings(HP);
    const gaps: number[] = [];
    drive(opt, 400, [1 << 16], () => {
      const p = opt.metrics().objective;
      const gap = opt.certifiedGap();
      expect(gap).toBeGreaterThanOrEqual(p - pStar - 1e-12);
      expect(p).toBeGreaterThanOrEqual(pStar - 1e-12);
      gaps.push(gap);
    });
    const best = (from: number, to: number) => Math.min(...gaps.slice(from, to));
    expect(best(1, 20)).toBeGreaterThan(1e-4);
    expect(best(20, 100)).toBeLessThan(best(1, 20));
    expect(best(100, 401)).toBeLessThan(best(20, 100));
    expect(best(100, 401)).toBeLessThanOrEqual(1e-9);
    expect(opt.metrics().objective - pStar).toBeLessThanOrEqual(1e-9);
  });
});

describe('continueRun from gd to dcd', () => {
  it('carries weights, epoch and history; the dual starts at the gd run’s b and converges', () => {
    const { data, model } = experiment({ seed: 3, nPerClass: 2100 });
    const gd = makeOptimizer({ ...DEFAULT_OPTIMIZER_CHOICE }, data, model, HP, 1);
    drive(gd, 20, [1 << 20]);
    const next = makeOptimizer(
      { ...DEFAULT_OPTIMIZER_CHOICE, optimizer: 'dcd' },
      data,
      model,
      HP,
      1,
    );
    continueRun(gd, next);
    const dcd = next as Dcd;
    expect([dcd.epoch, dcd.b]).toEqual([20, gd.b]);
    expect(bits(dcd.w)).toEqual(bits(gd.w));
    drive(dcd, 20, [999]);
    expect(dcd.metrics()).toEqual(gd.metrics()); // epoch 20 is gd's point
    expect(dcd.certifiedGap()).toBe(gd.metrics().objective); // no dual yet: L = D(0) = 0
    drive(dcd, 21, [999]);
    expect(dcd.b).toBe(gd.b); // the first sweep runs at gd's bias
    expect(bits(dcd.alpha)).toEqual(referenceSweeps(data, HP.reg, [gd.b])[0]!.alpha);
    expect(dcd.history.objective[20]).toBe(gd.metrics().objective);
    const pStar = createSolver(data, { reg: 0.01, tol: 1e-12 }).solve().primal;
    drive(dcd, 400, [1 << 16]);
    expect(dcd.metrics().objective - pStar).toBeLessThan(1e-6);
    dcd.reset();
    expect(bits(dcd.w)).toEqual(bits(model.w));
  });
});
