/**
 * A 2-D histogram of all n points per class, so a picture of millions of points stays honest
 * when only a sample is drawn as marks.
 *
 * Layout: counts are row-major bins×bins per class, row 0 at the top (largest x1), column 0 at
 * the left (smallest x0), over the square [lo, hi]²; points outside it are not counted.
 */
export interface Density {
  bins: number;
  lo: number;
  hi: number;
  /** Counts of +1 points, bins×bins row-major, row 0 at x1 = hi. */
  positive: Uint32Array;
  /** Counts of −1 points, same layout. */
  negative: Uint32Array;
  /** The largest count in any bin of either class. */
  max: number;
}

/** Bins the first two coordinates of row-major n×d points x with labels y (d >= 2). */
export function density2d(
  x: Float64Array,
  y: Float64Array,
  d: number,
  bins: number,
  lo: number,
  hi: number,
): Density {
  const positive = new Uint32Array(bins * bins);
  const negative = new Uint32Array(bins * bins);
  const scale = bins / (hi - lo);
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const c = Math.floor((x[i * d]! - lo) * scale);
    const r = Math.floor((hi - x[i * d + 1]!) * scale);
    // Points exactly on the upper edge belong to the last bin.
    const col = c === bins ? bins - 1 : c;
    const row = r === bins ? bins - 1 : r;
    if (col < 0 || col >= bins || row < 0 || row >= bins) continue;
    if (y[i]! > 0) positive[row * bins + col]!++;
    else negative[row * bins + col]!++;
  }
  let max = 0;
  for (let k = 0; k < bins * bins; k++) max = Math.max(max, positive[k]!, negative[k]!);
  return { bins, lo, hi, positive, negative, max };
}
