/**
 * What the threads of a sharded pass (sharded-pass.ts) exchange: packed block partials, a shard's
 * answer, the runner the core talks to, the pass's shared block counter and its board.
 *
 * Layout: partials packed row-major K×(4 + d) as [loss, gb, sv, signedPositive, gw_0 … gw_{d−1}]
 * (partialStride).
 */
import type { Dataset } from './dataset.ts';
import type { PassSums } from './pass-sums.ts';

/** Numbers per packed block partial: loss, gb, sv, signedPositive, then gw (d). */
export function partialStride(d: number): number {
  return 4 + d;
}

/** Writes partial p into out[at … at + 4 + d). */
export function packPartial(p: PassSums, out: Float64Array, at: number): void {
  out[at] = p.loss;
  out[at + 1] = p.gb;
  out[at + 2] = p.sv;
  out[at + 3] = p.signedPositive;
  out.set(p.gw, at + 4);
}

/** Reads the partial packed at src[at …] into p (same d). */
export function unpackPartial(src: Float64Array, at: number, p: PassSums): void {
  p.loss = src[at]!;
  p.gb = src[at + 1]!;
  p.sv = src[at + 2]!;
  p.signedPositive = src[at + 3]!;
  const gw = p.gw;
  for (let j = 0; j < gw.length; j++) gw[j] = src[at + 4 + j]!;
}

/** First block of shard j when K blocks go to T threads: ⌊j·K/T⌋ (shard j ends at shard j+1's). */
export function shardStart(j: number, threads: number, blocks: number): number {
  return Math.floor((j * blocks) / threads);
}

/**
 * One thread's answer for its shard: the partials of its blocks and their indices. The blocks
 * are `blocks` in that order when claimed, else firstBlock, firstBlock + 1, ….
 */
export interface ShardResult {
  firstBlock: number;
  /** The blocks scanned, ascending (claimed blocks), or null (a fixed shard from firstBlock). */
  blocks: Int32Array | null;
  /** Packed partials (partialStride(d) numbers a block), one per block of the shard. */
  partials: Float64Array;
  /** The shard's support-vector row indices (global rows), block after block; null unless captured. */
  sv: Uint32Array | null;
}

/**
 * A pass started on the threads: its ticket, and its block counter when blocks are claimed
 * (element 0: the next block to take; fresh for every pass, so a thread still busy with an
 * older pass claims nothing of this one), or null for fixed shards.
 */
export interface StartedPass {
  ticket: number;
  claim: Int32Array | null;
  /** Where claiming threads also post each block as they finish it (a pass without capture). */
  board?: PassBoard | null;
}

/**
 * A claimed pass's blocks as the threads finish them, in shared memory: block k's packed partial
 * at partials[k·stride …] (partialStride), then done[k] = 1 (Atomics: the partial is visible to a
 * thread that reads done[k] as 1). Fresh for every pass. The thread that runs out of blocks to
 * claim takes the posted blocks from here and scans those still in flight itself (the same bits
 * from any thread), so a thread that stalls (its core taken by another) does not hold up the
 * pass; its answer, when it comes, is dropped.
 */
export interface PassBoard {
  partials: Float64Array;
  done: Int32Array;
}

/** Posts block k's partial to the board. */
export function postToBoard(board: PassBoard, k: number, partial: PassSums, d: number): void {
  packPartial(partial, board.partials, k * partialStride(d));
  Atomics.store(board.done, k, 1);
}

/**
 * What a sharded pass needs from the threads. start() asks threads 1 … T−1 to scan at (w, b)
 * (claimed blocks or their fixed shards); take(ticket) hands over one answer that has arrived
 * for it (older tickets' answers are dropped), or null. Both throw when a thread has died.
 */
export interface PassRunner {
  /** Threads sharing a pass, this one included. */
  readonly threads: number;
  start(w: Float64Array, b: number, capture: boolean): StartedPass;
  take(ticket: number): ShardResult | null;
}

/** The next block for this thread from a pass's counter, or −1 when every block is taken. */
export function claimBlock(claim: Int32Array, blocks: number): number {
  const k = Atomics.add(claim, 0, 1);
  return k < blocks ? k : -1;
}

/** Leaves no block to claim (a pass finished here or dropped: the helpers stop early). */
export function closeClaims(claim: Int32Array, blocks: number): void {
  Atomics.store(claim, 0, blocks);
}

const runners = new WeakMap<Dataset, PassRunner>();

/** Lets every pass over `data` that starts from now on use `runner` (null: this thread alone). */
export function setPassRunner(data: Dataset, runner: PassRunner | null): void {
  if (runner) runners.set(data, runner);
  else runners.delete(data);
}

/** The runner passes over `data` share their blocks with, if any. */
export function passRunnerOf(data: Dataset): PassRunner | undefined {
  return runners.get(data);
}
