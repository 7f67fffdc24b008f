import { describe, expect, it } from 'vitest';
import { DatasetBuilder, type Dataset } from '../../src/core/dataset.ts';
import {
  candidateWords,
  CandidateStream,
  drawCandidates,
  seekCandidate,
  type CandidateParams,
} from '../../src/core/generate-shard.ts';
import { CandidateAcceptor } from '../../src/core/generate-shard-accept.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import type { Recipe } from '../../src/core/recipe.ts';

/** Where two arrays first differ (-1: nowhere, lengths included): a small failure, not a diff of 10^5 numbers. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : n;
}

/** A PyRandom that counts the 32-bit words it hands out. */
class CountingRandom extends PyRandom {
  words = 0;
  override nextUint32(): number {
    this.words++;
    return super.nextUint32();
  }
}

const paramsOf = (r: Recipe): CandidateParams => ({
  d: r.trueW.length,
  trueW: Float64Array.from(r.trueW),
  trueB: r.trueB,
  noise: r.noise,
});

/** The builder's dataset and its generator's next draws (what initialModel would read). */
function sequential(recipe: Recipe): { data: Dataset; next: number[] } {
  const rng = new PyRandom(recipe.seed);
  const b = new DatasetBuilder(recipe, rng);
  b.advance(Infinity);
  return { data: b.result(), next: nextDraws(rng) };
}

/** Three gauss (the first may be a cached one) and a raw word: the generator's whole state. */
const nextDraws = (rng: PyRandom) => [
  rng.gauss(0, 1),
  rng.gauss(0, 1),
  rng.gauss(0, 1),
  rng.nextUint32(),
];

/**
 * Sharded generation as the worker runs it: rounds sized by the acceptor (at most `roundLimit`),
 * up to `depth` rounds in flight, each split at random into shards drawn by `streams` taken in
 * turn (as threads would, each keeping its generator between rounds), then accepted in
 * candidate order.
 */
function sharded(
  recipe: Recipe,
  rand: () => number,
  streams: number,
  roundLimit: number,
  depth = 1 + Math.floor(rand() * 3),
) {
  const params = paramsOf(recipe);
  const acc = new CandidateAcceptor(recipe);
  const pool = Array.from(
    { length: streams },
    () => new CandidateStream(recipe.seed, params, (s) => new PyRandom(s)),
  );
  type Drawn = { start: number; count: number; coords: Float64Array; labels: Uint8Array };
  const rounds: Drawn[][] = [];
  let issued = 0;
  let shards = 0;
  while (!acc.done) {
    for (;;) {
      const size = rounds.length < depth ? acc.nextRound(issued, roundLimit) : 0;
      if (size === 0) break;
      const parts = splitCandidates(issued, size, 1 + Math.floor(rand() * 5));
      rounds.push(
        parts.map((p, i) => {
          const coords = new Float64Array(p.count * params.d);
          const labels = new Uint8Array(p.count);
          pool[(shards + i) % streams]!.draw(p.start, p.count, coords, labels);
          return { ...p, coords, labels };
        }),
      );
      shards += parts.length;
      issued += size;
    }
    for (const s of rounds.shift()!)
      if (!acc.done) acc.accept(s.start, s.coords, s.labels, s.count);
  }
  const rng = pool[0]!.rngAt(acc.candidates);
  return { data: acc.result(), next: nextDraws(rng), candidates: acc.candidates };
}

/** Candidates [start, start + count) in `parts` contiguous shards of near-equal size, in order. */
function splitCandidates(start: number, count: number, parts: number) {
  const out: { start: number; count: number }[] = [];
  for (let i = 0; i < parts; i++) {
    const a = Math.floor((i * count) / parts);
    const b = Math.floor(((i + 1) * count) / parts);
    if (b > a) out.push({ start: start + a, count: b - a });
  }
  return out;
}

/** A small seeded uniform in [0, 1) for the test's own choices. */
function testRandom(seed: number): () => number {
  const r = new PyRandom(seed);
  return () => r.random();
}

describe('PyRandom.skipWords', () => {
  it('lands where stepping word by word does, across twists and from any position', () => {
    const rand = testRandom(1);
    for (const k of [0, 1, 623, 624, 625, 1247, 1248, 5000, 100_003]) {
      for (let trial = 0; trial < 3; trial++) {
        const before = Math.floor(rand() * 2000);
        const a = new PyRandom(42);
        const b = new PyRandom(42);
        for (let i = 0; i < before; i++) {
          a.nextUint32();
          b.nextUint32();
        }
        a.skipWords(k);
        for (let i = 0; i < k; i++) b.nextUint32();
        const next = (r: PyRandom) => [r.nextUint32(), r.nextUint32(), r.random()];
        expect(next(a), `skip ${k} after ${before}`).toEqual(next(b));
      }
    }
  });

  it('saveState and restoreState carry the whole state, the gauss cache included', () => {
    const a = new PyRandom(9);
    for (let i = 0; i < 700; i++) a.random();
    a.gauss(0, 1); // leaves a cached deviate
    const b = new PyRandom(1);
    b.restoreState(a.saveState());
    const next = (r: PyRandom) => [r.gauss(0, 1), r.gauss(0, 1), r.nextUint32()];
    expect(next(b)).toEqual(next(a));
    expect(() => b.restoreState({ mt: new Int32Array(3), index: 0, gaussNext: null })).toThrow(
      /need 624 words/,
    );
  });

  it('refuses a count that is not a non-negative integer', () => {
    expect(() => new PyRandom(1).skipWords(-1)).toThrow(/count must be an integer >= 0, got -1/);
    expect(() => new PyRandom(1).skipWords(1.5)).toThrow(/got 1.5/);
  });
});

