/**
 * One shard of generation, as a pool thread (pass-pool.ts) runs it: candidates
 * [start, start + count) of a recipe's stream (src/core/generate-shard.ts), returned as
 * coordinates and raw labels for the training worker to accept in order (generate-rounds.ts).
 */
import { CandidateStream } from '../src/core/generate-shard.ts';
import { PyRandom, type PyRandomState } from '../src/core/py-random.ts';
import type { JobHandler } from './pass-worker-jobs.ts';

/** What a thread draws: the recipe's stream parameters and a range of candidates. */
export interface ShardJob {
  seed: number;
  trueW: readonly number[];
  trueB: number;
  noise: number;
  /** The first candidate (0-based, in the sequential builder's order) and how many. */
  start: number;
  count: number;
}

/**
 * A drawn shard: coords row-major count×d, labels 1 (score >= 0) or 0, as drawCandidates, and
 * the generator's state before its first candidate.
 */
export interface ShardDrawn {
  start: number;
  count: number;
  coords: Float64Array;
  labels: Uint8Array;
  state: PyRandomState;
}

/** Buffers of an accepted shard, sent back to a thread to draw the next one into. */
export interface ShardBuffers {
  coords: Float64Array;
  labels: Uint8Array;
}

/**
 * A thread's drawer (into `reuse` when it is large enough, else new buffers): keeps the last recipe's CandidateStream, so that its next shard (further
 * on in the same stream) skips only the words in between.
 */
export function createShardDrawer(): (job: ShardJob, reuse?: ShardBuffers) => ShardDrawn {
  let key = '';
  let stream: CandidateStream | null = null;
  return (job, reuse) => {
    const { seed, trueW, trueB, noise, start, count } = job;
    const jobKey = JSON.stringify([seed, trueW, trueB, noise]);
    if (!stream || jobKey !== key) {
      const params = { d: trueW.length, trueW: Float64Array.from(trueW), trueB, noise };
      stream = new CandidateStream(seed, params, (s) => new PyRandom(s));
      key = jobKey;
    }
    const fits =
      reuse && reuse.labels.length >= count && reuse.coords.length >= count * trueW.length;
    const coords = fits
      ? reuse.coords.subarray(0, count * trueW.length)
      : new Float64Array(count * trueW.length);
    const labels = fits ? reuse.labels.subarray(0, count) : new Uint8Array(count);
    const state = stream.draw(start, count, coords, labels);
    return { start, count, coords, labels, state };
  };
}

/**
 * The pool threads' 'generate' job (registered in pass-worker-jobs.ts): `shard` is a ShardJob;
 * `reuse`, optional, buffers to draw into; the result is its ShardDrawn, its buffers transferred.
 * Each thread keeps its own drawer.
 */
export function generateShardJob(): JobHandler {
  const draw = createShardDrawer();
  return (m) => {
    const drawn = draw(m['shard'] as ShardJob, m['reuse'] as ShardBuffers | undefined);
    return {
      result: drawn,
      transfer: [drawn.coords, drawn.labels, drawn.state.mt].map((a) => a.buffer as ArrayBuffer),
    };
  };
}
