/**
 * The run's curves as they arrive: each snapshot carries the per-epoch metrics since the previous
 * one (a CurveChunk starting at epoch `from`), folded at their epochs into buckets of a fixed
 * resolution (bucketed-curves.ts: memory does not grow with epochs; kept points are exact); and
 * one churn point per snapshot (support vectors that entered and left since the previous
 * snapshot), at its epoch (these grow with snapshots, a few dozen a second at most). Each epoch's
 * training time (the chunk's ms, here in seconds) rides along with its metrics, so every kept
 * point has its x in seconds too (NaN where the worker did not measure it).
 */
import type { CurveChunk } from '../../workers/trainer-api.ts';
import { BucketedCurves } from './bucketed-curves.ts';
import { keptLine, type KeptColumn } from './kept-line.ts';
import { Series } from './series.ts';

/** The kept points of all three metrics at once (union of their kept epochs), ascending. */
export interface KeptCurves {
  count: number;
  epochs: Float64Array;
  meanLoss: Float64Array;
  objective: Float64Array;
  svCount: Float64Array;
  /** Training time at each kept epoch, s (NaN where unknown). */
  seconds: Float64Array;
}

export class CurveStore {
  /**
   * Mean hinge loss, objective and support-vector count by epoch, at a fixed resolution, each
   * row carrying the epoch's training time in seconds.
   */
  readonly metrics = new BucketedCurves(3, 256, 1);
  /** Mean hinge loss of the weights after t steps: kept points, x = meanLoss.epochs. */
  readonly meanLoss: KeptColumn = keptLine(this.metrics, 0);
  /** Mean hinge loss + reg/2·‖w‖²: kept points, x = objective.epochs. */
  readonly objective: KeptColumn = keptLine(this.metrics, 1);
  /** Support-vector count: kept points, x = svCount.epochs. */
  readonly svCount: KeptColumn = keptLine(this.metrics, 2);
  private readonly union: KeptCurves = {
    count: 0,
    epochs: new Float64Array(this.metrics.capacity),
    meanLoss: new Float64Array(this.metrics.capacity),
    objective: new Float64Array(this.metrics.capacity),
    svCount: new Float64Array(this.metrics.capacity),
    seconds: new Float64Array(this.metrics.capacity),
  };
  /** Churn points: snapshot epochs (ascending) and entered + left at each. */
  readonly churnEpoch = new Series();
  readonly churn = new Series();
  readonly entered = new Series();
  readonly left = new Series();
  /** The training time (s) of each churn point's snapshot, NaN where unknown. */
  readonly churnSeconds = new Series();

  /** Epochs with metrics: [0, length). */
  get length(): number {
    return this.metrics.length;
  }

  /** Writes a chunk at its epochs (a chunk that starts past the end is ignored). */
  addChunk(c: CurveChunk): void {
    if (c.from > this.length || c.meanLoss.length === 0) return;
    const seconds = new Float64Array(c.meanLoss.length).fill(NaN);
    if (c.ms) for (let i = 0; i < seconds.length; i++) seconds[i] = c.ms[i]! / 1000;
    this.metrics.write(c.from, [c.meanLoss, c.objective, c.svCount, seconds]);
  }

  /** The kept points of the three metrics at their union of epochs (views, reused per call). */
  kept(): KeptCurves {
    const u = this.union;
    u.count = this.metrics.union(u.epochs, [u.meanLoss, u.objective, u.svCount, u.seconds]);
    return u;
  }

  /**
   * Records a snapshot's churn (and its training time, s); earlier-or-equal epochs than the last
   * point are dropped.
   */
  addChurn(epoch: number, entered: number, left: number, seconds = NaN): void {
    const last = this.churnEpoch.length - 1;
    if (last >= 0 && this.churnEpoch.at(last) >= epoch) return;
    this.churnEpoch.push(epoch);
    this.churn.push(entered + left);
    this.entered.push(entered);
    this.left.push(left);
    this.churnSeconds.push(seconds);
  }

  /** Index of the churn point nearest to `epoch`, or −1 when there are none. */
  nearestChurn(epoch: number): number {
    return this.churnEpoch.nearest(epoch);
  }

  clear(): void {
    this.metrics.clear();
    const all = [this.churnEpoch, this.churn, this.entered, this.left, this.churnSeconds];
    for (const s of all) s.clear();
  }
}