describe('candidateWords', () => {
  it('counts the words the builder draws before each candidate (gauss pairs: 4d+4 per two)', () => {
    for (let d = 1; d <= 5; d++) {
      const rng = new CountingRandom(3);
      const recipe = { seed: 3, nPerClass: 1000, trueW: Array(d).fill(0.5), trueB: 0, noise: 1 };
      const b = new DatasetBuilder(recipe, rng);
      for (let k = 0; k < 40; k++) {
        expect(rng.words, `d ${d}, candidate ${k}`).toBe(candidateWords(k, d));
        b.advance(1);
      }
    }
  });
});

describe('seekCandidate and drawCandidates', () => {
  it('draw candidates [from, to) from a seeked generator as the builder drew them', () => {
    const rand = testRandom(2);
    for (let trial = 0; trial < 40; trial++) {
      const d = 1 + Math.floor(rand() * 5);
      const p: CandidateParams = {
        d,
        trueW: Float64Array.from({ length: d }, () => rand() * 4 - 2),
        trueB: rand() - 0.5,
        noise: rand() < 0.3 ? 0 : rand() * 3,
      };
      const total = 60;
      const whole = { c: new Float64Array(total * d), l: new Uint8Array(total) };
      drawCandidates(new PyRandom(trial), p, total, whole.c, whole.l);
      const from = Math.floor(rand() * 30);
      const to = from + Math.floor(rand() * 20);
      const rng = new PyRandom(trial);
      seekCandidate(rng, 0, from, d);
      seekCandidate(rng, from, to, d);
      const part = { c: new Float64Array((total - to) * d), l: new Uint8Array(total - to) };
      drawCandidates(rng, p, total - to, part.c, part.l);
      expect(firstDifference(part.c, whole.c.slice(to * d)), `from ${from} to ${to}`).toBe(-1);
      expect(firstDifference(part.l, whole.l.slice(to))).toBe(-1);
    }
  });

  it('refuses to seek backwards', () => {
    expect(() => seekCandidate(new PyRandom(1), 5, 4, 2)).toThrow(/0 <= from <= to, got 5 and 4/);
  });
});

describe('sharded generation', () => {
  it('equals the sequential builder bit for bit for random recipes and random shard splits', () => {
    const rand = testRandom(3);
    let hopeless = 0;
    for (let trial = 0; trial < 60; trial++) {
      const d = 1 + Math.floor(rand() * 5);
      const recipe: Recipe = {
        seed: Math.floor(rand() * 2 ** 40),
        nPerClass: 1 + Math.floor(rand() * 400),
        trueW: Array.from({ length: d }, () => rand() * 4 - 2),
        // Some far off centre: one class is rare and most candidates of the other are dropped.
        trueB: rand() < 0.3 ? (rand() < 0.5 ? -1 : 1) * (2 + rand() * 2) : rand() - 0.5,
        noise: [0, 0.1, 0.5, 3, 1e3][Math.floor(rand() * 5)]!,
      };
      const label = JSON.stringify(recipe);
      const streams = 1 + Math.floor(rand() * 4);
      const roundLimit = 1 + Math.floor(rand() * 700);
      let want: ReturnType<typeof sequential>;
      try {
        want = sequential(recipe);
      } catch (e) {
        // A hopeless recipe (rare class never drawn): the same error at the same candidate.
        expect(() => sharded(recipe, rand, streams, 1e5), label).toThrow((e as Error).message);
        hopeless++;
        continue;
      }
      const got = sharded(recipe, rand, streams, roundLimit);
      expect(firstDifference(got.data.x, want.data.x), label).toBe(-1);
      expect(firstDifference(got.data.y, want.data.y), label).toBe(-1);
      expect(got.data.nPositive).toBe(want.data.nPositive);
      // The generator afterwards is the builder's too: the initial weights come from it.
      expect(got.next, label).toEqual(want.next);
    }
    expect(hopeless).toBeLessThan(10);
  });

  it('drops most candidates of a common class and still stops where the builder stops', () => {
    const recipe: Recipe = { seed: 11, nPerClass: 3000, trueW: [1], trueB: 2.7, noise: 0.2 };
    const b = new DatasetBuilder(recipe, new PyRandom(11));
    b.advance(Infinity);
    const got = sharded(recipe, testRandom(4), 3, 5000);
    expect(b.candidates).toBeGreaterThan(15 * recipe.nPerClass);
    expect(got.candidates).toBe(b.candidates);
    expect(firstDifference(got.data.x, b.result().x)).toBe(-1);
  });

  it('gives up at the candidate cap with the builder’s message', () => {
    const recipe: Recipe = { seed: 1, nPerClass: 2, trueW: [1, -0.6], trueB: 100, noise: 0 };
    const b = new DatasetBuilder(recipe, new PyRandom(1));
    let message = '';
    try {
      b.advance(Infinity);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/almost never draws negative points: 0 of 2 after 1000000 candidates/);
    expect(() => sharded(recipe, testRandom(5), 2, 300_000)).toThrow(message);
  });

  it('takes candidates only in order', () => {
    const acc = new CandidateAcceptor({ seed: 1, nPerClass: 2, trueW: [1], trueB: 0, noise: 1 });
    expect(() => acc.accept(1, new Float64Array(1), new Uint8Array(1), 1)).toThrow(
      /candidates must come in order: expected 0, got 1/,
    );
  });
});
