/**
 * The run's curves as they arrive: each snapshot carries the per-epoch metrics since the previous
 * one (a CurveChunk starting at epoch `from`), written at their epochs; and one churn point per
 * snapshot (support vectors that entered and left since the previous snapshot), at its epoch.
 */
import type { CurveChunk } from '../../workers/trainer-api.ts';
import { Series } from './series.ts';

export class CurveStore {
  /** Mean hinge loss of the weights after t steps, at index t. */
  readonly meanLoss = new Series();
  /** Mean hinge loss + reg/2·‖w‖², at index t. */
  readonly objective = new Series();
  /** Support-vector count, at index t. */
  readonly svCount = new Series();
  /** Churn points: snapshot epochs (ascending) and entered + left at each. */
  readonly churnEpoch = new Series();
  readonly churn = new Series();
  readonly entered = new Series();
  readonly left = new Series();

  /** Epochs with per-epoch metrics: [0, length). */
  get length(): number {
    return this.meanLoss.length;
  }

  /** Writes a chunk at its epochs (a chunk that starts past the end is ignored). */
  addChunk(c: CurveChunk): void {
    if (c.from > this.length || c.meanLoss.length === 0) return;
    this.meanLoss.write(c.from, c.meanLoss);
    this.objective.write(c.from, c.objective);
    this.svCount.write(c.from, c.svCount);
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
    for (const s of [this.meanLoss, this.objective, this.svCount]) s.clear();
    for (const s of [this.churnEpoch, this.churn, this.entered, this.left]) s.clear();
  }
}
