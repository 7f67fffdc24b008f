/**
 * A full pass shared among threads, by the fixed blocked order (blocked-sums.ts). Other threads
 * work through an injected PassRunner (workers/pass-runner.ts implements it; the core knows no
 * threads, no messages). Which thread scans which block is decided one of two ways:
 * - claimed (every thread holds all the rows, in shared memory): each thread, this one included,
 *   takes the next unscanned block from the pass's shared counter (Atomics.add) until none is
 *   left, so a thread that runs slower (a busier or slower core) simply scans fewer blocks; a
 *   pass without capture also has a board (pass-protocol.ts) where the others post each block as
 *   it is done, and this thread, out of blocks to claim, takes them from there and scans any
 *   still in flight itself instead of waiting (a stalled thread costs a block, not its stall);
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
import { clearSums, emptySums, type PassSums } from './pass-sums.ts';
import {
  claimBlock,
  closeClaims,
  packPartial,
  partialStride,
  shardStart,
  unpackPartial,
  type PassBoard,
  type PassRunner,
} from './pass-protocol.ts';

export * from './pass-protocol.ts';

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
  /** Where the other threads post their blocks (claimed, no capture), else null. */
  private board: PassBoard | null = null;
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
    const started = runner.start(w, b, capture);
    this.ticket = started.ticket;
    this.claim = started.claim;
    this.board = started.board ?? null;
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
    let claimsLeft = true;
    for (let j = 0; j < budget; j++) {
      const k = this.nextHere();
      if (k < 0) {
        claimsLeft = false;
        break;
      }
      rows += this.scanHere(k, w, b, sv);
    }
    // Nothing left to claim: rather than wait for the others, finish from the board.
    if (!claimsLeft && this.board && !sv && this.rowsDone < this.n) rows += this.takeOver(w, b);
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

  /**
   * Every block not done here: its partial from the board when another thread has posted it,
   * else scanned here (it is in flight elsewhere, or that thread stalled). Returns the rows.
   */
  private takeOver(w: Float64Array, b: number): number {
    const board = this.board!;
    const stride = partialStride(this.rows.d);
    const partials = this.partials!;
    const done = this.done!;
    let rows = 0;
    for (let k = 0; k < this.blocks; k++) {
      if (done[k]) continue;
      if (Atomics.load(board.done, k) === 1) {
        for (let q = k * stride; q < (k + 1) * stride; q++) partials[q] = board.partials[q]!;
        done[k] = 1;
        const r = blockEnd(k, this.n) - blockStart(k);
        this.rowsDone += r;
        rows += r;
      } else rows += this.scanHere(k, w, b, null);
    }
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
        if (done[k]) {
          at += blockSv; // taken over here from the board already (the same bits)
          continue;
        }
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
