/**
 * Per-epoch training metrics in flat, growable typed arrays: entry t describes the weights after
 * t steps. Only entries [base, length) are held, at array offsets [0, length − base): whoever
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
  }

  /** The array offset of entry t (base <= t <= length). */
  offset(t: number): number {
    if (t < this.base || t > this.length) {
      throw new RangeError(`entry ${t} is not held: [${this.base}, ${this.length}]`);
    }
    return t - this.base;
  }

  push(meanLoss: number, objective: number, svCount: number, accuracy: number): void {
    const k = this.length - this.base;
    if (k === this.meanLoss.length) this.grow();
    this.meanLoss[k] = meanLoss;
    this.objective[k] = objective;
    this.svCount[k] = svCount;
    this.accuracy[k] = accuracy;
    this.length++;
  }

  clear(): void {
    this.length = 0;
    this.base = 0;
  }

  /** Keeps entries [0, length) only (those released stay released). */
  truncate(length: number): void {
    this.length = Math.max(0, Math.min(this.length, length));
    this.base = Math.min(this.base, this.length);
  }

  /** Lets go of entries before `t` (they have been sent on): O(entries still held). */
  release(t: number): void {
    const to = Math.max(this.base, Math.min(this.length, t));
    const shift = to - this.base;
    if (shift === 0) return;
    const keep = this.length - to;
    for (const a of [this.meanLoss, this.objective, this.svCount, this.accuracy]) {
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
  }
}
