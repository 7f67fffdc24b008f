/**
 * A run's per-epoch curves, downsampled for other tabs and for files, incrementally: each call
 * folds only the epochs added since the previous one, so announcing a run of 10^7 epochs a few
 * times a second costs O(new epochs) plus O(max), not a pass over all of them.
 *
 * Method: the min/max buckets of the page's own curves (src/ui/min-max-buckets.ts) over mean
 * loss, with B = 2·⌊(max − 2)/4⌋ buckets. The kept epochs are epoch 0, each bucket's epochs of
 * smallest and largest mean loss (the earliest on a tie) and the last epoch, ascending: at most
 * 2B + 2 <= max. Every spike and both branches of an oscillation survive (a fixed stride could
 * alias them away); the result depends only on the values, not on how they were split between
 * calls. Curves of at most `max` epochs are kept whole. The other series are taken at the same
 * epochs.
 */
import { MinMaxBuckets } from '../ui/min-max-buckets.ts';
import type { CurveSource, RunCurves } from './run-record.ts';

export class CurveSampler {
  /** Mean loss's buckets; buckets.folded is the epochs folded so far, [0, folded). */
  private readonly buckets: MinMaxBuckets;
  /** The buckets' extremes, ascending (2B entries), reused by every call. */
  private readonly drawn: Uint32Array;
  /** A metric was not finite at epoch `folded`: the curve ends before it (JSON cannot carry it). */
  private ended = false;

  /** max: the most epochs a sample keeps (an integer >= 6). */
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 6) {
      throw new RangeError(`max must be an integer >= 6, got ${max}`);
    }
    const b = 2 * Math.floor((max - 2) / 4);
    this.buckets = new MinMaxBuckets(b);
    this.drawn = new Uint32Array(2 * b);
  }

  /** Forgets every epoch: call it when the curves restart (a reset or a new run). */
  clear(): void {
    this.buckets.clear();
    this.ended = false;
  }

  /**
   * The curves at the kept epochs of source[0, length), folding the epochs that are new since
   * the last call (a source shorter than before restarts the sampler). The curves stop before
   * the first epoch where a metric is not finite (a diverged run's blow-up). Churn counts are
   * summed into the kept epochs: entry i sums the snapshots in (epochs[i−1], epochs[i]].
   */
  sample(source: CurveSource): RunCurves {
    this.fold(source);
    const kept = this.kept();
    const at = (v: ArrayLike<number>) => kept.map((t) => v[t]!);
    const epochs = source.epochs ? at(source.epochs) : kept;
    const curves: RunCurves = {
      epochs,
      meanLoss: at(source.meanLoss),
      objective: at(source.objective),
      svCount: at(source.svCount),
    };
    if (source.churn) curves.churn = churnAt(epochs, source.churn.epochs, source.churn.counts);
    // Time is kept only when known at every kept epoch (JSON cannot carry NaN).
    const seconds = source.seconds ? at(source.seconds) : [];
    if (seconds.length > 0 && seconds.every(Number.isFinite)) curves.seconds = seconds;
    return curves;
  }

  private fold(source: CurveSource): void {
    const { meanLoss, objective, svCount } = source;
    const n = meanLoss.length;
    if (objective.length !== n || svCount.length !== n) {
      throw new RangeError('meanLoss, objective and svCount must have equal lengths');
    }
    if (n < this.buckets.folded) this.clear();
    if (this.ended) return;
    let end = this.buckets.folded;
    while (
      end < n &&
      Number.isFinite(meanLoss[end]!) &&
      Number.isFinite(objective[end]!) &&
      Number.isFinite(svCount[end]!)
    ) {
      end++;
    }
    this.ended = end < n;
    this.buckets.update(meanLoss, end);
  }

  /** The kept epochs, ascending. */
  private kept(): number[] {
    const n = this.buckets.folded;
    if (n <= this.max) return Array.from({ length: n }, (_, t) => t);
    const extremes = this.buckets.indices(this.drawn);
    const out = [0];
    for (let j = 0; j < extremes; j++) {
      if (this.drawn[j]! > out[out.length - 1]!) out.push(this.drawn[j]!);
    }
    if (n - 1 > out[out.length - 1]!) out.push(n - 1);
    return out;
  }
}

/** Churn counts summed into the kept epochs: entry i sums those at (kept[i−1], kept[i]]. */
function churnAt(kept: number[], at: ArrayLike<number>, counts: ArrayLike<number>): number[] {
  const out = new Array<number>(kept.length).fill(0);
  let i = 0;
  for (let k = 0; k < at.length && k < counts.length; k++) {
    while (i < kept.length && kept[i]! < at[k]!) i++;
    if (i === kept.length) break;
    out[i] = out[i]! + counts[k]!;
  }
  return out;
}
