/**
 * A full pass shared among threads, by the fixed blocked order (blocked-sums.ts): the pass's K
 * blocks are cut into T contiguous shards; shard 0 is scanned here, in slices of whole blocks,
 * shards 1 … T−1 by other threads through an injected PassRunner (workers/pass-runner.ts
 * implements it; the core knows no threads, no messages). Every block's partial is summed from
 * zero by scanBlock wherever it runs, and the total is the partials added in block order once
 * all are in — the same bits as the single-thread EvalPass for any T.
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

/** One thread's answer for its shard: the partials of blocks [firstBlock, …) and their indices. */
export interface ShardResult {
  firstBlock: number;
  /** Packed partials (partialStride(d) numbers a block), one per block of the shard. */
  partials: Float64Array;
  /** The shard's support-vector row indices (global rows), block after block; null unless captured. */
  sv: Uint32Array | null;
}

/**
 * What a sharded pass needs from the threads. start() asks threads 1 … T−1 to scan their shards
 * at (w, b) and returns the pass's ticket; take(ticket) hands over one answer that has arrived
 * for it (older tickets' answers are dropped), or null. Both throw when a thread has died.
 */
export interface PassRunner {
  /** Threads sharing a pass, this one included. */
  readonly threads: number;
  start(w: Float64Array, b: number, capture: boolean): number;
  take(ticket: number): ShardResult | null;
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
    this.ticket = runner.start(w, b, capture);
  }

  /** Forgets the pass (answers still on their way are dropped by ticket). */
  cancel(): void {
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
    for (let k = 0; k < budget && this.localNext < this.localEnd; k++) {
      rows += this.scanHere(this.localNext++, w, b, sv);
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
        const k = r.firstBlock + q;
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

/**
 * What another thread does for its shard: the partials of blocks [k0, k1) of a pass over n rows
 * at (w, b), scanned from `rows`, which hold the pass's rows from rowOffset on (the whole data
 * shared, rowOffset 0; or a copy of the shard's rows, rowOffset = blockStart(k0)). With capture,
 * `scratch` (length >= the shard's rows) takes the indices first; the result's sv is a copy of
 * them, made global.
 */
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
  return { firstBlock: k0, partials, sv };
}
