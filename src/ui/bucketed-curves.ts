/**
 * A run's per-epoch metrics (k series: mean loss, objective, support-vector count) held at a
 * fixed resolution, however many epochs arrive: memory is O(maxBuckets·k²), not O(epochs).
 *
 * Method (min-max-buckets.ts's, carrying values): epochs fall in consecutive buckets of `size`
 * epochs (a power of two). Each bucket keeps 2k + 1 slots: its first epoch, and for each series
 * the epoch of its smallest and of its largest value (the earliest on a tie; NaN never chosen
 * while the bucket has a number), each slot with the whole row of k values at its epoch. When the
 * run outgrows maxBuckets·size, neighbouring buckets merge pairwise (exact for min and max) and
 * size doubles. The last epoch's row is kept too. So every kept point is exact, epoch 0 and the
 * last epoch among them, and every peak and trough of each series survives. A row may also
 * carry `carried` columns after the k series (the epochs' training time): kept with the row at
 * every kept point, never choosing one.
 *
 * Slot layout: bucket j's slot s is slot j·S + s (S = 2k + 1; s = 0 the first epoch, 1 + 2m the
 * minimum of series m, 2 + 2m its maximum); `at[slot]` is its epoch and `row[slot·r + m]` the
 * value of column m there (r = k + carried columns: the series, then the carried ones).
 */
export class BucketedCurves {
  /** Epochs written: [0, length). */
  length = 0;
  /** Epochs per bucket. */
  size = 1;
  /** Bumped by every change (views refresh on it). */
  version = 0;
  private readonly slots: number;
  /** Columns in a row: the k series, then the carried ones. */
  private readonly r: number;
  private readonly at: Float64Array;
  private readonly row: Float64Array;
  /** The newest row kept exactly, at epoch lastAt (length − 1 unless a rewrite cut it). */
  private readonly lastRow: Float64Array;
  private lastAt = -1;
  /** Scratch: one bucket's slots, sorted by epoch. */
  private readonly order: Int32Array;

  /** maxBuckets must be even (pairs merge); `carried` columns ride along in every row. */
  constructor(
    readonly k: number,
    readonly maxBuckets = 256,
    carried = 0,
  ) {
    if (maxBuckets < 2 || maxBuckets % 2 !== 0) throw new RangeError('maxBuckets must be even');
    this.slots = 2 * k + 1;
    this.r = k + carried;
    this.at = new Float64Array(maxBuckets * this.slots);
    this.row = new Float64Array(maxBuckets * this.slots * this.r);
    this.lastRow = new Float64Array(this.r);
    this.order = new Int32Array(this.slots);
  }

  /** Buckets in use. */
  get count(): number {
    return Math.ceil(this.length / this.size);
  }

  /** The most points union() writes (and line() fewer). */
  get capacity(): number {
    return this.maxBuckets * this.slots + 1;
  }

  clear(): void {
    this.length = 0;
    this.size = 1;
    this.lastAt = -1;
    this.version++;
  }

  /**
   * Writes series[m][i] as column m's value at epoch from + i (the k series, then the carried
   * columns; all equally long). A write
   * that starts before the end (a rewind) first cuts the curves at `from`: the cut bucket keeps
   * its extremes before `from` where they were there, else its first epoch.
   */
  write(from: number, series: readonly ArrayLike<number>[]): void {
    if (from > this.length)
      throw new RangeError(`write at ${from} leaves a gap after ${this.length}`);
    if (series.length !== this.r) throw new RangeError(`write needs ${this.r} columns`);
    if (from < this.length) this.cut(from);
    const n = series[0]!.length;
    for (let i = 0; i < n; i++) this.append(series, i);
    this.version++;
  }

  /**
   * The kept points of all series at once, ascending by epoch: writes epochs into `epochs` and
   * column m's values into `values[m]` (each at least `capacity` long; the carried columns too
   * when given); returns how many.
   */
  union(epochs: Float64Array, values: readonly Float64Array[]): number {
    let j = 0;
    const { r, row, at } = this;
    const k = Math.min(r, values.length);
    for (let b = 0; b < this.count; b++) {
      const n = this.sortSlots(b);
      for (let q = 0; q < n; q++) {
        const slot = this.order[q]!;
        if (j > 0 && at[slot]! === epochs[j - 1]) continue;
        epochs[j] = at[slot]!;
        for (let m = 0; m < k; m++) values[m]![j] = row[slot * r + m]!;
        j++;
      }
    }
    if (this.lastAt >= 0 && (j === 0 || this.lastAt > epochs[j - 1]!)) {
      epochs[j] = this.lastAt;
      for (let m = 0; m < k; m++) values[m]![j] = this.lastRow[m]!;
      j++;
    }
    return j;
  }

