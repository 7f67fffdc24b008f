/**
 * Builds snapshots from a trainer whose pass over the current weights is complete: copies what
 * must outlive the next epoch (weights, support-vector indices, the new stretch of curves) and
 * derives churn and the display sample's flags. No training maths here: it reads the core.
 */
import type { Dataset } from '../src/core/dataset.ts';
import { supportFlags } from '../src/core/display-sample.ts';
import { supportVectorChurnMarked } from '../src/core/support-vectors.ts';
import type { Metrics } from '../src/core/evaluate.ts';
import type { MetricHistory } from '../src/core/metric-history.ts';
import type { CurveChunk, RunStatus, Snapshot } from './trainer-api.ts';

/** Weights after `epoch` steps, their metrics, support vectors and the run's metric history. */
export interface ModelState {
  epoch: number;
  w: Float64Array;
  b: number;
  m: Metrics;
  /** Ascending support-vector indices of (w, b), or null when they are not at hand. */
  sv: Uint32Array | null;
  /** Entries [0, epoch) are the metrics of earlier epochs. */
  history: MetricHistory;
  /** The optimizer's certified gap ≥ P − P* at this epoch (dcd), else null or absent. */
  gap?: number | null;
}

export interface RunInfo {
  runId: number;
  status: RunStatus;
  epochs: number;
  elapsedMs: number;
  /** Rows scanned so far (points × epochs). */
  rows: number;
}

export class SnapshotBuilder {
  /** mark[i] = the number of the last snapshot in which row i was a support vector (for churn). */
  private readonly mark: Uint32Array;
  private serial = 0;
  private previousSvCount = -1;
  /** First epoch not yet sent in a curve chunk. */
  private curveFrom = 0;

  constructor(
    private readonly data: Dataset,
    private readonly sample: Uint32Array,
  ) {
    this.mark = new Uint32Array(data.n);
  }

  /** Forget the previous snapshot (a new run or a reset). */
  restart(): void {
    this.previousSvCount = -1;
    this.serial++;
    this.curveFrom = 0;
  }

  /**
   * The snapshot of the weights after `state.epoch` steps, their metrics and support vectors
   * (the index list itself only when `includeSv`; churn is counted from state.sv either way).
   */
  build(state: ModelState, info: RunInfo, includeSv = true): Snapshot {
    const { epoch, m, sv } = state;
    let churn = { entered: 0, left: 0 };
    if (sv) {
      // Churn is against the previous snapshot that listed its support vectors.
      const previous = this.serial;
      this.serial = previous + 1;
      churn = supportVectorChurnMarked(this.mark, previous, this.previousSvCount, sv, this.serial);
      this.previousSvCount = sv.length;
    }
    const curve = this.curveChunk(state);
    const w = Float64Array.from(state.w);
    const seconds = info.elapsedMs / 1000;
    return {
      runId: info.runId,
      status: info.status,
      epoch,
      epochs: info.epochs,
      w,
      b: state.b,
      meanLoss: m.meanLoss,
      objective: m.objective,
      svCount: m.svCount,
      accuracy: m.accuracy,
      sv: sv && includeSv ? sv.slice() : new Uint32Array(0),
      svIncluded: sv !== null && includeSv,
      sampleSv: supportFlags(
        this.data.x,
        this.data.y,
        state.w,
        state.b,
        this.sample,
        new Uint8Array(this.sample.length),
      ),
      entered: churn.entered,
      left: churn.left,
      churnCounted: sv !== null,
      curve,
      elapsedMs: info.elapsedMs,
      gap: state.gap ?? null,
      throughput: seconds > 0 ? info.rows / seconds : 0,
    };
  }

  /**
   * History entries [curveFrom, epoch) plus the current epoch's metrics; the entries sent are
   * released, so the worker holds only the epochs since the last snapshot.
   */
  private curveChunk({ history: h, epoch: to, m }: ModelState): CurveChunk {
    const from = Math.min(this.curveFrom, to);
    const held = Math.min(to, h.length);
    const start = from < held ? h.offset(from) : 0;
    const end = from < held ? h.offset(held) : 0;
    const pick = (a: Float64Array, last: number) => {
      const out = new Float64Array(to - from + 1);
      out.set(a.subarray(start, end));
      out[to - from] = last;
      return out;
    };
    this.curveFrom = to + 1;
    const chunk = {
      from,
      meanLoss: pick(h.meanLoss, m.meanLoss),
      objective: pick(h.objective, m.objective),
      svCount: pick(h.svCount, m.svCount),
      accuracy: pick(h.accuracy, m.accuracy),
      ms: pick(h.ms, h.pendingMs),
    };
    h.release(to);
    return chunk;
  }
}

/** The buffers a snapshot can hand over instead of copying. */
export function snapshotTransferables(s: Snapshot): ArrayBuffer[] {
  const c = s.curve;
  return [s.w, s.sv, s.sampleSv, c.meanLoss, c.objective, c.svCount, c.accuracy, c.ms].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
