/**
 * The generator's candidates drawn from any point of the stream, so that shards of candidates
 * can be drawn on several threads and still give the sequential DatasetBuilder's dataset.
 *
 * Where candidate k's draws sit in the Mersenne Twister's output: a candidate takes d uniforms
 * (two 32-bit words each: random() is (a·2^26 + b)/2^53) and then one gauss. CPython's gauss
 * makes its deviates in pairs: a call with an empty cache takes two random() (4 words), returns
 * the cos deviate and caches the sin one; the next call takes no words and returns the cached
 * one. The builder calls gauss exactly once per candidate and nothing else touches the stream
 * while it draws, so the calls alternate from the start (the seeded stream has an empty cache):
 * even candidates take 2d + 4 words, odd ones 2d words and the cached deviate. Two candidates
 * are therefore a fixed 4d + 4 words, and candidate k starts at word
 *   ⌊k/2⌋·(4d + 4) + (k odd ? 2d + 4 : 0).
 * An odd candidate also needs the cache its even neighbour left: seekCandidate refills it by
 * drawing that neighbour's gauss again from the same words.
 */
import type { PyRandom, PyRandomState } from './py-random.ts';

/** What a candidate's draw depends on besides the stream (a recipe's d, trueW, trueB, noise). */
export interface CandidateParams {
  readonly d: number;
  /** The true weights, length d. */
  readonly trueW: Float64Array;
  readonly trueB: number;
  /** The label noise's standard deviation. */
  readonly noise: number;
}

/** The MT output words drawn before candidate k (k >= 0 an integer) with d coordinates. */
export function candidateWords(k: number, d: number): number {
  const pairs = Math.floor(k / 2);
  return pairs * (4 * d + 4) + (k % 2 === 1 ? 2 * d + 4 : 0);
}

/**
 * Moves `rng`, in the state the sequential builder has after `from` candidates, to the state it
 * has after `to` (from <= to): the right word of the stream and the right gauss cache. For a
 * fresh `new PyRandom(seed)`, from = 0.
 */
export function seekCandidate(rng: PyRandom, from: number, to: number, d: number): void {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && 0 <= from && from <= to)) {
    throw new RangeError(`seekCandidate: need integers 0 <= from <= to, got ${from} and ${to}`);
  }
  if (from === to) return;
  if (to % 2 === 0) {
    rng.skipWords(candidateWords(to, d) - candidateWords(from, d));
    return;
  }
  // Up to candidate to − 1's gauss, then that gauss again: its sin deviate is to's.
  rng.skipWords(candidateWords(to - 1, d) + 2 * d - candidateWords(from, d));
  rng.gauss(0.0, 1.0);
}

/**
 * Draws `count` candidates from `rng` as DatasetBuilder does (the same calls, the same sum):
 * candidate i's coordinates go to coords[i·d .. i·d + d) (row-major count×d) and labels[i] is 1
 * when trueB + Σ_j trueW[j]·x[j] (in j order) + gauss(0, noise) >= 0, else 0. Allocates nothing.
 */
export function drawCandidates(
  rng: PyRandom,
  p: CandidateParams,
  count: number,
  coords: Float64Array,
  labels: Uint8Array,
): void {
  const { d, trueW, trueB, noise } = p;
  for (let i = 0; i < count; i++) {
    const base = i * d;
    for (let j = 0; j < d; j++) coords[base + j] = rng.uniform(-3.0, 3.0);
    let score = trueB;
    for (let j = 0; j < d; j++) score += trueW[j]! * coords[base + j]!;
    score += rng.gauss(0.0, noise);
    labels[i] = score >= 0.0 ? 1 : 0;
  }
}

/**
 * One seed's candidates, drawn at any start: keeps its generator where the last draw ended, so
 * shards that move forward skip only the words in between (a shard behind it reseeds and skips
 * from the start). A pass worker keeps one per recipe.
 */
export class CandidateStream {
  private rng: PyRandom;
  /** The candidate the generator stands before. */
  private at = 0;

  constructor(
    readonly seed: number,
    readonly params: CandidateParams,
    private readonly makeRng: (seed: number) => PyRandom,
  ) {
    this.rng = makeRng(seed);
  }

  /**
   * Draws candidates [start, start + count) into coords and labels (drawCandidates' layout);
   * returns the generator's state before candidate `start` (the builder's after `start`
   * candidates), from which the generator at any candidate of the shard is a short seek.
   */
  draw(start: number, count: number, coords: Float64Array, labels: Uint8Array): PyRandomState {
    const rng = this.rngAt(start);
    const state = rng.saveState();
    drawCandidates(rng, this.params, count, coords, labels);
    this.at = start + count;
    return state;
  }

  /** The generator in the sequential builder's state after k candidates (the stream moves there). */
  rngAt(k: number): PyRandom {
    if (k < this.at) {
      this.rng = this.makeRng(this.seed);
      this.at = 0;
    }
    seekCandidate(this.rng, this.at, k, this.params.d);
    this.at = k;
    return this.rng;
  }
}
