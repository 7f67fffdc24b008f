/**
 * One series of a BucketedCurves as the charts read a curve (curve-path.ts's CurveData): its kept
 * points' values, their epochs (`epochs`) and their training times in seconds (`seconds`, the
 * store's first carried column, NaN where unknown), ascending by epoch, refreshed from the store
 * when it has changed. Drawn whole: the store already holds them at the chart's resolution.
 */
import type { BucketedCurves } from './bucketed-curves.ts';

/** The kept points of series m, refreshed from the store when it has changed. */
class KeptPoints {
  readonly identity: Uint32Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly ts: Float64Array;
  private n = 0;
  private seen = -1;

  constructor(
    private readonly store: BucketedCurves,
    private readonly m: number,
  ) {
    this.xs = new Float64Array(store.capacity);
    this.ys = new Float64Array(store.capacity);
    this.ts = new Float64Array(store.capacity);
    this.identity = Uint32Array.from({ length: store.capacity }, (_, i) => i);
  }

  /** Brings the points up to date with the store; returns how many. */
  refresh(): number {
    if (this.seen !== this.store.version) {
      this.seen = this.store.version;
      this.n = this.store.line(this.m, this.xs, this.ys, this.ts);
    }
    return this.n;
  }
}

/** One column of the kept points (their values, epochs or times), read as a chart's curve. */
export class KeptColumn {
  /** For a column of values, the column of their epochs (the x of point i); else null. */
  readonly epochs: KeptColumn | null;
  /** For a column of values, the column of their training times (s); else null. */
  readonly seconds: KeptColumn | null;

  constructor(
    private readonly points: KeptPoints,
    private readonly data: Float64Array,
    epochs: Float64Array | null,
    seconds: Float64Array | null = null,
  ) {
    this.epochs = epochs ? new KeptColumn(points, epochs, null) : null;
    this.seconds = seconds ? new KeptColumn(points, seconds, null) : null;
  }

  /** The kept values, [0, length) valid (a view, valid until the store changes). */
  get values(): Float64Array {
    this.points.refresh();
    return this.data;
  }

  get length(): number {
    return this.points.refresh();
  }

  /** Every kept point is drawn: 0, 1, …, length − 1. */
  drawIndices(): Uint32Array {
    return this.points.identity.subarray(0, this.points.refresh());
  }

  /** The value of kept point i, or NaN outside [0, length). */
  at(i: number): number {
    const n = this.points.refresh();
    return i >= 0 && i < n ? this.data[i]! : NaN;
  }

  /** For ascending values (the epochs), the index of the nearest to v (earlier on a tie), or −1. */
  nearest(v: number): number {
    const n = this.points.refresh();
    const a = this.data;
    if (n === 0) return -1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && v - a[lo - 1]! <= a[lo]! - v) return lo - 1;
    return lo;
  }
}

/** Series m of `store` as a column of values whose `epochs` column gives their x. */
export function keptLine(store: BucketedCurves, m: number): KeptColumn {
  const points = new KeptPoints(store, m);
  return new KeptColumn(points, points.ys, points.xs, points.ts);
}
