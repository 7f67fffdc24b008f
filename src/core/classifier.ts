/**
 * The linear classifier: weights w ∈ R^d (Float64Array) and a bias b. decision(x) = w·x + b,
 * predict(x) = +1 when decision(x) >= 0, else −1.
 */
import type { PyRandom } from './py-random.ts';
import { decisionAt } from './hinge.ts';

export interface LinearModel {
  readonly w: Float64Array;
  b: number;
}

/**
 * The reference's initial classifier: each weight drawn gauss(0, 1/√d) from the same stream,
 * after the data; bias 0.
 */
export function initialModel(d: number, rng: PyRandom): LinearModel {
  const scale = 1.0 / Math.sqrt(d);
  const w = new Float64Array(d);
  for (let j = 0; j < d; j++) w[j] = rng.gauss(0.0, scale);
  return { w, b: 0.0 };
}

/** The decision value of row i of the row-major n×d matrix x. */
export function decision(model: LinearModel, x: Float64Array, i: number): number {
  return decisionAt(model.w, model.b, x, i);
}

/** The predicted label of row i: +1 when decision >= 0, else −1 (NaN predicts −1). */
export function predict(model: LinearModel, x: Float64Array, i: number): number {
  return decision(model, x, i) >= 0.0 ? 1.0 : -1.0;
}
