/**
 * A full pass shared among threads, by the fixed blocked order (blocked-sums.ts). Other threads
 * work through an injected PassRunner (workers/pass-runner.ts implements it; the core knows no
 * threads, no messages). Which thread scans which block is decided one of two ways:
 * - claimed (every thread holds all the rows, in shared memory): each thread, this one included,
 *   takes the next unscanned block from the pass's shared counter (Atomics.add) until none is
 *   left, so a thread that runs slower (a busier or slower core) simply scans fewer blocks;
 * - fixed shards (each helper holds a copy of its own rows only): the K blocks are cut into T
 *   contiguous shards; shard 0 is scanned here, shards 1 … T−1 by the other threads.
 * Either way this thread scans in slices of whole blocks, every block's partial is summed from
 * zero by scanBlock wherever it runs, and the total is the partials added in block order once
 * all are in — the same bits as the single-thread EvalPass for any T and any sharing of blocks.
 *
 * Layout: partials packed row-major K×(4 + d) as [loss, gb, sv, signedPositive, gw_0 … gw_{d−1}]
 * (partialStride). Support-vector indices are staged at each block's first row in the pass's
 * sv array (a block holds at most its own row count of them) and moved down into place, block
 * by block, as the partials are added: sv ends as the single-thread pass writes it.
 *
 * Allocation: the partials and flags once per EvalPass (O(K·d)); nothing per pass here.
 */
import {
  addPartial,
  blockCount,
  blockEnd,
  blockStart,
  scanBlock,
  type PassRows,
} from './blocked-sums.ts';
import type { Dataset } from './dataset.ts';
import { clearSums, emptySums, type PassSums } from './pass-sums.ts';

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

export class ShardedPass {
  /** True from begin() until restart: the pass under way (or complete) is a sharded one. */
  active = false;
  /** Rows of the blocks complete so far (n once the pass is merged). */
  rowsDone = 0;
  private readonly blocks: number;
  private readonly partial: PassSums;
  private partials: Float64Array | null = null;
  private done: Uint8Array | null = null;
  private runner: PassRunner | null = null;
  private ticket = 0;
  /** The pass's block counter when blocks are claimed, else null (fixed shards). */
  private claim: Int32Array | null = null;
  /** This thread's next block of shard 0, and the end of shard 0. */
  private localNext = 0;
  private localEnd = 0;

  constructor(
    private readonly rows: PassRows,
    private readonly n: number,
  ) {
    this.blocks = blockCount(n);
    this.partial = emptySums(rows.d);
  }

  /** Whether a pass over these rows is worth sharing with `runner`. */
  suits(runner: PassRunner | undefined): runner is PassRunner {
    return runner !== undefined && runner.threads > 1 && this.blocks > 1;
  }

  /** Starts a sharded pass at (w, b): the other threads begin their shards now. */
  begin(runner: PassRunner, w: Float64Array, b: number, capture: boolean): void {
    const stride = partialStride(this.rows.d);
    this.partials ??= new Float64Array(this.blocks * stride);
    this.done ??= new Uint8Array(this.blocks);
    this.done.fill(0);
    this.runner = runner;
    this.rowsDone = 0;
    this.localNext = 0;
    this.localEnd = shardStart(1, runner.threads, this.blocks);
    this.active = true;
    ({ ticket: this.ticket, claim: this.claim } = runner.start(w, b, capture));
  }

  /** Forgets the pass (answers still on their way are dropped by ticket). */
  cancel(): void {
    if (this.claim) closeClaims(this.claim, this.blocks);
    this.active = false;
    this.runner = null;
    this.rowsDone = 0;
  }

  get complete(): boolean {
    return this.active && this.rowsDone === this.n;
  }

