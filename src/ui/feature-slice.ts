/**
 * The classifier plot's view of a dataset of any dimension d >= 1: two chosen features on the
 * axes, and the model cut through the other features at their means.
 *
 * The score of a point x is s(x) = b + Σ_k w_k·x_k. Holding every feature but i and j at its
 * mean m_k leaves a line in the (x_i, x_j) plane: w' = (w_i, w_j) and
 * b' = b + Σ_{k ∉ {i, j}} w_k·m_k (summed in k order). For d = 2 with (i, j) = (0, 1) that is the
 * model itself, bit for bit. For d = 1 there is no second feature: the vertical axis is a fixed
 * spread of the points in [−1, 1] (no feature at all), and w' = (w_0, 0), so the decision
 * boundary is the vertical line x_0 = −b/w_0.
 */

/** The features on the plot's axes: i across, j up (null when d = 1: the spread). */
export interface PlotFeatures {
  i: number;
  j: number | null;
}

/** What the plot draws of a dataset: the sample in the chosen plane and its bounds. */
export interface PlaneView {
  /** The sample's points in the plane, row-major sample × 2. */
  sampleX: Float64Array;
  /** Bounds of the two axes over all n points (the spread's are [−1, 1]). */
  min: [number, number];
  max: [number, number];
}

/** The first two features, or (0, spread) for d = 1. */
export function defaultFeatures(d: number): PlotFeatures {
  return d >= 2 ? { i: 0, j: 1 } : { i: 0, j: null };
}

/** The chosen features if they fit d and differ, else the defaults. */
export function validFeatures(f: PlotFeatures, d: number): PlotFeatures {
  const inRange = (k: number) => Number.isInteger(k) && k >= 0 && k < d;
  if (d < 2) return defaultFeatures(d);
  if (f.j === null || !inRange(f.i) || !inRange(f.j) || f.i === f.j) return defaultFeatures(d);
  return f;
}

/** Whether the view is the data itself (d = 2, the features in order): nothing is sliced. */
export function isWholeModel(f: PlotFeatures, d: number): boolean {
  return d === 2 && f.i === 0 && f.j === 1;
}

/** (w', b') of the line in the plane: the model sliced at the other features' means. */
export function sliceModel(
  w: ArrayLike<number>,
  b: number,
  f: PlotFeatures,
  mean: readonly number[],
): { w: Float64Array; b: number } {
  let bias = b;
  for (let k = 0; k < w.length; k++) {
    if (k !== f.i && k !== f.j) bias += w[k]! * (mean[k] ?? 0);
  }
  return { w: Float64Array.of(w[f.i] ?? 0, f.j === null ? 0 : (w[f.j] ?? 0)), b: bias };
}

/** The k-th point's place on the spread axis (d = 1): a fixed low-discrepancy walk over [−1, 1]. */
export function spread(k: number): number {
  const golden = 0.6180339887498949;
  return (((k + 1) * golden) % 1) * 2 - 1;
}

/**
 * The sample (row-major m × d) in the chosen plane, and the bounds of the two axes from the
 * dataset's per-feature min and max.
 */
export function planeView(
  sampleX: Float64Array,
  d: number,
  f: PlotFeatures,
  min: readonly number[],
  max: readonly number[],
): PlaneView {
  const m = d > 0 ? sampleX.length / d : 0;
  const out = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) {
    out[2 * k] = sampleX[k * d + f.i]!;
    out[2 * k + 1] = f.j === null ? spread(k) : sampleX[k * d + f.j]!;
  }
  const lo = f.j === null ? -1 : min[f.j]!;
  const hi = f.j === null ? 1 : max[f.j]!;
  return { sampleX: out, min: [min[f.i]!, lo], max: [max[f.i]!, hi] };
}

/** The axis names: the file's header names when it had them, else x₁, x₂, … (1-based). */
export function featureName(k: number | null, names: readonly string[] | null): string {
  if (k === null) return 'spread (no feature)';
  const given = names?.[k];
  return given ? given : `x${subscript(k + 1)}`;
}

function subscript(n: number): string {
  return String(n).replace(/\d/g, (c) => String.fromCharCode(0x2080 + Number(c)));
}

/** The caption under the plot: what the picture is of, and what it leaves out. */
export function sliceCaption(d: number, f: PlotFeatures, names: readonly string[] | null): string {
  if (d === 1) {
    return (
      `One feature: ${featureName(0, names)} across; the vertical spread is no feature, ` +
      `only there to separate the points. The boundary is the line where w·x + b = 0.`
    );
  }
  if (d === 2) return '';
  const a = featureName(f.i, names);
  const c = featureName(f.j, names);
  return (
    `${a} against ${c} of ${d} features: the decision boundary and margins are the slice ` +
    `through the other ${d - 2} features at their means; training, metrics and exports use all ${d}.`
  );
}
