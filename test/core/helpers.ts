/** Test helpers: small seeded experiments and the reference's training loop in plain form. */
import { initialModel, type LinearModel } from '../../src/core/classifier.ts';
import { generateDataset, type Dataset } from '../../src/core/dataset.ts';
import { batchHingeGradient } from '../../src/core/hinge.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_RECIPE, type Recipe } from '../../src/core/recipe.ts';

export function experiment(overrides: Partial<Recipe> = {}): { data: Dataset; model: LinearModel } {
  const recipe = { ...DEFAULT_RECIPE, ...overrides };
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset(recipe, rng);
  return { data, model: initialModel(data.d, rng) };
}

/** The reference's train(): k epochs of the plain batch gradient, written independently. */
export function referenceTrain(
  data: Dataset,
  model: LinearModel,
  lr: number,
  reg: number,
  k: number,
): { w: Float64Array; b: number } {
  const w = Float64Array.from(model.w);
  let b = model.b;
  const g = new Float64Array(data.d);
  for (let e = 0; e < k; e++) {
    const gb = batchHingeGradient(data.x, data.y, w, b, reg, g);
    for (let j = 0; j < data.d; j++) w[j] = w[j]! - lr * g[j]!;
    b = b - lr * gb;
  }
  return { w, b };
}
