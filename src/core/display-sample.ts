/**
 * The display sample: a fixed random subset of rows the page draws as marks, so drawing costs
 * O(sample) whatever n is. Plus the per-sample support-vector flags of a snapshot.
 */

/** A few thousand marks keep an SVG fast and still show the shape of the data. */
export const SAMPLE_SIZE = 4000;

/**
 * `k` distinct rows of [0, n), ascending, chosen uniformly by Floyd's algorithm from a
 * xorshift32 stream seeded with `seed` (so the sample is fixed for a dataset). All rows when n <= k.
 */
export function sampleRows(n: number, k: number, seed: number): Uint32Array {
  if (n <= k) return Uint32Array.from({ length: n }, (_, i) => i);
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = Math.floor(next() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Uint32Array.from(chosen).sort();
}

/** The rows' coordinates gathered into a row-major rows.length × d array. */
export function gatherRows(x: Float64Array, d: number, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    for (let j = 0; j < d; j++) out[k * d + j] = x[i * d + j]!;
  }
  return out;
}

/**
 * flags[k] = 1 when row rows[k] is a support vector of (w, b), i.e. 1 − y·(w·x + b) > 0,
 * else 0. O(rows.length · d).
 */
export function supportFlags(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  rows: Uint32Array,
  flags: Uint8Array,
): Uint8Array {
  const d = w.length;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
    flags[k] = +(1.0 - y[i]! * s > 0.0);
  }
  return flags;
}

/** Per-dimension means of row-major n×d x, each summed in row order (0 when n = 0). */
export function columnMeans(x: Float64Array, n: number, d: number): number[] {
  const sum = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sum[j] = sum[j]! + x[i * d + j]!;
  return Array.from(sum, (s) => (n > 0 ? s / n : 0));
}

/** Per-dimension minimum and maximum of a row-major n×d array. */
export function columnBounds(x: Float64Array, d: number): { min: number[]; max: number[] } {
  const min = new Array<number>(d).fill(Infinity);
  const max = new Array<number>(d).fill(-Infinity);
  const n = x.length / d;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j]!;
      if (v < min[j]!) min[j] = v;
      if (v > max[j]!) max[j] = v;
    }
  }
  return { min, max };
}
