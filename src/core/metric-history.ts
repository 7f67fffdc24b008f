/**
 * Per-epoch training metrics in flat, growable typed arrays: entry t describes the weights after
 * t steps. Also each epoch's training time (`ms`), which the core never measures: whoever drives
 * the optimizer reads a clock and stamps the epoch that is complete (stamp), and push() records
 * that stamp with the entry (NaN when none was given). Only entries [base, length) are held, at array offsets [0, length − base): whoever
 * has sent the older ones on (the worker's snapshots) releases them, so a run of any length holds
 * only the epochs since its last snapshot. Read entry t at offset t − base (see `offset`).
 * Capacity doubles when full, so pushing is amortised O(1) and allocates rarely.
 */
export class MetricHistory {
  /** Mean hinge loss (1/n)·Σ max(0, 1 − y·s). */
  meanLoss: Float64Array;
  /** Mean hinge loss + reg/2·‖w‖². */
  objective: Float64Array;
  /** Number of points with 1 − y·s > 0. */
  svCount: Float64Array;
  /** Fraction of points whose predicted label equals y. */
  accuracy: Float64Array;
  /** Training time (ms) spent up to the end of the entry's epoch, NaN when not stamped. */
  ms: Float64Array;
  /** The stamp of the complete epoch not yet pushed (entry `length`), NaN when none. */
  pendingMs = NaN;
  /** Entries recorded: the next one is entry `length`. */
  length = 0;
  /** The first entry still held (those before it were released). */
  base = 0;

  constructor(capacity = 64) {
    const c = Math.max(1, capacity);
    this.meanLoss = new Float64Array(c);
    this.objective = new Float64Array(c);
    this.svCount = new Float64Array(c);
    this.accuracy = new Float64Array(c);
    this.ms = new Float64Array(c);
  }

  /** The array offset of entry t (base <= t <= length). */
  offset(t: number): number {
    if (t < this.base || t > this.length) {
      throw new RangeError(`entry ${t} is not held: [${this.base}, ${this.length}]`);
    }
    return t - this.base;
  }

  /** Stamps the complete epoch about to be pushed as entry `length`: training time `ms`. */
  stamp(ms: number): void {
    this.pendingMs = ms;
  }

  /** Records entry `length`, its time the pending stamp unless `ms` is given. */
  push(
    meanLoss: number,
    objective: number,
    svCount: number,
    accuracy: number,
    ms = this.pendingMs,
  ): void {
    const k = this.length - this.base;
    if (k === this.meanLoss.length) this.grow();
    this.meanLoss[k] = meanLoss;
    this.objective[k] = objective;
    this.svCount[k] = svCount;
    this.accuracy[k] = accuracy;
    this.ms[k] = ms;
    this.pendingMs = NaN;
    this.length++;
  }

  clear(): void {
    this.length = 0;
    this.base = 0;
    this.pendingMs = NaN;
  }

  /**
   * Keeps entries [0, length) only (those released stay released). Cut back, entry `length`
   * becomes the complete epoch not yet pushed again: its time stamp is pending once more.
   */
  truncate(length: number): void {
    const to = Math.max(0, Math.min(this.length, length));
    if (to < this.length) this.pendingMs = to >= this.base ? this.ms[to - this.base]! : NaN;
    this.length = to;
    this.base = Math.min(this.base, this.length);
  }

  /** Lets go of entries before `t` (they have been sent on): O(entries still held). */
  release(t: number): void {
    const to = Math.max(this.base, Math.min(this.length, t));
    const shift = to - this.base;
    if (shift === 0) return;
    const keep = this.length - to;
    for (const a of [this.meanLoss, this.objective, this.svCount, this.accuracy, this.ms]) {
      a.copyWithin(0, shift, shift + keep);
    }
    this.base = to;
  }

  private grow(): void {
    const twice = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.meanLoss = twice(this.meanLoss);
    this.objective = twice(this.objective);
    this.svCount = twice(this.svCount);
    this.accuracy = twice(this.accuracy);
    this.ms = twice(this.ms);
  }
}
