/**
 * Generation on several threads, bit for bit the sequential DatasetBuilder's: consecutive shards
 * of candidates are drawn on the threads (generate-threads.ts) and the training worker accepts
 * them in candidate order (CandidateAcceptor). Shards go out while the label rates seen so far
 * say more candidates are needed, so few are drawn past the last one accepted, and none past
 * the candidate cap.
 *
 * The generator state after the last accepted candidate (the initial weights are drawn from it)
 * is the last accepted shard's starting state (each shard brings it) moved on to that candidate:
 * a seek within one shard.
 */
import type { Dataset } from '../src/core/dataset.ts';
import { CandidateAcceptor } from '../src/core/generate-shard-accept.ts';
import { seekCandidate } from '../src/core/generate-shard.ts';
import { PyRandom } from '../src/core/py-random.ts';
import type { Recipe } from '../src/core/recipe.ts';
import type { ShardBuffers, ShardDrawn } from './generate-shard-job.ts';
import type { ShardRunner } from './generate-threads.ts';

/** A shard: about 2 MB of candidates (coordinates and a label byte), ~30 ms of drawing at d = 2. */
const SHARD_BYTES = 2_000_000;
/** Shards sent to a thread and not yet answered: one drawing and one waiting, so it never idles. */
const PER_THREAD = 2;
/** Shards drawn or drawing and not yet accepted, per thread at most (bounds memory if one lags). */
const AHEAD_PER_THREAD = 6;

export interface RoundDeps {
  now: () => number;
  /** Throws when the generation must stop; called after each shard is taken. */
  checkAlive: () => void;
  /** A shard's size, bytes (default SHARD_BYTES; tests make shards small). */
  shardBytes?: number;
  /** Makes the dataset's x and y (default plain arrays). */
  alloc?: (length: number) => Float64Array;
}

/**
 * Draws the recipe's dataset on `runner`'s threads; `progress(accepted)` about every 50 ms.
 * Returns the dataset and the generator after its last candidate.
 *
 * Shards are consecutive ranges of candidates, sent as threads free up (the least busy thread
 * first, at most PER_THREAD each), so a thread that the machine slows gets less work instead of
 * holding the others up; they are accepted strictly in candidate order as they arrive.
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
  const size = Math.max(1, Math.floor((deps.shardBytes ?? SHARD_BYTES) / (8 * d + 1)));
  /** Shards not yet accepted, in candidate order. */
  const queue: Promise<ShardDrawn>[] = [];
  const busy = new Int32Array(runner.threads);
  let issued = 0;
  let stopped = false;
  /** Accepted shards' buffers, drawn into again (no new 2 MB per shard to allocate and collect). */
  const spare: ShardBuffers[] = [];
  /** Sends shards while a thread has room and more candidates look needed (never past the cap). */
  const fill = () => {
    while (!stopped && queue.length < AHEAD_PER_THREAD * runner.threads) {
      let t = 0;
      for (let j = 1; j < busy.length; j++) if (busy[j]! < busy[t]!) t = j;
      if (busy[t]! >= PER_THREAD) return;
      const count = acc.nextRound(issued, size);
      if (count === 0) return;
      busy[t]!++;
      const job = { seed, trueW, trueB, noise, start: issued, count };
      const shard = runner.draw(t, job, spare.pop());
      // Runs before the loop below sees the shard; a failure is the loop's to report.
      shard.then(
        () => {
          busy[t]!--;
          fill();
        },
        () => {
          stopped = true;
        },
      );
      queue.push(shard);
      issued += count;
    }
  };
  let lastReport = deps.now();
  let last: ShardDrawn | null = null;
  try {
    while (!acc.done) {
      fill();
      let s: ShardDrawn;
      try {
        s = await queue.shift()!;
      } catch (e) {
        deps.checkAlive(); // a cancelled generation says so, whatever became of its threads
        throw e;
      }
      deps.checkAlive();
      acc.accept(s.start, s.coords, s.labels, s.count);
      last = s;
      spare.push({
        coords: new Float64Array(s.coords.buffer),
        labels: new Uint8Array(s.labels.buffer),
      });
      if (deps.now() - lastReport > 50) {
        lastReport = deps.now();
        progress(acc.accepted);
      }
    }
  } finally {
    stopped = true; // shards still drawing are dropped when they arrive
  }
  const data = acc.result();
  const rng = new PyRandom(seed);
  rng.restoreState(last!.state);
  seekCandidate(rng, last!.start, acc.candidates, d);
  return { data, rng };
}
