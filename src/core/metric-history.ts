/**
 * Per-epoch training metrics in flat, growable typed arrays: entry t describes the weights
 * after t steps. Capacity doubles when full, so pushing is amortised O(1) and allocates
 * only O(log epochs) times in a run.
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
  length = 0;

  constructor(capacity = 64) {
    const c = Math.max(1, capacity);
    this.meanLoss = new Float64Array(c);
    this.objective = new Float64Array(c);
    this.svCount = new Float64Array(c);
    this.accuracy = new Float64Array(c);
  }

  push(meanLoss: number, objective: number, svCount: number, accuracy: number): void {
    if (this.length === this.meanLoss.length) this.grow();
    const t = this.length++;
    this.meanLoss[t] = meanLoss;
    this.objective[t] = objective;
    this.svCount[t] = svCount;
    this.accuracy[t] = accuracy;
  }

  clear(): void {
    this.length = 0;
  }

  /** Keeps entries [0, length) only. */
  truncate(length: number): void {
    this.length = Math.max(0, Math.min(this.length, length));
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
