/**
 * Hinge loss and its subgradient, for one example and over a batch. These are the plain,
 * obviously-correct forms; the trainer fuses the same arithmetic into one pass.
 *
 * For a label y ∈ {−1, +1} and a decision value s = w·x + b, the margin violation is
 * m = 1 − y·s, the loss is max(0, m), and the subgradient with respect to (w, b) is
 * (−y·x, −y) where m > 0 and zero elsewhere (we take the zero subgradient at the kink m = 0,
 * as the article does).
 */

/** The hinge loss max(0, 1 − y·s). NaN margins count as zero, as in the reference. */
export function hingeLoss(y: number, s: number): number {
  const m = 1.0 - y * s;
  return m > 0.0 ? m : 0.0;
}

/**
 * Writes the subgradient of the hinge loss with respect to w into `gradW` (length d; the point
 * is x[offset .. offset+d)) and returns the subgradient with respect to b. Zero exactly where the
 * loss is zero (m <= 0); a NaN margin takes the active branch, as in the article.
 */
export function hingeSubgradient(
  y: number,
  s: number,
  x: ArrayLike<number>,
  gradW: Float64Array,
  offset = 0,
): number {
  const d = gradW.length;
  if (1.0 - y * s <= 0.0) {
    gradW.fill(0.0);
    return 0.0;
  }
  for (let j = 0; j < d; j++) gradW[j] = -y * x[offset + j]!;
  return -y;
}

/** s = b + w[0]·x[i·d] + … + w[d−1]·x[i·d+d−1], summed left to right (the reference's order). */
export function decisionAt(w: Float64Array, b: number, x: Float64Array, i: number): number {
  const d = w.length;
  let s = b;
  for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
  return s;
}

/** Mean hinge loss over n points: (1/n)·Σ max(0, 1 − y_i·s_i), summed in row order. */
export function meanHingeLoss(x: Float64Array, y: Float64Array, w: Float64Array, b: number) {
  const n = y.length;
  let sum = 0.0;
  for (let i = 0; i < n; i++) sum += hingeLoss(y[i]!, decisionAt(w, b, x, i));
  return sum / n;
}

/**
 * Gradient of the mean hinge loss plus reg/2·‖w‖²: writes (1/n)·Σ g_i + reg·w into `gradW`
 * and returns (1/n)·Σ g_b,i. Summed in row order, as the reference's train() does.
 */
export function batchHingeGradient(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  reg: number,
  gradW: Float64Array,
): number {
  const n = y.length;
  const d = w.length;
  const g = new Float64Array(d); // one scratch row per call, not per point
  gradW.fill(0.0);
  let gradB = 0.0;
  for (let i = 0; i < n; i++) {
    const gb = hingeSubgradient(y[i]!, decisionAt(w, b, x, i), x, g, i * d);
    for (let j = 0; j < d; j++) gradW[j] = gradW[j]! + g[j]!;
    gradB += gb;
  }
  for (let j = 0; j < d; j++) gradW[j] = gradW[j]! / n + reg * w[j]!;
  return gradB / n;
}
