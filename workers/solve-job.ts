/**
 * The exact solver in the worker: src/core/exact-solver.ts run in ~sliceMs slices with a yield
 * between them (so pause, cancel and training get through), progress every ~100 ms, one solve
 * at a time (a new one or cancel() ends the last), and the SV-only retrain check. A thin
 * adapter: the maths is the core's.
 */
import type { Dataset } from '../src/core/dataset.ts';
import { evaluateWeights } from '../src/core/evaluate.ts';
import { createSolver, type SolverResult } from '../src/core/exact-solver.ts';
import { subsetRows } from '../src/core/sv-retrain.ts';
import type { OptimumResult, RetrainResult, SolveProgress } from './trainer-api.ts';

/** Rows of solver work between clock checks. */
const CHUNK = 16384;
const PROGRESS_MS = 100;

export interface SolveJobDeps {
  now: () => number;
  sliceMs: number;
  yieldToEvents: () => Promise<void>;
  /** The current dataset (null before generate()); a different object means a new dataset. */
  dataset: () => Dataset | null;
}

export interface SolveJobs {
  solve(
    reg: number,
    tol: number | undefined,
    onProgress?: (p: SolveProgress) => void,
  ): Promise<OptimumResult>;
  cancel(): void;
  retrain(from: { w: Float64Array; b: number } | null): Promise<RetrainResult>;
}

export function createSolveJobs(deps: SolveJobDeps): SolveJobs {
  const { now, sliceMs } = deps;
  let ticket = 0;
  /** The last finished solve: its data, λ and result (α included). */
  let last: { data: Dataset; reg: number; result: SolverResult } | null = null;

  const current = (): Dataset => {
    const d = deps.dataset();
    if (!d) throw new Error('no dataset yet: call generate(recipe) first');
    return d;
  };

  /** Runs a solver to the end in slices; throws when cancelled or the dataset changes. */
  const drive = async (
    data: Dataset,
    reg: number,
    tol: number | undefined,
    onProgress?: (p: SolveProgress) => void,
  ) => {
    const my = ++ticket;
    const started = now();
    const solver = createSolver(data, tol === undefined ? { reg } : { reg, tol });
    let reported = started;
    while (!solver.done) {
      const deadline = now() + sliceMs;
      do solver.advance(CHUNK);
      while (!solver.done && now() < deadline);
      if (solver.done) break;
      if (onProgress && now() - reported >= PROGRESS_MS) {
        reported = now();
        const p = solver.progress();
        const report = {
          gap: p.gap,
          primal: p.primal,
          iterations: p.sweeps,
          elapsedMs: reported - started,
        };
        void Promise.resolve(onProgress(report)).catch(() => undefined);
      }
      await deps.yieldToEvents();
      if (my !== ticket) throw new Error('solve cancelled');
      if (deps.dataset() !== data)
        throw new Error('solve stopped: a new dataset replaced this one');
    }
    return { result: solver.result(), solveMs: now() - started };
  };

  return {
    async solve(reg, tol, onProgress) {
      const data = current();
      const { result: r, solveMs } = await drive(data, reg, tol, onProgress);
      last = { data, reg, result: r };
      return {
        status: r.status,
        w: Float64Array.from(r.w),
        b: r.b,
        primal: r.primal,
        dual: r.dual,
        gap: r.gap,
        atZero: r.atZero,
        free: r.free,
        atBound: r.atBound,
        iterations: r.sweeps,
        n: data.n,
        reg,
        tol: tol ?? 1e-9,
        solveMs,
        note: r.note,
      };
    },

    cancel() {
      ticket++;
    },

    async retrain(from) {
      const data = current();
      if (!last || last.data !== data) {
        throw new Error('no optimum for this dataset yet: call solve(reg) first');
      }
      const { reg, result: opt } = last;
      let inSet: Uint8Array;
      if (from === null) {
        inSet = Uint8Array.from(opt.alpha, (a) => (a > 0 ? 1 : 0));
      } else {
        if (!(from.w instanceof Float64Array) || from.w.length !== data.d) {
          throw new RangeError(`w must be a Float64Array of ${data.d} finite numbers`);
        }
        if (!Number.isFinite(from.b))
          throw new RangeError(`b must be a finite number, got ${from.b}`);
        const sv = new Uint32Array(data.n);
        const m = evaluateWeights(data, from.w, from.b, 0, sv);
        inSet = new Uint8Array(data.n);
        for (let k = 0; k < m.svCount; k++) inSet[sv[k]!] = 1;
      }
      let differ = 0;
      for (let i = 0; i < data.n; i++) if (inSet[i]! !== (opt.alpha[i]! > 0 ? 1 : 0)) differ++;
      const sub = subsetRows(data, reg, (i) => inSet[i] === 1);
      const { result: r } = await drive(
        sub.data,
        sub.reg,
        1e-12 * Math.max(1, data.n / sub.data.n),
      );
      let dw2 = 0;
      for (let j = 0; j < data.d; j++) dw2 += (r.w[j]! - opt.w[j]!) ** 2;
      return {
        source: from === null ? 'optimum' : 'weights',
        m: sub.data.n,
        differ,
        w: Float64Array.from(r.w),
        b: r.b,
        gap: r.gap,
        dw: Math.sqrt(dw2),
        db: Math.abs(r.b - opt.b),
      };
    },
  };
}
