/**
 * Incremental min/max downsampling of a growing series v[0, length): indices are grouped into
 * consecutive buckets of `size` (a power of two) and each bucket keeps the index of its smallest
 * and of its largest value (the earliest on a tie). Drawing those extremes in index order keeps
 * every peak and trough of the series with at most 2·maxBuckets points, however long it grows.
 * Folding new values costs O(new values); when the series outgrows maxBuckets·size, neighbouring
 * buckets merge pairwise (exact for min and max) and size doubles, O(maxBuckets). NaN values are
 * never chosen while a bucket has a number. The result depends only on the values, not on how
 * they were split between calls. Used by the page's curves (series.ts) and by the runs sent to
 * other tabs and files (compare/curve-sampler.ts).
 */
export class MinMaxBuckets {
  /** Indices per bucket. */
  size = 1;
  /** Values folded in so far: v[0, folded). */
  folded = 0;
  private readonly minIdx: Int32Array;
  private readonly maxIdx: Int32Array;

  /** maxBuckets must be even (pairs merge). */
  constructor(readonly maxBuckets = 500) {
    if (maxBuckets < 2 || maxBuckets % 2 !== 0) throw new RangeError('maxBuckets must be even');
    this.minIdx = new Int32Array(maxBuckets);
    this.maxIdx = new Int32Array(maxBuckets);
  }

  /** Buckets in use. */
  get count(): number {
    return Math.ceil(this.folded / this.size);
  }

  /** Forgets everything (the series was cleared or rewritten). */
  clear(): void {
    this.size = 1;
    this.folded = 0;
  }

  /** Folds v[folded, length) into the buckets. */
  update(v: ArrayLike<number>, length: number): void {
    const { minIdx, maxIdx } = this;
    for (let i = this.folded; i < length; i++) {
      let k = Math.floor(i / this.size);
      if (k >= this.maxBuckets) {
        this.mergePairs(v);
        k = Math.floor(i / this.size);
      }
      if (i % this.size === 0) {
        minIdx[k] = i;
        maxIdx[k] = i;
        continue;
      }
      const x = v[i]!;
      const lo = v[minIdx[k]!]!;
      const hi = v[maxIdx[k]!]!;
      if (x < lo || (Number.isNaN(lo) && !Number.isNaN(x))) minIdx[k] = i;
      if (x > hi || (Number.isNaN(hi) && !Number.isNaN(x))) maxIdx[k] = i;
    }
    this.folded = Math.max(this.folded, length);
  }

  /**
   * The indices to draw, ascending: each bucket's min and max (one index when they coincide).
   * Writes into `out` when it is long enough (2·maxBuckets) and returns how many it wrote.
   */
  indices(out: Uint32Array): number {
    let j = 0;
    for (let k = 0; k < this.count; k++) {
      const a = this.minIdx[k]!;
      const b = this.maxIdx[k]!;
      out[j++] = Math.min(a, b);
      if (a !== b) out[j++] = Math.max(a, b);
    }
    return j;
  }

  private mergePairs(v: ArrayLike<number>): void {
    const { minIdx, maxIdx } = this;
    const pairs = this.maxBuckets / 2;
    for (let k = 0; k < pairs; k++) {
      const a = 2 * k;
      const b = a + 1;
      minIdx[k] = pickMin(v, minIdx[a]!, minIdx[b]!);
      maxIdx[k] = pickMax(v, maxIdx[a]!, maxIdx[b]!);
    }
    this.size *= 2;
  }
}

function pickMin(v: ArrayLike<number>, i: number, j: number): number {
  const a = v[i]!;
  const b = v[j]!;
  return b < a || (Number.isNaN(a) && !Number.isNaN(b)) ? j : i;
}

function pickMax(v: ArrayLike<number>, i: number, j: number): number {
  const a = v[i]!;
  const b = v[j]!;
  return b > a || (Number.isNaN(a) && !Number.isNaN(b)) ? j : i;
}
