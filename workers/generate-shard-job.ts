/**
 * One shard of generation, as a thread runs it: candidates [start, start + count) of a recipe's
 * stream (src/core/generate-shard.ts), returned as coordinates and raw labels for the
 * coordinator to accept in order (generate-rounds.ts). The messages between the coordinator and
 * a generation thread are defined here too.
 */
import { CandidateStream } from '../src/core/generate-shard.ts';
import { PyRandom } from '../src/core/py-random.ts';

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

/** A drawn shard: coords row-major count×d, labels 1 (score >= 0) or 0, as drawCandidates. */
export interface ShardDrawn {
  start: number;
  count: number;
  coords: Float64Array;
  labels: Uint8Array;
}

/** Coordinator → thread. */
export interface ShardRequest {
  shardId: number;
  job: ShardJob;
}

/** Thread → coordinator: the shard (its buffers transferred) or why it failed. */
export type ShardReply =
  { shardId: number; drawn: ShardDrawn } | { shardId: number; error: string };

/**
 * A thread's drawer: keeps the last recipe's CandidateStream, so that its next shard (further
 * on in the same stream) skips only the words in between.
 */
export function createShardDrawer(): (job: ShardJob) => ShardDrawn {
  let key = '';
  let stream: CandidateStream | null = null;
  return (job) => {
    const { seed, trueW, trueB, noise, start, count } = job;
    const jobKey = JSON.stringify([seed, trueW, trueB, noise]);
    if (!stream || jobKey !== key) {
      const params = { d: trueW.length, trueW: Float64Array.from(trueW), trueB, noise };
      stream = new CandidateStream(seed, params, (s) => new PyRandom(s));
      key = jobKey;
    }
    const coords = new Float64Array(count * trueW.length);
    const labels = new Uint8Array(count);
    stream.draw(start, count, coords, labels);
    return { start, count, coords, labels };
  };
}

/** What a generation thread's entry needs from its scope (a worker's global, a Node port). */
export interface ShardScope {
  postMessage(message: ShardReply, transfer: Transferable[]): void;
}

/** Answers one request on `scope`: the drawn shard with its buffers transferred, or the error. */
export function answerShard(
  draw: (job: ShardJob) => ShardDrawn,
  request: ShardRequest,
  scope: ShardScope,
): void {
  let drawn: ShardDrawn;
  try {
    drawn = draw(request.job);
  } catch (e) {
    scope.postMessage({ shardId: request.shardId, error: String((e as Error)?.message ?? e) }, []);
    return;
  }
  scope.postMessage({ shardId: request.shardId, drawn }, [
    drawn.coords.buffer as ArrayBuffer,
    drawn.labels.buffer as ArrayBuffer,
  ]);
}
