import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.ts';
import { evaluateWeights } from '../../src/core/evaluate.ts';
import { meanHingeLoss } from '../../src/core/hinge.ts';
import type { Optimizer } from '../../src/core/optimizer.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { supportVectorIndices } from '../../src/core/support-vectors.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { experiment, referenceTrain } from './helpers.ts';

const settings = { lr: 0.05, reg: 0.01 };

/** Drives any optimizer as the worker's run loop does: budgets of rows up to `epochs`. */
function drive(opt: Optimizer, epochs: number, budgets: number[]): number[] {
  const seenEpochs: number[] = [];
  let k = 0;
  for (;;) {
    if (opt.epochComplete) {
      seenEpochs.push(opt.epoch);
      if (opt.epoch >= epochs) return seenEpochs;
    }
    opt.advance(budgets[k++ % budgets.length]!);
  }
}

describe('full-batch GD as an Optimizer', () => {
  it('advance in any budgets stops at every epoch and gives step()’s bits and history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 9 }),
        (b) => {
          const budgets = b.some((r) => r > 0) ? b : [...b, 7];
          const { data, model } = experiment({ seed: 4, nPerClass: 40 });
          const opt: Optimizer = new Trainer(data, model, settings);
          expect(drive(opt, 12, budgets)).toEqual(Array.from({ length: 13 }, (_, t) => t));
          const whole = new Trainer(data, model, settings);
          whole.step(12);
          expect(Array.from(opt.w)).toEqual(Array.from(whole.w));
          expect(opt.b).toBe(whole.b);
          expect(opt.metrics()).toEqual(whole.evaluate());
          expect(Array.from(opt.history.objective.subarray(0, 12))).toEqual(
            Array.from(whole.history.objective.subarray(0, 12)),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('captures support vectors only when asked; finishEpoch(true) supplies them', () => {
    const { data, model } = experiment({ seed: 9, nPerClass: 200 });
    const opt: Optimizer = new Trainer(data, model, settings);
    opt.capture = false;
    drive(opt, 5, [64]);
    expect(opt.capturedSupportVectors()).toBeNull();
    const m = opt.finishEpoch(true);
    const truth = supportVectorIndices(data.x, data.y, opt.w, opt.b);
    expect(Array.from(opt.capturedSupportVectors()!)).toEqual(Array.from(truth));
    expect(m.svCount).toBe(truth.length);
    opt.capture = true;
    opt.advance(data.n);
    const next = supportVectorIndices(data.x, data.y, opt.w, opt.b);
    expect(Array.from(opt.capturedSupportVectors()!)).toEqual(Array.from(next));
  });

  it('new settings between epochs continue from the current weights', () => {
    const { data, model } = experiment();
    const opt: Optimizer = new Trainer(data, model, settings);
    drive(opt, 30, [25]);
    opt.setSettings({ lr: 0.2, reg: 0.05 });
    expect(opt.metrics().objective).toBe(
      opt.metrics().meanLoss + 0.5 * 0.05 * (opt.w[0]! ** 2 + opt.w[1]! ** 2),
    );
    drive(opt, 40, [25]);
    const mid = referenceTrain(data, model, 0.05, 0.01, 30);
    const end = referenceTrain(data, { w: mid.w, b: mid.b }, 0.2, 0.05, 10);
    expect(Array.from(opt.w)).toEqual(Array.from(end.w));
    expect(opt.b).toBe(end.b);
  });

  it('snapshot(into) reuses the state’s buffer; restore replays, reset starts over', () => {
    const { data, model } = experiment();
    const opt: Optimizer = new Trainer(data, model, settings);
    drive(opt, 3, [60]);
    const s = opt.snapshot();
    const buffer = s.w;
    drive(opt, 8, [60]);
    expect(opt.snapshot(s)).toBe(s);
    expect([s.epoch, s.w === buffer, s.b]).toEqual([8, true, opt.b]);
    const w8 = Array.from(opt.w);
    drive(opt, 11, [7]);
    opt.restore(s);
    expect([opt.epoch, opt.epochComplete, opt.history.length]).toEqual([8, false, 8]);
    expect(Array.from(opt.w)).toEqual(w8);
    opt.reset();
    expect([opt.epoch, opt.history.length, Array.from(opt.w)]).toEqual([0, 0, Array.from(model.w)]);
  });
});

describe('the general kernel at the kink', () => {
  /**
   * Points in random row order (so the general kernel runs, not the class-block ones), two of
   * them exactly on the margin of the initial weights: 1 − y·s == 0 in floating point.
   */
  function marginData(): { data: Dataset; w: Float64Array; b: number } {
    const w = Float64Array.of(0.5, 0.25);
    const b = 0.5;
    const rows: [number, number, number][] = [
      [1, 0, 1], // s = 1: m = 0 for y = +1
      [-3, 0, -1], // s = −1: m = 0 for y = −1
    ];
    const rng = new PyRandom(21);
    for (let k = 0; k < 60; k++) {
      const x0 = rng.random() * 6 - 3;
      const x1 = rng.random() * 6 - 3;
      rows.push([x0, x1, x0 - 0.6 * x1 + 0.4 >= 0 ? 1 : -1]);
    }
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rng.random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const x = Float64Array.from(rows.flatMap(([a, c]) => [a, c]));
    const y = Float64Array.from(rows, (r) => r[2]);
    const nPositive = y.filter((v) => v > 0).length;
    return { data: { x, y, n: rows.length, d: 2, nPositive }, w, b };
  }

  it('a point with m == 0 is no support vector and adds no gradient', () => {
    const { data, w, b } = marginData();
    const onMargin = [0, 1].map((k) =>
      Array.from(data.y).findIndex((_, i) => {
        const s = b + w[0]! * data.x[2 * i]! + w[1]! * data.x[2 * i + 1]!;
        return 1 - data.y[i]! * s === 0 && (k === 0 ? data.y[i]! > 0 : data.y[i]! < 0);
      }),
    );
    expect(onMargin.every((i) => i >= 0)).toBe(true);
    const truth = supportVectorIndices(data.x, data.y, w, b);
    for (const i of onMargin) expect(truth.includes(i)).toBe(false);
    const t = new Trainer(data, { w, b }, settings);
    expect(Array.from(t.supportVectors())).toEqual(Array.from(truth));
    expect(t.evaluate().meanLoss).toBe(meanHingeLoss(data.x, data.y, w, b));
    const sv = new Uint32Array(data.n);
    expect(evaluateWeights(data, w, b, 0.01, sv).svCount).toBe(truth.length);
    t.step(1);
    const ref = referenceTrain(data, { w, b }, settings.lr, settings.reg, 1);
    expect(Array.from(t.w)).toEqual(Array.from(ref.w));
    expect(t.b).toBe(ref.b);
  });
});
