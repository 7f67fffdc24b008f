/**
 * Generation on several threads, bit for bit the sequential DatasetBuilder's: rounds of
 * candidates are split into one contiguous shard per thread (generate-threads.ts draws them),
 * and the training worker accepts each round's shards in candidate order (CandidateAcceptor).
 * Two rounds are in flight at a time, so the threads do not wait while a round is accepted; the
 * rounds are sized by the label rates seen so far, so few candidates are drawn past the last one
 * accepted, and nothing past the candidate cap.
 *
 * The generator state after the last accepted candidate (the initial weights are drawn from it)
 * comes from a stream kept here, moved forward past each accepted round while the threads draw
 * the next (a raw skip: ~2.5 ns a word).
 */
import type { Dataset } from '../src/core/dataset.ts';
import { CandidateAcceptor, splitCandidates } from '../src/core/generate-shard-accept.ts';
import { CandidateStream } from '../src/core/generate-shard.ts';
import { PyRandom } from '../src/core/py-random.ts';
import type { Recipe } from '../src/core/recipe.ts';
import type { ShardDrawn } from './generate-shard-job.ts';
import type { ShardRunner } from './generate-threads.ts';

/** A thread's shard of one round: about 4 MB of candidates (coordinates and a label byte). */
const SHARD_BYTES = 4_000_000;
/** Rounds drawing at once. */
const ROUNDS_IN_FLIGHT = 2;

export interface RoundDeps {
  now: () => number;
  /** Throws when the generation must stop; called after each round. */
  checkAlive: () => void;
  /** A thread's share of a round, bytes (default SHARD_BYTES; tests make rounds small). */
  shardBytes?: number;
  /** Makes the dataset's x and y (default plain arrays). */
  alloc?: (length: number) => Float64Array;
}

/**
 * Draws the recipe's dataset on `runner`'s threads; `progress(accepted)` about every 50 ms.
 * Returns the dataset and the generator after its last candidate.
 */
export async function generateOnThreads(
  recipe: Recipe,
  runner: ShardRunner,
  deps: RoundDeps,
  progress: (accepted: number) => void,
): Promise<{ data: Dataset; rng: PyRandom }> {
  const d = recipe.trueW.length;
  const { seed, trueW, trueB, noise } = recipe;
  const acc = new CandidateAcceptor(recipe, deps.alloc);
  const params = { d, trueW: Float64Array.from(trueW), trueB, noise };
  const local = new CandidateStream(seed, params, (s) => new PyRandom(s));
  const shardBytes = deps.shardBytes ?? SHARD_BYTES;
  const limit = runner.threads * Math.max(1, Math.floor(shardBytes / (8 * d + 1)));
  const inFlight: Promise<ShardDrawn[]>[] = [];
  let issued = 0;
  let lastReport = deps.now();
  while (!acc.done) {
    while (inFlight.length < ROUNDS_IN_FLIGHT) {
      const size = acc.nextRound(issued, limit);
      if (size === 0) break;
      const parts = splitCandidates(issued, size, runner.threads);
      const round = Promise.all(
        parts.map((p, t) => runner.draw(t, { seed, trueW, trueB, noise, ...p })),
      );
      round.catch(() => undefined); // awaited below; a round left behind must not go unhandled
      inFlight.push(round);
      issued += size;
    }
    let shards: ShardDrawn[];
    try {
      shards = await inFlight.shift()!;
    } catch (e) {
      deps.checkAlive(); // a cancelled generation says so, whatever became of its threads
      throw e;
    }
    deps.checkAlive();
    for (const s of shards) if (!acc.done) acc.accept(s.start, s.coords, s.labels, s.count);
    local.rngAt(acc.candidates);
    if (deps.now() - lastReport > 50) {
      lastReport = deps.now();
      progress(acc.accepted);
    }
  }
  return { data: acc.result(), rng: local.rngAt(acc.candidates) };
}
