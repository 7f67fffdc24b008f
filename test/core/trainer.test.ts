import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanHingeLoss } from '../../src/core/hinge.ts';
import { supportVectorIndices } from '../../src/core/support-vectors.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { experiment, referenceTrain } from './helpers.ts';

const settings = { lr: 0.05, reg: 0.01 };

describe('Trainer', () => {
  it('the article: 400 epochs give w = (+1.638, -1.006), b = +0.545 and the reference bits', () => {
    const { data, model } = experiment();
    const t = new Trainer(data, model, settings);
    t.step(400);
    const ref = referenceTrain(data, model, 0.05, 0.01, 400);
    expect(Array.from(t.w)).toEqual(Array.from(ref.w));
    expect(t.b).toBe(ref.b);
    expect(t.w[0]!.toFixed(3)).toBe('1.638');
    expect(t.w[1]!.toFixed(3)).toBe('-1.006');
    expect(t.b.toFixed(3)).toBe('0.545');
    const m = t.evaluate();
    expect(m.svCount).toBe(15);
    expect(m.meanLoss.toFixed(4)).toBe('0.1480');
  });

  it('matches the plain reference loop bit for bit, for d = 2 and other d', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 1e-4, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (seed, nPerClass, trueW, lr, reg, epochs) => {
          const { data, model } = experiment({ seed, nPerClass, trueW, trueB: 0.1, noise: 1 });
          const t = new Trainer(data, model, { lr, reg });
          t.step(epochs);
          const ref = referenceTrain(data, model, lr, reg, epochs);
          expect(Array.from(t.w)).toEqual(Array.from(ref.w));
          expect(t.b).toBe(ref.b);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('step(a) then step(b) equals step(a + b), bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }), (a, b) => {
        const { data, model } = experiment({ seed: 3 });
        const one = new Trainer(data, model, settings);
        one.step(a);
        one.step(b);
        const two = new Trainer(data, model, settings);
        two.step(a + b);
        expect(Array.from(one.w)).toEqual(Array.from(two.w));
        expect(one.b).toBe(two.b);
        expect(Array.from(one.history.meanLoss.subarray(0, a + b))).toEqual(
          Array.from(two.history.meanLoss.subarray(0, a + b)),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('a pass split into any slices gives the same bits as one pass', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 30 }),
        (slices) => {
          const { data, model } = experiment({ seed: 11, nPerClass: 50 });
          const whole = new Trainer(data, model, settings);
          whole.step(5);
          const sliced = new Trainer(data, model, settings);
          let k = 0;
          while (sliced.epoch < 5) {
            if (sliced.scan(slices[k++ % slices.length]!)) sliced.commit();
          }
          expect(Array.from(sliced.w)).toEqual(Array.from(whole.w));
          expect(sliced.b).toBe(whole.b);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('records the metrics of each epoch’s starting weights', () => {
    const { data, model } = experiment();
    const t = new Trainer(data, model, settings);
    const w0 = Float64Array.from(t.w);
    t.step(1);
    expect(t.history.length).toBe(1);
    expect(t.history.meanLoss[0]).toBe(meanHingeLoss(data.x, data.y, w0, 0));
    expect(t.history.svCount[0]).toBe(34); // the article: 34 of 60 before training
    expect(t.history.meanLoss[0]!.toFixed(4)).toBe('0.5306');
    const m = t.evaluate();
    expect(m.svCount).toBe(supportVectorIndices(data.x, data.y, t.w, t.b).length);
    expect(m.objective).toBe(m.meanLoss + 0.5 * 0.01 * (t.w[0]! ** 2 + t.w[1]! ** 2));
  });

  it('support vectors are exactly the points with positive loss', () => {
    const { data, model } = experiment({ seed: 5, nPerClass: 80 });
    const t = new Trainer(data, model, settings);
    for (const epochs of [0, 1, 7, 50]) {
      t.step(epochs);
      const sv = Array.from(t.supportVectors());
      const expected = supportVectorIndices(data.x, data.y, t.w, t.b);
      expect(sv).toEqual(Array.from(expected));
    }
  });

  it('accuracy counts predictions (decision >= 0 means +1) equal to the label', () => {
    const { data, model } = experiment({ seed: 8 });
    const t = new Trainer(data, model, settings);
    t.step(20);
    let correct = 0;
    for (let i = 0; i < data.n; i++) {
      const s = t.b + t.w[0]! * data.x[2 * i]! + t.w[1]! * data.x[2 * i + 1]!;
      if ((s >= 0 ? 1 : -1) === data.y[i]) correct++;
    }
    expect(t.evaluate().accuracy).toBe(correct / data.n);
  });

  it('diverging weights follow the reference’s branches exactly (NaN margins)', () => {
    const { data, model } = experiment({ seed: 3 });
    const t = new Trainer(data, model, { lr: 1e305, reg: 0.01 });
    t.step(30);
    const ref = referenceTrain(data, model, 1e305, 0.01, 30);
    expect(t.diverged).toBe(true);
    expect(Array.from(t.w)).toEqual(Array.from(ref.w));
    expect(t.b).toBe(ref.b);
  });

  it('reset returns to the initial weights and replays the same run', () => {
    const { data, model } = experiment();
    const t = new Trainer(data, model, settings);
    t.step(13);
    const w13 = Array.from(t.w);
    t.reset();
    expect(t.epoch).toBe(0);
    expect(Array.from(t.w)).toEqual(Array.from(model.w));
    t.step(13);
    expect(Array.from(t.w)).toEqual(w13);
  });

  it('restores an earlier epoch it saved, mid-pass too, and replays the same bits', () => {
    const { data, model } = experiment();
    const straight = new Trainer(data, model, settings);
    straight.step(9);
    const t = new Trainer(data, model, settings);
    t.step(6);
    const six = t.snapshot();
    t.step(1);
    t.scan(17); // half way through the pass over w_7
    t.restore(six);
    expect([t.epoch, t.history.length, t.rowsScanned]).toEqual([6, 6, 0]);
    t.step(3);
    expect(Array.from(t.w)).toEqual(Array.from(straight.w));
    expect(t.b).toBe(straight.b);
    expect(Array.from(t.history.meanLoss.subarray(0, 9))).toEqual(
      Array.from(straight.history.meanLoss.subarray(0, 9)),
    );
    const later = { ...six, epoch: 10 };
    expect(() => t.restore(later)).toThrow(/restore needs a state of epoch in \[0, 9\], got 10/);
    const narrow = { ...six, w: Float64Array.of(1) };
    expect(() => t.restore(narrow)).toThrow(/weights have length 1, d = 2/);
  });

  it('gives the same bits with and without support-vector capture', () => {
    const { data, model } = experiment({ seed: 6, nPerClass: 500 });
    const a = new Trainer(data, model, settings);
    const b = new Trainer(data, model, settings);
    b.capture = false;
    a.step(25);
    b.step(25);
    expect(Array.from(b.w)).toEqual(Array.from(a.w));
    expect(b.evaluate()).toEqual(a.evaluate());
    expect(b.passCaptured).toBe(false);
    expect(Array.from(b.supportVectors())).toEqual(Array.from(a.supportVectors()));
  });

  it('handles labels in any order (general kernel) like the reference', () => {
    const { data, model } = experiment({ seed: 10, nPerClass: 60 });
    // Interleave the classes: the class-block kernels no longer apply.
    const order = Array.from({ length: data.n }, (_, i) => (i % 2 ? 60 + (i >> 1) : i >> 1));
    const x = Float64Array.from(order.flatMap((i) => [data.x[2 * i]!, data.x[2 * i + 1]!]));
    const y = Float64Array.from(order, (i) => data.y[i]!);
    const mixed = { ...data, x, y };
    const t = new Trainer(mixed, model, settings);
    t.step(40);
    const ref = referenceTrain(mixed, model, 0.05, 0.01, 40);
    expect(Array.from(t.w)).toEqual(Array.from(ref.w));
    expect(t.b).toBe(ref.b);
  });

  it('refuses weights of the wrong dimension', () => {
    const { data } = experiment();
    expect(() => new Trainer(data, { w: new Float64Array(3), b: 0 }, settings)).toThrow(/d = 2/);
  });
});
