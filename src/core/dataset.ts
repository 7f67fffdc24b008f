/**
 * The article's two-class generator, written into flat buffers and resumable in slices.
 *
 * Layout: `x` is row-major n×d (point i is x[i·d .. i·d+d)), `y` holds ±1 per point, positives
 * first (rows 0..nPerClass-1), then negatives. Draw order per candidate, as in the reference:
 * its d coordinates from uniform(-3, 3), then the label noise gauss(0, noise); the label is +1
 * when trueB + Σ trueW[j]·x[j] + noise >= 0 (summed in that order). A candidate whose class is
 * already full is drawn and dropped.
 */
import type { PyRandom } from './py-random.ts';
import type { Recipe } from './recipe.ts';

export interface Dataset {
  /** Row-major n×d coordinates. */
  readonly x: Float64Array;
  /** Labels, +1 or -1. */
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  /**
   * Rows labelled +1. The generator puts them first (rows [0, nPositive)); an imported dataset
   * keeps its file's order, so they may be anywhere: code that wants the blocked layout checks
   * it (isClassBlocked) and otherwise takes rows in any order.
   */
  readonly nPositive: number;
}

/** Candidates drawn per accepted point before we call a recipe hopeless (the reference would spin). */
const MAX_CANDIDATES_PER_POINT = 1000;
const MIN_CANDIDATE_ALLOWANCE = 1_000_000;

/** The candidates drawn for n points before giving up: max(10^6, 1000·n). */
export function candidateCap(n: number): number {
  return Math.max(MIN_CANDIDATE_ALLOWANCE, MAX_CANDIDATES_PER_POINT * n);
}

/**
 * The error for a recipe that hit the cap before both classes were full (positives and
 * negatives accepted of nPerClass each, after `candidates`).
 */
export function hopelessRecipe(
  nPerClass: number,
  positives: number,
  negatives: number,
  candidates: number,
): RangeError {
  const [short, got] = positives < nPerClass ? ['positive', positives] : ['negative', negatives];
  return new RangeError(
    `the recipe almost never draws ${short} points: ${got} of ${nPerClass} after ${candidates} ` +
      `candidates; move trueB toward 0 or raise noise`,
  );
}

/**
 * Draws a dataset in resumable slices: `advance(k)` draws at most k candidates, so a worker can
 * generate 10^7 points without blocking. The result is the same however the work is sliced.
 */
export class DatasetBuilder {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  private readonly trueW: Float64Array;
  private readonly candidate: Float64Array;
  private positives = 0;
  private negatives = 0;
  /** Candidates drawn so far, accepted or not. */
  candidates = 0;
  private readonly maxCandidates: number;

  /** `alloc(length)` makes x and y (default plain arrays; the worker may share them). */
  constructor(
    private readonly recipe: Recipe,
    private readonly rng: PyRandom,
    alloc: (length: number) => Float64Array = (length) => new Float64Array(length),
  ) {
    this.d = recipe.trueW.length;
    this.n = 2 * recipe.nPerClass;
    this.x = alloc(this.n * this.d);
    this.y = alloc(this.n);
    this.trueW = Float64Array.from(recipe.trueW);
    this.candidate = new Float64Array(this.d);
    this.maxCandidates = candidateCap(this.n);
  }

  /** Points accepted so far (both classes). */
  get accepted(): number {
    return this.positives + this.negatives;
  }

  get done(): boolean {
    const k = this.recipe.nPerClass;
    return this.positives >= k && this.negatives >= k;
  }

  /**
   * Draws up to `maxCandidates` more candidates; returns true when both classes are full.
   * Throws a RangeError when the recipe almost never yields one of the classes.
   */
  advance(maxCandidates: number): boolean {
    const { rng, trueW, candidate, d, x, y } = this;
    const k = this.recipe.nPerClass;
    const { trueB, noise } = this.recipe;
    for (let drawn = 0; drawn < maxCandidates && !this.done; drawn++) {
      for (let j = 0; j < d; j++) candidate[j] = rng.uniform(-3.0, 3.0);
      let score = trueB;
      for (let j = 0; j < d; j++) score += trueW[j]! * candidate[j]!;
      score += rng.gauss(0.0, noise);
      let row = -1;
      if (score >= 0.0) {
        if (this.positives < k) row = this.positives++;
      } else if (this.negatives < k) {
        row = k + this.negatives++;
      }
      if (row >= 0) {
        x.set(candidate, row * d);
        y[row] = row < k ? 1.0 : -1.0;
      }
      if (++this.candidates >= this.maxCandidates && !this.done) this.giveUp();
    }
    return this.done;
  }

  /** The finished dataset (the buffers themselves, not copies). */
  result(): Dataset {
    if (!this.done)
      throw new Error('DatasetBuilder.result() called before the dataset is complete');
    const { x, y, n, d } = this;
    return { x, y, n, d, nPositive: this.recipe.nPerClass };
  }

  private giveUp(): never {
    const k = this.recipe.nPerClass;
    throw hopelessRecipe(k, this.positives, this.negatives, this.candidates);
  }
}

/** Draws the whole dataset at once (the reference's generate_two_class_data). */
export function generateDataset(recipe: Recipe, rng: PyRandom): Dataset {
  const builder = new DatasetBuilder(recipe, rng);
  builder.advance(Infinity);
  return builder.result();
}
