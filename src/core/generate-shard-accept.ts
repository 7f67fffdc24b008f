/**
 * The sequential half of sharded generation: candidates drawn anywhere (generate-shard.ts) are
 * accepted or dropped here strictly in candidate order, as DatasetBuilder does as it draws, so
 * the dataset is the builder's bit for bit however the drawing was split.
 *
 * Layout as dataset.ts: `x` row-major n×d, `y` ±1, positives in rows [0, nPerClass), negatives
 * after. A shard's candidates come as coords (row-major count×d) and labels (1 when the score
 * was >= 0, else 0).
 */
import { candidateCap, hopelessRecipe, type Dataset } from './dataset.ts';
import type { Recipe } from './recipe.ts';

/** A round's candidates beyond the estimate: a fraction of it plus a constant. */
const ROUND_MARGIN = 0.03;
const ROUND_SLACK = 256;

export class CandidateAcceptor {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly nPerClass: number;
  /** Candidates accepted or dropped so far: the next one to accept is candidate `candidates`. */
  candidates = 0;
  private positives = 0;
  private negatives = 0;
  /** Candidates so far whose label was +1 (accepted or not): the round estimate's rate. */
  private seenPositive = 0;
  private readonly maxCandidates: number;

  /** `alloc(length)` makes x and y (default plain arrays; the worker may share them). */
  constructor(
    recipe: Recipe,
    alloc: (length: number) => Float64Array = (length) => new Float64Array(length),
  ) {
    this.d = recipe.trueW.length;
    this.nPerClass = recipe.nPerClass;
    this.n = 2 * recipe.nPerClass;
    this.x = alloc(this.n * this.d);
    this.y = alloc(this.n);
    this.maxCandidates = candidateCap(this.n);
  }

  get accepted(): number {
    return this.positives + this.negatives;
  }

  get done(): boolean {
    return this.positives >= this.nPerClass && this.negatives >= this.nPerClass;
  }

  /**
   * Takes candidates [start, start + count) in order until both classes are full; returns how
   * many it took (count unless it finished first). `start` must be the next candidate. Throws
   * the builder's RangeError when the candidate cap is reached first. Allocates nothing.
   */
  accept(start: number, coords: Float64Array, labels: Uint8Array, count: number): number {
    if (start !== this.candidates) {
      throw new RangeError(
        `candidates must come in order: expected ${this.candidates}, got ${start}`,
      );
    }
    // The counters live in locals through the loop (written back after): this is the one part
    // of threaded generation that runs on a single thread, candidate by candidate.
    const { x, y, d, nPerClass: k } = this;
    let positives = this.positives;
    let negatives = this.negatives;
    let seenPositive = this.seenPositive;
    // The cap is reached at candidate maxCandidates − 1 of the stream, if not done by then.
    const end = Math.min(count, this.maxCandidates - this.candidates);
    let i = 0;
    for (; i < end && (positives < k || negatives < k); i++) {
      const positive = labels[i] === 1;
      let row = -1;
      if (positive) {
        seenPositive++;
        if (positives < k) row = positives++;
      } else if (negatives < k) {
        row = k + negatives++;
      }
      if (row >= 0) {
        const from = i * d;
        const to = row * d;
        for (let j = 0; j < d; j++) x[to + j] = coords[from + j]!;
        y[row] = positive ? 1.0 : -1.0;
      }
    }
    this.positives = positives;
    this.negatives = negatives;
    this.seenPositive = seenPositive;
    this.candidates += i;
    if (this.candidates >= this.maxCandidates && !this.done) {
      throw hopelessRecipe(k, positives, negatives, this.candidates);
    }
    return i;
  }

  /**
   * How many candidates past the next one it expects to need to fill both classes, at the label
   * rates seen so far (Laplace-smoothed: one half each before any), plus a margin: at least
   * ROUND_SLACK while not done, so a round sized by it usually finishes or nearly so.
   */
  stillNeeded(): number {
    if (this.done) return 0;
    const c = this.candidates;
    const ratePositive = (this.seenPositive + 1) / (c + 2);
    const rateNegative = (c - this.seenPositive + 1) / (c + 2);
    const need = Math.max(
      (this.nPerClass - this.positives) / ratePositive,
      (this.nPerClass - this.negatives) / rateNegative,
    );
    return Math.ceil(need * (1 + ROUND_MARGIN)) + ROUND_SLACK;
  }

  /**
   * The size of the next round of candidates to draw, starting at candidate `issued` (>= the
   * next to accept: rounds already drawing are not yet accepted): what stillNeeded() expects
   * beyond those in flight, at most `limit`, never past the cap; 0 when those in flight should
   * do. Never 0 with none in flight and the dataset unfinished.
   */
  nextRound(issued: number, limit: number): number {
    const inFlight = issued - this.candidates;
    const want = this.stillNeeded() - inFlight;
    return Math.max(0, Math.min(want, limit, this.maxCandidates - issued));
  }

  /** The finished dataset (the buffers themselves). */
  result(): Dataset {
    if (!this.done)
      throw new Error('CandidateAcceptor.result() called before the dataset is complete');
    const { x, y, n, d } = this;
    return { x, y, n, d, nPositive: this.nPerClass };
  }
}
