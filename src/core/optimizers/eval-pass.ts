/**
 * A resumable pass over all n rows at fixed weights (w, b): the sums behind an epoch's metrics
 * (mean loss, objective, support vectors, accuracy) and, optionally, the support-vector indices.
 * Every optimizer other than GD ends its epoch with one such pass over its end weights, with the
 * same kernels and order of operations as GD's fused pass (pass-kernels.ts), so the metrics of
 * equal weights are equal bits whichever optimizer reached them.
 *
 * Sums follow the fixed blocked order (blocked-sums.ts): each block of BLOCK_ROWS rows is summed
 * from zero into `partial`, which joins the total when the block ends; slices may start and end
 * anywhere, inside a block or across several.
 *
 * Layout: x row-major n×d, y ±1. Buffers are allocated once; a pass allocates nothing.
 */
import {
  addPartial,
  BLOCK_ROWS,
  blockEnd,
  continueBlock,
  passRows,
  type PassRows,
} from '../blocked-sums.ts';
import type { Dataset } from '../dataset.ts';
import { metricsFromSums, type Metrics } from '../evaluate.ts';
import { clearSums, countNegatives, emptySums, type PassSums } from '../pass-sums.ts';
import { passRunnerOf, ShardedPass } from '../sharded-pass.ts';

export class EvalPass {
  /** Rows scanned of the current pass; n when it is complete. */
  cursor = 0;
  /** Whether the current pass writes support-vector indices (fixed when it starts). */
  captures = true;
  /** The total: the partials of the blocks complete so far, added in block order. */
  readonly sums: PassSums;
  /** The current block's rows so far, summed from zero. */
  private readonly partial: PassSums;
  private readonly saved: PassSums;
  /** sv.subarray(0, sums.sv): ascending support-vector indices after a capturing pass. */
  readonly sv: Uint32Array;
  private readonly negatives: number;
  private readonly rows: PassRows;
  /** The pass when its blocks are shared among threads (sharded-pass.ts). */
  private readonly sharded: ShardedPass;

  constructor(private readonly data: Dataset) {
    this.sums = emptySums(data.d);
    this.partial = emptySums(data.d);
    this.saved = emptySums(data.d);
    this.sv = new Uint32Array(data.n);
    this.negatives = countNegatives(data.y);
    this.rows = passRows(data);
    this.sharded = new ShardedPass(this.rows, data.n);
  }

  get complete(): boolean {
    return this.cursor === this.data.n;
  }

  /** Forgets the current pass: the next scan starts again at row 0. */
  restart(): void {
    this.cursor = 0;
    this.sharded.cancel();
  }

  /**
   * scan() for a run loop that can wait: a pass that starts here shares its blocks with the
   * threads of the data's PassRunner when it has one (sharded-pass.ts; the same bits), and then
   * returns 0 while it waits for them. Without a runner it is scan().
   */
  advance(w: Float64Array, b: number, maxRows: number, capture: boolean): number {
    const runner = passRunnerOf(this.data);
    if (this.cursor === 0 && !this.sharded.active) {
      if (!this.sharded.suits(runner)) return this.scan(w, b, maxRows, capture);
      this.captures = capture;
      this.sharded.begin(runner, w, b, capture);
    }
    if (!this.sharded.active) return this.scan(w, b, maxRows, capture);
    const sv = this.captures ? this.sv : null;
    const rows = this.sharded.advance(runner, w, b, maxRows, this.sums, sv);
    this.cursor = this.sharded.rowsDone;
    return rows;
  }

  /**
   * Continues the pass at (w, b) by at most maxRows rows; returns the rows scanned. A pass that
   * starts here writes support-vector indices when `capture`. The weights must not change
   * between the slices of one pass. Any slicing gives the same bits.
   */
  scan(w: Float64Array, b: number, maxRows: number, capture: boolean): number {
    if (this.sharded.active) {
      // A sharded pass under way completes here, whatever maxRows (sync callers finish passes).
      const rows = this.sharded.finish(w, b, this.sums, this.captures ? this.sv : null);
      this.cursor = this.sharded.rowsDone;
      return rows;
    }
    const i0 = this.cursor;
    if (i0 === 0) {
      clearSums(this.sums);
      this.captures = capture;
    }
    const n = this.data.n;
    const i1 = Math.min(n, i0 + Math.max(0, Math.floor(maxRows)));
    const { rows, sums, partial, saved } = this;
    const sv = this.captures ? this.sv : null;
    let i = i0;
    while (i < i1) {
      const k = Math.floor(i / BLOCK_ROWS);
      const end = blockEnd(k, n);
      const e = Math.min(i1, end);
      if (i === k * BLOCK_ROWS) clearSums(partial);
      // The total holds the blocks before this one, so its count is where this block's indices go.
      continueBlock(rows, w, b, i, e, partial, sv, sums.sv, saved);
      if (e === end) addPartial(sums, partial);
      i = e;
    }
    this.cursor = i1;
    return i1 - i0;
  }

  /** Metrics of the pass's weights (w is used for ‖w‖² only); needs a complete pass. */
  metrics(w: Float64Array, reg: number): Metrics {
    if (!this.complete) throw new Error('EvalPass.metrics() needs a complete pass');
    return metricsFromSums(this.sums, this.data.n, this.negatives, w, reg);
  }

  /** The support-vector indices of a complete capturing pass (a view), else null. */
  supportVectors(): Uint32Array | null {
    return this.complete && this.captures ? this.sv.subarray(0, this.sums.sv) : null;
  }
}
