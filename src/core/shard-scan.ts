/**
 * What another thread does for a sharded pass (sharded-pass.ts): scan its blocks at (w, b) and
 * answer with their partials (packed K×(4 + d), partialStride) and, with capture, their
 * support-vector indices, block after block. Either a fixed shard of blocks [k0, k1), or blocks
 * claimed one at a time from the pass's shared counter until none is left.
 *
 * `rows` hold the pass's rows from rowOffset on: the whole data shared (rowOffset 0), or a copy
 * of a fixed shard's rows (rowOffset = blockStart(k0)). With capture, `scratch` (length >= the
 * rows held) takes the indices first; the result's sv is a copy of them, made global.
 */
import { blockCount, blockEnd, blockStart, scanBlock, type PassRows } from './blocked-sums.ts';
import { emptySums } from './pass-sums.ts';
import {
  claimBlock,
  packPartial,
  partialStride,
  postToBoard,
  type PassBoard,
  type ShardResult,
} from './sharded-pass.ts';

/** The partials of blocks [k0, k1) of a pass over n rows (a fixed shard). */
export function scanShard(
  rows: PassRows,
  rowOffset: number,
  n: number,
  w: Float64Array,
  b: number,
  k0: number,
  k1: number,
  scratch: Uint32Array | null,
): ShardResult {
  const stride = partialStride(rows.d);
  const partials = new Float64Array((k1 - k0) * stride);
  const partial = emptySums(rows.d);
  let count = 0;
  for (let k = k0; k < k1; k++) {
    const i0 = blockStart(k) - rowOffset;
    const i1 = blockEnd(k, n) - rowOffset;
    scanBlock(rows, w, b, i0, i1, partial, scratch, count);
    packPartial(partial, partials, (k - k0) * stride);
    count += partial.sv;
  }
  let sv: Uint32Array | null = null;
  if (scratch) {
    sv = scratch.slice(0, count);
    if (rowOffset !== 0) for (let i = 0; i < count; i++) sv[i] = sv[i]! + rowOffset;
  }
  return { firstBlock: k0, blocks: null, partials, sv };
}

/**
 * The partials of the blocks this thread claims from `claim` (the pass's counter) of a pass over
 * all n rows, held whole (shared memory); the blocks come ascending, as the counter only rises.
 * Each block is also posted to `board` as it is done, when the pass has one.
 */
export function scanClaimed(
  rows: PassRows,
  n: number,
  w: Float64Array,
  b: number,
  claim: Int32Array,
  scratch: Uint32Array | null,
  board: PassBoard | null = null,
): ShardResult {
  const K = blockCount(n);
  const stride = partialStride(rows.d);
  const blocks = new Int32Array(K);
  const partials = new Float64Array(K * stride);
  const partial = emptySums(rows.d);
  let taken = 0;
  let count = 0;
  for (let k = claimBlock(claim, K); k >= 0; k = claimBlock(claim, K)) {
    scanBlock(rows, w, b, blockStart(k), blockEnd(k, n), partial, scratch, count);
    packPartial(partial, partials, taken * stride);
    if (board) postToBoard(board, k, partial, rows.d);
    blocks[taken++] = k;
    count += partial.sv;
  }
  return {
    firstBlock: taken > 0 ? blocks[0]! : K,
    blocks: blocks.slice(0, taken),
    partials: partials.slice(0, taken * stride),
    sv: scratch ? scratch.slice(0, count) : null,
  };
}
