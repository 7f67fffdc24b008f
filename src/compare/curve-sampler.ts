/**
 * A run's per-epoch curves, downsampled for other tabs and for files, incrementally: each call
 * folds only the epochs added since the previous one, so announcing a run of 10^7 epochs a few
 * times a second costs O(new epochs) plus O(max), not a pass over all of them.
 *
 * Method (min/max buckets on mean loss): epochs fall in consecutive buckets of `size` epochs (a
 * power of two); each bucket keeps the epoch of its smallest and of its largest mean loss (the
 * earliest on a tie). When there are more than B buckets, neighbours merge pairwise (exact for
 * minima and maxima) and size doubles. The kept epochs are epoch 0, each bucket's two extremes
 * and the last epoch, ascending: at most 2B + 2 <= max. Every spike and both branches of an
 * oscillation survive (a fixed stride could alias them away); the result depends only on the
 * values, not on how they were split between calls. Curves of at most `max` epochs are kept
 * whole. The other series are taken at the same epochs.
 */
import type { CurveSource, RunCurves } from './run-record.ts';

export class CurveSampler {
  /** Epochs per bucket (a power of two). */
  private size = 1;
  /** Epochs folded so far: [0, folded). */
  private folded = 0;
  /** A metric was not finite at epoch `folded`: the curve ends before it (JSON cannot carry it). */
  private ended = false;
  /** B: even, so buckets merge in pairs. */
  private readonly buckets: number;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;

  /** max: the most epochs a sample keeps (an integer >= 6). */
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 6) {
      throw new RangeError(`max must be an integer >= 6, got ${max}`);
    }
    this.buckets = 2 * Math.floor((max - 2) / 4);
    this.lo = new Int32Array(this.buckets);
    this.hi = new Int32Array(this.buckets);
  }

  /** Forgets every epoch: call it when the curves restart (a reset or a new run). */
  clear(): void {
    this.size = 1;
    this.folded = 0;
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
    const epochs = this.kept();
    const at = (v: ArrayLike<number>) => epochs.map((t) => v[t]!);
    const curves: RunCurves = {
      epochs,
      meanLoss: at(source.meanLoss),
      objective: at(source.objective),
      svCount: at(source.svCount),
    };
    if (source.churn) curves.churn = churnAt(epochs, source.churn.epochs, source.churn.counts);
    return curves;
  }

  private fold(source: CurveSource): void {
    const { meanLoss: y, objective, svCount } = source;
    const n = y.length;
    if (objective.length !== n || svCount.length !== n) {
      throw new RangeError('meanLoss, objective and svCount must have equal lengths');
    }
    if (n < this.folded) this.clear();
    if (this.ended) return;
    const { lo, hi, buckets } = this;
    // Locals, not fields, in the loop: it runs once per epoch.
    let size = this.size;
    let i = this.folded;
    for (; i < n; i++) {
      const v = y[i]!;
      if (!(Number.isFinite(v) && Number.isFinite(objective[i]!) && Number.isFinite(svCount[i]!))) {
        this.ended = true;
        break;
      }
      let k = Math.floor(i / size);
      if (k === buckets) {
        this.mergePairs(y);
        size = this.size;
        k = Math.floor(i / size);
      }
      if (i === k * size) {
        lo[k] = i;
        hi[k] = i;
      } else {
        if (v < y[lo[k]!]!) lo[k] = i;
        if (v > y[hi[k]!]!) hi[k] = i;
      }
    }
    this.folded = i;
  }

  private mergePairs(y: ArrayLike<number>): void {
    const { lo, hi } = this;
    for (let k = 0; k < this.buckets / 2; k++) {
      const a = 2 * k;
      const b = a + 1;
      lo[k] = y[lo[b]!]! < y[lo[a]!]! ? lo[b]! : lo[a]!;
      hi[k] = y[hi[b]!]! > y[hi[a]!]! ? hi[b]! : hi[a]!;
    }
    this.size *= 2;
  }

  /** The kept epochs, ascending. */
  private kept(): number[] {
    const n = this.folded;
    if (n <= this.max) return Array.from({ length: n }, (_, t) => t);
    const out = [0];
    const push = (t: number) => {
      if (t > out[out.length - 1]!) out.push(t);
    };
    for (let k = 0; k < Math.ceil(n / this.size); k++) {
      const a = this.lo[k]!;
      const b = this.hi[k]!;
      push(Math.min(a, b));
      push(Math.max(a, b));
    }
    push(n - 1);
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