  /**
   * Series m's points to draw, ascending by epoch: epoch 0, each bucket's minimum and maximum of
   * m, and the last epoch. Writes into `epochs` and `values` (capacity long), and carried column
   * c's values at the same points into `also` when given; returns how many.
   */
  line(m: number, epochs: Float64Array, values: Float64Array, also?: Float64Array, c = 0): number {
    let j = 0;
    const { r, slots, row, at } = this;
    const ac = this.k + c;
    const put = (slot: number) => {
      if (j > 0 && at[slot]! <= epochs[j - 1]!) return;
      epochs[j] = at[slot]!;
      if (also) also[j] = row[slot * r + ac]!;
      values[j++] = row[slot * r + m]!;
    };
    for (let b = 0; b < this.count; b++) {
      const base = b * slots;
      if (b === 0) put(base);
      const lo = base + 1 + 2 * m;
      const hi = lo + 1;
      if (at[lo]! <= at[hi]!) {
        put(lo);
        put(hi);
      } else {
        put(hi);
        put(lo);
      }
    }
    if (this.lastAt >= 0 && (j === 0 || this.lastAt > epochs[j - 1]!)) {
      epochs[j] = this.lastAt;
      if (also) also[j] = this.lastRow[ac]!;
      values[j++] = this.lastRow[m]!;
    }
    return j;
  }

  private append(series: readonly ArrayLike<number>[], i: number): void {
    const t = this.length;
    let b = Math.floor(t / this.size);
    if (b >= this.maxBuckets) {
      this.mergePairs();
      b = Math.floor(t / this.size);
    }
    const { k, r, row } = this;
    const base = b * this.slots;
    if (t % this.size === 0) {
      for (let s = 0; s < this.slots; s++) this.setSlot(base + s, t, series, i);
    } else {
      for (let m = 0; m < k; m++) {
        const x = series[m]![i]!;
        const lo = base + 1 + 2 * m;
        const a = row[lo * r + m]!;
        if (x < a || (Number.isNaN(a) && !Number.isNaN(x))) this.setSlot(lo, t, series, i);
        const c = row[(lo + 1) * r + m]!;
        if (x > c || (Number.isNaN(c) && !Number.isNaN(x))) this.setSlot(lo + 1, t, series, i);
      }
    }
    for (let m = 0; m < r; m++) this.lastRow[m] = series[m]![i]!;
    this.lastAt = t;
    this.length = t + 1;
  }

  private setSlot(slot: number, t: number, series: readonly ArrayLike<number>[], i: number): void {
    this.at[slot] = t;
    for (let m = 0; m < this.r; m++) this.row[slot * this.r + m] = series[m]![i]!;
  }

  private copySlot(to: number, from: number): void {
    if (to === from) return;
    this.at[to] = this.at[from]!;
    this.row.copyWithin(to * this.r, from * this.r, (from + 1) * this.r);
  }

  private mergePairs(): void {
    const { k, r, slots, row } = this;
    for (let j = 0; j < this.maxBuckets / 2; j++) {
      const a = 2 * j * slots;
      const b = a + slots;
      const to = j * slots;
      this.copySlot(to, a);
      for (let m = 0; m < k; m++) {
        const lo = 1 + 2 * m;
        const x = row[(a + lo) * r + m]!;
        const y = row[(b + lo) * r + m]!;
        this.copySlot(to + lo, y < x || (Number.isNaN(x) && !Number.isNaN(y)) ? b + lo : a + lo);
        const hi = lo + 1;
        const u = row[(a + hi) * r + m]!;
        const v = row[(b + hi) * r + m]!;
        this.copySlot(to + hi, v > u || (Number.isNaN(u) && !Number.isNaN(v)) ? b + hi : a + hi);
      }
    }
    this.size *= 2;
  }

  /** Keeps epochs [0, t) (0 < t < length). */
  private cut(t: number): void {
    if (t === 0) return this.clear();
    const base = Math.floor((t - 1) / this.size) * this.slots;
    let newest = base;
    for (let s = 1; s < this.slots; s++) {
      if (this.at[base + s]! >= t) this.copySlot(base + s, base);
      if (this.at[base + s]! > this.at[newest]!) newest = base + s;
    }
    this.length = t;
    this.lastAt = this.at[newest]!;
    for (let m = 0; m < this.r; m++) this.lastRow[m] = this.row[newest * this.r + m]!;
  }

  /** Bucket b's slots into `order`, ascending by epoch (insertion sort of 2k + 1). */
  private sortSlots(b: number): number {
    const { order, at } = this;
    const base = b * this.slots;
    for (let s = 0; s < this.slots; s++) {
      const slot = base + s;
      let q = s;
      while (q > 0 && at[order[q - 1]!]! > at[slot]!) {
        order[q] = order[q - 1]!;
        q--;
      }
      order[q] = slot;
    }
    return this.slots;
  }
}
