/**
 * The linear classifier: weights w ∈ R^d (Float64Array) and a bias b. Its decision value
 * w·x + b is hinge.ts's decisionAt; it labels a point +1 when that is >= 0, else −1 (the
 * accuracy of pass-kernels.ts).
 */
import type { PyRandom } from './py-random.ts';

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
