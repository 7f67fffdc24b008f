/**
 * A resumable pass over all n rows at fixed weights (w, b): the sums behind an epoch's metrics
 * (mean loss, objective, support vectors, accuracy) and, optionally, the support-vector indices.
 * Every optimizer other than GD ends its epoch with one such pass over its end weights, with the
 * same kernels and order of operations as GD's fused pass (pass-kernels.ts), so the metrics of
 * equal weights are equal bits whichever optimizer reached them.
 *
 * Layout: x row-major n×d, y ±1. Buffers are allocated once; a pass allocates nothing.
 */
import type { Dataset } from '../dataset.ts';
import {
  clearSums,
  copySums,
  countNegatives,
  emptySums,
  isClassBlocked,
  metricsFromSums,
  type Metrics,
} from '../evaluate.ts';
import {
  scanNegativesD2,
  scanNegativesD2Capture,
  scanPositivesD2,
  scanPositivesD2Capture,
  scanRows,
  scanRowsCareful,
  type PassSums,
} from '../pass-kernels.ts';

export class EvalPass {
  /** Rows scanned of the current pass; n when it is complete. */
  cursor = 0;
  /** Whether the current pass writes support-vector indices (fixed when it starts). */
  captures = true;
  readonly sums: PassSums;
  private readonly saved: PassSums;
  /** sv.subarray(0, sums.sv): ascending support-vector indices after a capturing pass. */
  readonly sv: Uint32Array;
  private readonly negatives: number;
  private readonly classBlocks: boolean;

  constructor(private readonly data: Dataset) {
    this.sums = emptySums(data.d);
    this.saved = emptySums(data.d);
    this.sv = new Uint32Array(data.n);
    this.negatives = countNegatives(data.y);
    this.classBlocks = data.d === 2 && isClassBlocked(data.y, data.n - this.negatives);
  }

  get complete(): boolean {
    return this.cursor === this.data.n;
  }

  /** Forgets the current pass: the next scan starts again at row 0. */
  restart(): void {
    this.cursor = 0;
  }

  /**
   * Continues the pass at (w, b) by at most maxRows rows; returns the rows scanned. A pass that
   * starts here writes support-vector indices when `capture`. The weights must not change
   * between the slices of one pass. Any slicing gives the same bits.
   */
  scan(w: Float64Array, b: number, maxRows: number, capture: boolean): number {
    const i0 = this.cursor;
    if (i0 === 0) {
      clearSums(this.sums);
      this.captures = capture;
    }
    const i1 = Math.min(this.data.n, i0 + Math.max(0, Math.floor(maxRows)));
    if (i1 > i0) {
      copySums(this.sums, this.saved);
      this.scanFast(w, b, i0, i1);
      if (Number.isNaN(this.sums.loss)) {
        // Only a non-finite margin makes the fast loss NaN: redo the slice by the reference's rules.
        copySums(this.saved, this.sums);
        scanRowsCareful(this.data.x, this.data.y, w, b, i0, i1, this.sums, this.sv);
      }
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

  private scanFast(w: Float64Array, b: number, i0: number, i1: number): void {
    const { x, y, n } = this.data;
    const { sums, sv } = this;
    if (!this.classBlocks) {
      scanRows(x, y, w, b, i0, i1, sums, sv);
      return;
    }
    const split = n - this.negatives;
    const p1 = Math.min(i1, split);
    const n0 = Math.max(i0, split);
    if (this.captures) {
      if (i0 < p1) scanPositivesD2Capture(x, w, b, i0, p1, sums, sv);
      if (n0 < i1) scanNegativesD2Capture(x, w, b, n0, i1, sums, sv);
    } else {
      if (i0 < p1) scanPositivesD2(x, w, b, i0, p1, sums);
      if (n0 < i1) scanNegativesD2(x, w, b, n0, i1, sums);
    }
  }
}
