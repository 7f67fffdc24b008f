/**
 * A bit-exact port of CPython's `random` module for the calls the article uses:
 * MT19937 seeded like `random.seed(n)` for an integer n, `random()`, `uniform(a, b)` and
 * `gauss(mu, sigma)` with its cached second value. Same seed, same numbers, to the last bit.
 *
 * State layout: `mt` is the 624-word Mersenne Twister state, `index` the next word. The words
 * are kept in an Int32Array (the same 32 bits; read back with >>> 0 where unsigned matters): V8
 * then never boxes a word of 2^31 or more as a double, and the twist runs ~4× faster.
 */

import { cos, log, sin } from './libm.ts';

const N = 624;
const M = 397;
/** As an int32 (its bits): the twist runs in int32 arithmetic throughout. */
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
const TWO_PI = 2 * Math.PI;
/** 2^-53: turns a 53-bit integer into a double in [0, 1). */
const INV_2_53 = 1 / 9007199254740992;

/** The largest seed accepted: CPython takes any integer; we take the exactly representable ones. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** A generator's whole state, to carry it to another thread: the words, the index, the cache. */
export interface PyRandomState {
  /** The 624 state words (their bits; Int32Array as the generator keeps them). */
  mt: Int32Array;
  index: number;
  /** gauss's cached deviate, or null when none is cached. */
  gaussNext: number | null;
}

export class PyRandom {
  private readonly mt = new Int32Array(N);
  private index = N + 1;
  /**
   * gauss() makes two normal deviates at a time and keeps the second in gaussNext[0] while
   * hasGaussNext. (A typed array, so that storing it does not allocate a heap number per pair.)
   */
  private readonly gaussNext = new Float64Array(1);
  private hasGaussNext = false;

  constructor(seed: number) {
    this.seed(seed);
  }

  /**
   * `random.seed(n)`: init_by_array with the 32-bit words of |n|, least significant first
   * ([0] for n = 0). Throws for a seed that is not an integer in [0, MAX_SEED].
   */
  seed(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`seed must be an integer in [0, ${MAX_SEED}], got ${n}`);
    }
    const low = n % 0x100000000;
    const high = Math.floor(n / 0x100000000);
    this.initByArray(high > 0 ? [low, high] : [low]);
    this.hasGaussNext = false;
  }

  /** The next 32-bit output of MT19937 (genrand_uint32). */
  nextUint32(): number {
    // The twist is its own method: kept out of this one, which then stays small enough for the
    // JIT to inline at every call site.
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A copy of the whole state (restoreState puts it back, here or in another generator). */
  saveState(): PyRandomState {
    const gaussNext = this.hasGaussNext ? this.gaussNext[0]! : null;
    return { mt: this.mt.slice(), index: this.index, gaussNext };
  }

  /** Makes this generator continue exactly as the one whose state was saved. */
  restoreState(state: PyRandomState): void {
    if (state.mt.length !== N || !(state.index >= 0 && state.index <= N)) {
      throw new RangeError(`restoreState: need ${N} words and an index in [0, ${N}]`);
    }
    this.mt.set(state.mt);
    this.index = state.index;
    this.hasGaussNext = state.gaussNext !== null;
    if (state.gaussNext !== null) this.gaussNext[0] = state.gaussNext;
  }

  /**
   * Moves the stream on by `count` 32-bit outputs without producing them, as if nextUint32()
   * had been called `count` times: only the index moves and the state is twisted when it runs
   * out (no tempering, no conversion), about a nanosecond a word. The gauss cache is dropped:
   * a jump lands where the caller knows no gauss pair is half used (generate-shard.ts).
   * `count` is a non-negative integer below 2^53.
   */
  skipWords(count: number): void {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`skipWords: count must be an integer >= 0, got ${count}`);
    }
    this.hasGaussNext = false;
    let left = count;
    while (left > 0) {
      if (this.index >= N) this.twist();
      const step = Math.min(left, N - this.index);
      this.index += step;
      left -= step;
    }
  }

  /**
   * Regenerates all N state words (once every N outputs): mt[k] = mt[k+M] ^ (y >>> 1) ^
   * (y odd ? MATRIX_A : 0) with y = upper bit of mt[k] | lower 31 bits of mt[k+1], indices mod N
   * (-(y & 1) & MATRIX_A is the branch-free form of the choice).
   */
  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    let cur = mt[0]!;
    for (; kk < N - M; kk++) {
      const next = mt[kk + 1]!;
      const y = (cur & UPPER_MASK) | (next & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
      cur = next;
    }
    for (; kk < N - 1; kk++) {
      const next = mt[kk + 1]!;
      const y = (cur & UPPER_MASK) | (next & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
      cur = next;
    }
    const y = (cur & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.index = 0;
  }

  /** `random()`: a double in [0, 1) from 53 random bits, (a·2^26 + b) / 2^53. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * INV_2_53;
  }

  /** `uniform(a, b)` = a + (b − a)·random(), evaluated in that order. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /**
   * `gauss(mu, sigma)`: Box–Muller as CPython writes it. Each pair of random() values yields
   * cos and sin deviates; the sin one is cached for the next call. Returns mu + z·sigma.
   * log, cos and sin are glibc's, bit for bit (V8's differ in the last bit on ~6% of draws);
   * sqrt is correctly rounded everywhere.
   */
  gauss(mu: number, sigma: number): number {
    if (this.hasGaussNext) {
      this.hasGaussNext = false;
      return mu + this.gaussNext[0]! * sigma;
    }
    const x2pi = this.random() * TWO_PI;
    const g2rad = Math.sqrt(-2.0 * log(1.0 - this.random()));
    const z = cos(x2pi) * g2rad;
    this.gaussNext[0] = sin(x2pi) * g2rad;
    this.hasGaussNext = true;
    return mu + z * sigma;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      // 1812433253 * prev mod 2^32, split to stay exact in doubles.
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const keyLength = key.length;
    for (let k = Math.max(N, keyLength); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }
}
