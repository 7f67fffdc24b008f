import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateWeights } from '../../../src/core/evaluate.ts';
import { createSolver } from '../../../src/core/exact-solver.ts';
import { continueRun, makeOptimizer } from '../../../src/core/optimizers/make-optimizer.ts';
import {
  DEFAULT_OPTIMIZER_CHOICE,
  type OptimizerChoice,
} from '../../../src/core/optimizers/optimizer-limits.ts';
import type { Optimizer, OptimizerState } from '../../../src/core/optimizer.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { experiment } from '../helpers.ts';
import { referenceMinibatch, referenceMomentum, referencePegasos } from './reference.ts';

const SEED = 11;

/** Drives any optimizer as the run loop does, in the given row budgets, up to `epochs`. */
function drive(opt: Optimizer, epochs: number, budgets: readonly number[]): number[] {
  const seen: number[] = [];
  let k = 0;
  for (;;) {
    if (opt.epochComplete) {
      seen.push(opt.epoch);
      if (opt.epoch >= epochs) return seen;
    }
    opt.advance(budgets[k++ % budgets.length]!);
  }
}

function build(choice: Partial<OptimizerChoice>, nPerClass = 40, hp = { lr: 0.05, reg: 0.01 }) {
  const { data, model } = experiment({ seed: 4, nPerClass });
  const opt = makeOptimizer({ ...DEFAULT_OPTIMIZER_CHOICE, ...choice }, data, model, hp, SEED);
  opt.setSettings(hp);
  return { data, model, opt };
}

const bits = (a: Float64Array) => Array.from(a);

describe('each update rule against its plain reference', () => {
  it.each([true, false])('pegasos, project %s', (project) => {
    const { data, model, opt } = build({ optimizer: 'pegasos', project: project ? 'on' : 'off' });
    drive(opt, 7, [1000]);
    const ref = referencePegasos(data, model, {
      lr: 0.05,
      reg: 0.01,
      project,
      seed: SEED,
      epochs: 7,
    });
    expect(bits(opt.w)).toEqual(bits(ref.w));
    expect(opt.b).toBe(ref.b);
  });

  it.each([
    [1, 'constant'],
    [7, 'inverse'],
    [32, 'inverse-sqrt'],
    [500, 'constant'],
  ] as const)('sgd, batch %i, schedule %s', (batchSize, schedule) => {
    const { data, model, opt } = build({ optimizer: 'sgd', batchSize, schedule });
    drive(opt, 6, [1000]);
    const ref = referenceMinibatch(data, model, {
      ...{ lr: 0.05, reg: 0.01, batchSize, schedule, seed: SEED, epochs: 6 },
    });
    expect(bits(opt.w)).toEqual(bits(ref.w));
    expect(opt.b).toBe(ref.b);
  });

  it.each(['heavy-ball', 'nesterov'] as const)('momentum, %s', (kind) => {
    const { data, model, opt } = build({ optimizer: 'momentum', beta: 0.8, momentum: kind });
    drive(opt, 9, [1000]);
    const ref = referenceMomentum(data, model, {
      ...{ lr: 0.05, reg: 0.01, beta: 0.8, nesterov: kind === 'nesterov', epochs: 9 },
    });
    expect(bits(opt.w)).toEqual(bits(ref.w));
    expect(opt.b).toBe(ref.b);
  });

  it('momentum with beta 0 is GD, bit for bit, history included', () => {
    const { data, model, opt } = build({ optimizer: 'momentum', beta: 0 });
    drive(opt, 30, [33]);
    const gd = new Trainer(data, model, { lr: 0.05, reg: 0.01 });
    gd.step(30);
    expect(bits(opt.w)).toEqual(bits(gd.w));
    expect(opt.b).toBe(gd.b);
    expect(bits(opt.history.objective.subarray(0, 30))).toEqual(
      bits(gd.history.objective.subarray(0, 30)),
    );
  });
});

const CHOICES: [string, Partial<OptimizerChoice>][] = [
  ['pegasos', { optimizer: 'pegasos' }],
  ['sgd', { optimizer: 'sgd', batchSize: 7, schedule: 'inverse' }],
  ['momentum', { optimizer: 'momentum', momentum: 'nesterov' }],
];

