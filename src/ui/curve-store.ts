/**
 * The run's curves as they arrive: each snapshot carries the per-epoch metrics since the previous
 * one (a CurveChunk starting at epoch `from`), folded at their epochs into buckets of a fixed
 * resolution (bucketed-curves.ts: memory does not grow with epochs; kept points are exact); and
 * one churn point per snapshot (support vectors that entered and left since the previous
 * snapshot), at its epoch (these grow with snapshots, a few dozen a second at most).
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
}

export class CurveStore {
  /** Mean hinge loss, objective and support-vector count by epoch, at a fixed resolution. */
  readonly metrics = new BucketedCurves(3);
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
  };
  /** Churn points: snapshot epochs (ascending) and entered + left at each. */
  readonly churnEpoch = new Series();
  readonly churn = new Series();
  readonly entered = new Series();
  readonly left = new Series();

  /** Epochs with metrics: [0, length). */
  get length(): number {
    return this.metrics.length;
  }

  /** Writes a chunk at its epochs (a chunk that starts past the end is ignored). */
  addChunk(c: CurveChunk): void {
    if (c.from > this.length || c.meanLoss.length === 0) return;
    this.metrics.write(c.from, [c.meanLoss, c.objective, c.svCount]);
  }

  /** The kept points of the three metrics at their union of epochs (views, reused per call). */
  kept(): KeptCurves {
    const u = this.union;
    u.count = this.metrics.union(u.epochs, [u.meanLoss, u.objective, u.svCount]);
    return u;
  }

  /** Records a snapshot's churn; earlier-or-equal epochs than the last point are dropped. */
  addChurn(epoch: number, entered: number, left: number): void {
    const last = this.churnEpoch.length - 1;
    if (last >= 0 && this.churnEpoch.at(last) >= epoch) return;
    this.churnEpoch.push(epoch);
    this.churn.push(entered + left);
    this.entered.push(entered);
    this.left.push(left);
  }

  /** Index of the churn point nearest to `epoch`, or −1 when there are none. */
  nearestChurn(epoch: number): number {
    return this.churnEpoch.nearest(epoch);
  }

  clear(): void {
    this.metrics.clear();
    for (const s of [this.churnEpoch, this.churn, this.entered, this.left]) s.clear();
  }
}
