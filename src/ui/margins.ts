/**
 * The hinge panel's numbers: the margins m = y·s of the display sample under the current weights
 * (s = b + w·x, summed in the core's order) and their histogram. O(sample · d); no allocation when
 * the caller passes buffers.
 */

/**
 * m[k] = y[k]·(b + Σ_j w[j]·x[k·d + j]) for the sample's rows; x row-major k×d, y ±1. Writes into
 * `out` (length >= y.length) and returns the filled view.
 */
export function sampleMargins(
  x: Float64Array,
  y: Float64Array,
  w: ArrayLike<number>,
  b: number,
  out: Float64Array = new Float64Array(y.length),
): Float64Array {
  const d = w.length;
  const k = y.length;
  for (let i = 0; i < k; i++) {
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
    out[i] = y[i]! * s;
  }
  return out.subarray(0, k);
}

/**
 * Counts of values in `bins` equal bins over [lo, hi): values below lo count in the first bin,
 * values at or above hi in the last (so nothing is hidden), NaN nowhere.
 */
export function histogram(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
  out: Uint32Array = new Uint32Array(bins),
): Uint32Array {
  out.fill(0);
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const k = Math.floor((v - lo) / width);
    out[k < 0 ? 0 : k >= bins ? bins - 1 : k]!++;
  }
  return out;
}

/** How many margins pay (1 − m > 0) and their mean hinge loss over all the values. */
export function hingeSummary(margins: ArrayLike<number>): { paying: number; meanLoss: number } {
  let paying = 0;
  let sum = 0;
  for (let i = 0; i < margins.length; i++) {
    const loss = 1 - margins[i]!;
    if (loss > 0) {
      paying++;
      sum += loss;
    }
  }
  return { paying, meanLoss: margins.length > 0 ? sum / margins.length : 0 };
}