describe.each(CHOICES)('%s as an Optimizer', (_name, choice) => {
  it('any slicing gives the same bits and history', () => {
    const whole = build(choice).opt;
    drive(whole, 8, [1_000_000]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 8 }),
        (b) => {
          const budgets = b.some((r) => r > 0) ? b : [...b, 5];
          const { opt } = build(choice);
          expect(drive(opt, 8, budgets)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
          expect(bits(opt.w)).toEqual(bits(whole.w));
          expect(opt.b).toBe(whole.b);
          expect(bits(opt.history.objective.subarray(0, 8))).toEqual(
            bits(whole.history.objective.subarray(0, 8)),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it("an epoch's metrics are those of its end weights, as evaluateWeights computes them", () => {
    const { data, opt } = build(choice);
    drive(opt, 5, [50]);
    expect(opt.metrics()).toEqual(evaluateWeights(data, opt.w, opt.b, 0.01));
    expect(opt.history.length).toBe(5);
  });

  it('a restored snapshot continues with the same bits; reset starts over', () => {
    const { opt } = build(choice);
    drive(opt, 3, [64]);
    const saved: OptimizerState = opt.snapshot();
    drive(opt, 6, [64]);
    const w6 = bits(opt.w);
    opt.advance(37); // mid-epoch, then back
    opt.restore(saved);
    expect(opt.epoch).toBe(3);
    expect(opt.history.length).toBe(3);
    drive(opt, 6, [29]);
    expect(bits(opt.w)).toEqual(w6);
    opt.reset();
    drive(opt, 6, [101]);
    expect(bits(opt.w)).toEqual(w6);
  });

  it('captures support vectors when asked, and finishEpoch(true) supplies them', () => {
    const { data, opt } = build(choice);
    opt.capture = false;
    drive(opt, 2, [64]);
    expect(opt.capturedSupportVectors()).toBeNull();
    opt.finishEpoch(true);
    const sv = new Uint32Array(data.n);
    const m = evaluateWeights(data, opt.w, opt.b, 0.01, sv);
    expect(Array.from(opt.capturedSupportVectors()!)).toEqual(
      Array.from(sv.subarray(0, m.svCount)),
    );
  });
});

describe('convergence towards the exact optimum (λ = 0.01, 400 points)', () => {
  const { data } = experiment({ seed: 4, nPerClass: 200 });
  const pStar = createSolver(data, { reg: 0.01 }).solve().primal;

  it.each([
    ['pegasos', { optimizer: 'pegasos' }, 200, 3e-4],
    ['sgd', { optimizer: 'sgd', batchSize: 8, schedule: 'inverse-sqrt' }, 200, 3e-4],
    ['momentum', { optimizer: 'momentum', beta: 0.9 }, 2000, 5e-5],
  ] as [string, Partial<OptimizerChoice>, number, number][])(
    '%s comes within the tolerance of P*',
    (_name, choice, epochs, tol) => {
      const { opt } = build(choice, 200, { lr: 0.1, reg: 0.01 });
      drive(opt, epochs, [4096]);
      const p = opt.metrics().objective;
      expect(p).toBeGreaterThanOrEqual(pStar - 1e-12);
      expect(p - pStar).toBeLessThan(tol);
    },
  );
});

describe('continueRun', () => {
  it("carries weights, epoch and history over; reset goes back to next's initial weights", () => {
    const { data, model, opt: gd } = build({ optimizer: 'gd' });
    drive(gd, 12, [1000]);
    const next = makeOptimizer(
      { ...DEFAULT_OPTIMIZER_CHOICE, optimizer: 'momentum' },
      ...([data, model, { lr: 0.05, reg: 0.01 }, SEED] as const),
    );
    continueRun(gd, next);
    expect(next.epoch).toBe(12);
    expect(bits(next.w)).toEqual(bits(gd.w));
    expect(bits(next.history.objective.subarray(0, 12))).toEqual(
      bits(gd.history.objective.subarray(0, 12)),
    );
    drive(next, 13, [1000]);
    expect(next.history.length).toBe(13);
    expect(next.history.objective[12]).toBe(gd.metrics().objective); // epoch 12's own metrics
    next.reset();
    expect(bits(next.w)).toEqual(bits(model.w));
    expect(next.history.length).toBe(0);
  });

  it('keeps the window of history still held (entries before base were sent on)', () => {
    const { data, model, opt: gd } = build({ optimizer: 'gd' });
    drive(gd, 12, [1000]);
    gd.history.release(9);
    const next = makeOptimizer(
      { ...DEFAULT_OPTIMIZER_CHOICE, optimizer: 'sgd' },
      ...([data, model, { lr: 0.05, reg: 0.01 }, SEED] as const),
    );
    continueRun(gd, next);
    const [h, nh] = [gd.history, next.history];
    expect([nh.base, nh.length]).toEqual([9, 12]);
    for (let t = 9; t < 12; t++) {
      expect(nh.objective[nh.offset(t)]).toBe(h.objective[h.offset(t)]);
    }
  });
});
