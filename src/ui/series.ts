/**
 * One metric against epoch: values in a growable Float64Array (capacity doubles, so appending is
 * amortised O(1)) plus its min/max buckets, so the page draws at most ~1000 points of a run of
 * any length and folds only the new values per snapshot.
 */
import { MinMaxBuckets } from './min-max-buckets.ts';

export class Series {
  values: Float64Array;
  length = 0;
  private readonly buckets: MinMaxBuckets;
  private readonly drawn: Uint32Array;

  constructor(capacity = 1024, maxBuckets = 500) {
    this.values = new Float64Array(Math.max(1, capacity));
    this.buckets = new MinMaxBuckets(maxBuckets);
    this.drawn = new Uint32Array(2 * maxBuckets);
  }

  /**
   * Writes src at index `from` (from <= length). Rewriting already-drawn values with different
   * ones refolds the buckets (O(length)); an overlap that repeats them costs only its length.
   */
  write(from: number, src: ArrayLike<number>): void {
    if (from > this.length)
      throw new RangeError(`write at ${from} leaves a gap after ${this.length}`);
    const overlap = Math.min(this.buckets.folded, from + src.length);
    for (let i = from; i < overlap; i++) {
      if (!Object.is(this.values[i], src[i - from])) {
        this.buckets.clear();
        break;
      }
    }
    const end = from + src.length;
    this.reserve(end);
    for (let i = 0; i < src.length; i++) this.values[from + i] = src[i]!;
    this.length = Math.max(this.length, end);
  }

  push(v: number): void {
    this.reserve(this.length + 1);
    this.values[this.length++] = v;
  }

  clear(): void {
    this.length = 0;
    this.buckets.clear();
  }

  /** The value at index i, or NaN outside [0, length). */
  at(i: number): number {
    return i >= 0 && i < this.length ? this.values[i]! : NaN;
  }

  /**
   * For a series of ascending values, the index whose value is nearest to v (the earlier one on
   * a tie), or −1 when empty. O(log length).
   */
  nearest(v: number): number {
    if (this.length === 0) return -1;
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && v - this.values[lo - 1]! <= this.values[lo]! - v) return lo - 1;
    return lo;
  }

  /** The indices to draw, ascending (a view, valid until the next call). */
  drawIndices(): Uint32Array {
    this.buckets.update(this.values, this.length);
    return this.drawn.subarray(0, this.buckets.indices(this.drawn));
  }

  private reserve(n: number): void {
    if (n <= this.values.length) return;
    let c = this.values.length;
    while (c < n) c *= 2;
    const next = new Float64Array(c);
    next.set(this.values.subarray(0, this.length));
    this.values = next;
  }
}