  /**
   * Takes the answers that have arrived, then scans up to ⌈maxRows / T⌉ rows (whole blocks, at
   * least one) of this thread's shard; when every block is in, adds the partials into `total` in
   * block order. Returns the rows of the blocks completed by this call: 0 means the pass waits
   * for other threads (or is complete).
   */
  advance(
    current: PassRunner | undefined,
    w: Float64Array,
    b: number,
    maxRows: number,
    total: PassSums,
    sv: Uint32Array | null,
  ): number {
    const runner = this.runner;
    if (!runner || this.complete) return 0;
    // A pass begun with other threads than the data's now (a new pool) is finished here.
    if (current !== runner) return this.finish(w, b, total, sv);
    let rows = this.collect(runner, sv);
    const budget = Math.max(1, Math.floor(maxRows / (runner.threads * blockStart(1))));
    for (let j = 0; j < budget; j++) {
      const k = this.nextHere();
      if (k < 0) break;
      rows += this.scanHere(k, w, b, sv);
    }
    if (this.rowsDone === this.n) this.merge(total, sv);
    return rows;
  }

  /**
   * Completes the pass here and now: the answers that have arrived are used, every other block
   * is scanned by this thread (the same bits, as any thread computes any block alike), and the
   * total merged, even when the threads have failed. Returns the rows this call completed.
   */
  finish(w: Float64Array, b: number, total: PassSums, sv: Uint32Array | null): number {
    const runner = this.runner;
    if (!runner || this.complete) return 0;
    if (this.claim) closeClaims(this.claim, this.blocks);
    let rows = 0;
    try {
      rows = this.collect(runner, sv);
    } catch {
      // The threads failed (the run loop reports it); this pass needs none of them.
    }
    for (let k = 0; k < this.blocks; k++) if (!this.done![k]) rows += this.scanHere(k, w, b, sv);
    this.merge(total, sv);
    return rows;
  }

  /** This thread's next block: claimed, or the next of shard 0; −1 when it has no more. */
  private nextHere(): number {
    if (this.claim) return claimBlock(this.claim, this.blocks);
    return this.localNext < this.localEnd ? this.localNext++ : -1;
  }

  private scanHere(k: number, w: Float64Array, b: number, sv: Uint32Array | null): number {
    if (this.done![k]) return 0;
    const i0 = blockStart(k);
    const i1 = blockEnd(k, this.n);
    scanBlock(this.rows, w, b, i0, i1, this.partial, sv, i0);
    packPartial(this.partial, this.partials!, k * partialStride(this.rows.d));
    this.done![k] = 1;
    this.rowsDone += i1 - i0;
    return i1 - i0;
  }

  /** Files every answer that has arrived for this pass; returns the rows they complete. */
  private collect(runner: PassRunner, sv: Uint32Array | null): number {
    const stride = partialStride(this.rows.d);
    const partials = this.partials!;
    const done = this.done!;
    let rows = 0;
    for (let r = runner.take(this.ticket); r; r = runner.take(this.ticket)) {
      const count = r.partials.length / stride;
      let at = 0; // position in r.sv of the current block's indices
      for (let q = 0; q < count; q++) {
        const k = r.blocks ? r.blocks[q]! : r.firstBlock + q;
        const blockSv = r.partials[q * stride + 2]!;
        // Only a complete pass scans a block here that another thread has (then nothing is taken).
        partials.set(r.partials.subarray(q * stride, (q + 1) * stride), k * stride);
        if (sv && r.sv) sv.set(r.sv.subarray(at, at + blockSv), blockStart(k));
        done[k] = 1;
        rows += blockEnd(k, this.n) - blockStart(k);
        at += blockSv;
      }
    }
    this.rowsDone += rows;
    return rows;
  }

  /** total ← 0 + p_0 + p_1 + … (block order); moves each block's staged indices into place. */
  private merge(total: PassSums, sv: Uint32Array | null): void {
    const stride = partialStride(this.rows.d);
    const { partial, partials } = this;
    clearSums(total);
    for (let k = 0; k < this.blocks; k++) {
      unpackPartial(partials!, k * stride, partial);
      if (sv && partial.sv > 0) {
        const from = blockStart(k);
        sv.copyWithin(total.sv, from, from + partial.sv); // total.sv <= from: moves down
      }
      addPartial(total, partial);
    }
    this.rowsDone = this.n;
  }
}
