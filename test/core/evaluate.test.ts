import { describe, expect, it } from 'vitest';
import { evaluateWeights } from '../../src/core/evaluate.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { experiment } from './helpers.ts';

describe('evaluateWeights', () => {
  it('agrees bit for bit with the trainer’s metrics and support vectors', () => {
    const { data, model } = experiment({ seed: 2, nPerClass: 300 });
    const t = new Trainer(data, model, { lr: 0.05, reg: 0.02 });
    t.step(17);
    const m = t.evaluate();
    const sv = new Uint32Array(data.n);
    expect(evaluateWeights(data, t.w, t.b, 0.02, sv)).toEqual(m);
    expect(Array.from(sv.subarray(0, m.svCount))).toEqual(Array.from(t.supportVectors()));
  });

  it('follows the reference on non-finite weights (NaN margins cost nothing)', () => {
    const { data } = experiment();
    const m = evaluateWeights(data, Float64Array.of(NaN, NaN), 0, 0);
    expect(m.meanLoss).toBe(0);
    expect(m.svCount).toBe(0);
    expect(m.objective).toBeNaN();
  });
});
