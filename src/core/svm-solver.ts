/**
 * The exact optimum for large n (exact-solver.ts picks it above SMO_MAX_POINTS): minimise
 * P(w, b) = (1/n) Σ max(0, 1 − y_i(w·x_i + b)) + (λ/2)‖w‖² by dual coordinate descent at a
 * FIXED b (dcd-sweep.ts, liblinear's method, O(d) an update, shrinking) inside a 1-D search
 * over b (bias-bracket.ts). Each fixed-b solve is warm-started from the last and ends with one
 * evaluation pass (solver-passes.ts): P(w, b) of the live weights and the exact sums of α.
 * Once one b has Σαy > 0 and another Σαy < 0, the convex mix of their duals with Σαy = 0 is
 * dual-feasible, and D(mix) ≤ P* ≤ P(best w, b) certifies the gap. Work advances by a budget
 * of rows (same bits however sliced); cancel by not calling again.
 */
import { BiasBracket, BracketEnds } from './bias-bracket.ts';
import type { Dataset } from './dataset.ts';
import { SweepState, sweepDone, sweepSlice } from './dcd-sweep.ts';
import { evaluateRows, mixRows, PassSums, squaredNorm } from './solver-passes.ts';
import {
  checkOptions,
  classOrder,
  DEFAULT_TOL,
  trivialAnswer,
  certifiedResult,
  type SolverOptions,
  type SolverProgress,
  type SolverResult,
} from './solver-result.ts';

/** Values of b tried, sweeps before an evaluation pass, sweeps in all ('stalled' after). */
const MAX_OUTER = 400;
const MAX_SWEEPS_PER_SOLVE = 1000;
const MAX_SWEEPS = 1_000_000;
/** Evaluation and mixing passes go in chunks of this many rows (the budget's unit). */
const PASS_CHUNK = 65536;

type Phase = 'sweep' | 'evaluate' | 'copy' | 'finalize' | 'done';

export class SvmSolver {
  readonly n: number;
  readonly d: number;
  readonly lambda: number;
  readonly tol: number;
  /** The box bound of every α_i: 1/n. */
  readonly C: number;
  readonly method = 'bias search over dual coordinate descent';
  private readonly data: Dataset;
  private phase: Phase = 'sweep';
  private alpha: Float64Array;
  private alphaLo: Float64Array;
  private alphaHi: Float64Array;
  private readonly w: Float64Array;
  /** w(α) and Σα of each end of the bracket, for the mixed dual. */
  private readonly ends: BracketEnds;
  private readonly wBest: Float64Array;
  private bBest = 0;
  private pBest = Infinity;
  private b = 0;
  private readonly bracket = new BiasBracket();
  private readonly sweep: SweepState;
  private readonly sums: PassSums;
  private passRow = 0;
  /** The end whose α the next solve starts from: the one just solved. */
  private warmFrom: 'lo' | 'hi' = 'lo';
  /** The sweeps' stopping threshold on the projected gradients (tightened per solve). */
  private epsPG = 0.1;
  private sweepsThisSolve = 0;
  private certGap = Infinity;
  private sweeps = 0;
  private outerSteps = 0;
  private rows = 0;
  private final: SolverResult | null = null;

  /** maxSweeps: stop ('stalled', α the feasible mix so far) after this many sweeps. */
  constructor(
    data: Dataset,
    options: SolverOptions,
    private readonly maxSweeps = MAX_SWEEPS,
  ) {
    const { reg } = options;
    const tol = options.tol ?? DEFAULT_TOL;
    checkOptions(reg, tol, data.n);
    this.data = data;
    this.n = data.n;
    this.d = data.d;
    this.lambda = reg;
    this.tol = tol;
    this.C = 1 / data.n;
    const { n, d } = this;
    this.w = new Float64Array(d);
    this.ends = new BracketEnds(d);
    this.wBest = new Float64Array(d);
    this.sums = new PassSums(d);
    const order = classOrder(data.y);
    this.rows += n;
    if (order === null) {
      // One class only: w = 0 and b = ±1 put every point on its margin, P = 0 = D(0).
      this.alpha = this.alphaLo = this.alphaHi = new Float64Array(n);
      this.sweep = new SweepState(new Uint32Array(0));
      this.final = trivialAnswer(data, this.alpha);
      this.phase = 'done';
      return;
    }
    this.alpha = new Float64Array(n);
    this.alphaLo = new Float64Array(n);
    this.alphaHi = new Float64Array(n);
    this.sweep = new SweepState(order);
    this.startSolve(this.bracket.next());
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  progress(): SolverProgress {
    const { sweeps, outerSteps, rows } = this;
    return { gap: this.certGap, primal: this.pBest, sweeps, outerSteps, rows };
  }

  /** The certified answer; needs done. alpha is the solver's own buffer (copy to keep). */
  result(): SolverResult {
    if (this.final === null) throw new Error('SvmSolver.result() called before done');
    return this.final;
  }

  /** Does about `maxRows` rows of work (at least one step); returns the rows done. */
  advance(maxRows: number): number {
    let left = Math.max(1, maxRows);
    const start = this.rows;
    while (left > 0 && this.phase !== 'done') {
      const did = this.work(left);
      this.rows += did;
      left -= did;
    }
    return this.rows - start;
  }

  /** Runs to the end (tests and the CLI). */
  solve(): SolverResult {
    while (!this.done) this.advance(1 << 22);
    return this.result();
  }

  private work(budget: number): number {
    const { data, n, d } = this;
    switch (this.phase) {
      case 'sweep': {
        const { sweep: st, alpha, w, b, lambda, C } = this;
        const did = sweepSlice(data.x, data.y, d, alpha, w, b, lambda, C, st, budget);
        if (sweepDone(st)) {
          this.sweeps++;
          this.sweepsThisSolve++;
          if (st.endSweep(this.epsPG) || this.sweepsThisSolve >= MAX_SWEEPS_PER_SOLVE) {
            this.beginPass('evaluate');
          }
        }
        return did;
      }
      case 'evaluate': {
        const to = Math.min(n, this.passRow + Math.min(budget, PASS_CHUNK));
        evaluateRows(data.x, data.y, d, this.alpha, this.w, this.b, this.sums, this.passRow, to);
        const did = to - this.passRow;
        this.passRow = to;
        if (to === n) this.endSolve();
        return did;
      }
      case 'copy': {
        const to = Math.min(n, this.passRow + Math.min(budget, PASS_CHUNK));
        const from = this.passRow;
        const src = this.warmFrom === 'hi' ? this.alphaHi : this.alphaLo;
        this.alpha.set(src.subarray(from, to), from);
        this.passRow = to;
        if (to === n) this.phase = 'sweep';
        return Math.max(1, (to - from) >> 3);
      }
      case 'finalize': {
        const to = Math.min(n, this.passRow + Math.min(budget, PASS_CHUNK));
        const { alphaLo, alphaHi, alpha, sums, C } = this;
        const theta = alphaLo === alphaHi ? 1 : this.bracket.theta();
        mixRows(data.x, data.y, d, alphaLo, alphaHi, theta, C, alpha, sums, this.passRow, to);
        const did = to - this.passRow;
        this.passRow = to;
        if (to === n) this.finish();
        return did;
      }
      case 'done':
        return 0;
    }
  }

  private beginPass(phase: 'evaluate' | 'finalize'): void {
    this.phase = phase;
    this.passRow = 0;
    this.sums.reset();
  }

  /** A fixed-b solve at b, warm-started from the α and w already in place. */
  private startSolve(b: number): void {
    this.b = b;
    this.outerSteps++;
    this.sweepsThisSolve = 0;
    this.sweep.shrinking = true;
    this.epsPG = 0.1;
    this.sweep.unshrink();
    this.phase = 'sweep';
  }

  /** After the evaluation pass: accept the fixed-b solve or tighten it, then move b. */
  private endSolve(): void {
    const { sums, lambda, b, w, d } = this;
    const u = sums.u;
    const p = sums.loss / this.n + (lambda / 2) * squaredNorm(w);
    if (p < this.pBest) {
      this.pBest = p;
      this.bBest = b;
      this.wBest.set(w);
    }
    // The live w drifts from w(α) by rounding; restart from the exact sum.
    for (let j = 0; j < d; j++) w[j] = u[j]! / lambda;
    const quad = (lambda / 2) * squaredNorm(w);
    const innerGap = p - (sums.alphaSum - b * sums.alphaY - quad);
    // A solve is recorded only once accurate: a rough one's Σαy can have the wrong sign, and a
    // wrong end would hold the bracket away from b* for good. While b is still being bracketed
    // (or Σαy = 0 ends the search at this b) the target is looser.
    const innerTarget =
      this.bracket.bracketed || sums.alphaY === 0 ? this.tol / 4 : Math.max(this.tol / 4, 1e-3);
    if (innerGap > innerTarget && this.sweeps < this.maxSweeps) {
      // A round that ran out of sweeps: shrinking may be cycling on a wrong active set.
      if (this.sweepsThisSolve >= MAX_SWEEPS_PER_SOLVE) this.sweep.shrinking = false;
      this.epsPG = Math.max(this.tol / 100, this.epsPG / 10);
      this.sweepsThisSolve = 0;
      this.sweep.unshrink();
      this.phase = 'sweep';
      return;
    }
    const side = this.bracket.record(b, sums.alphaY);
    // Keep this solve's α and w(α) as the end it became; the old end's buffer is reused.
    this.warmFrom = side === 'hi' ? 'hi' : 'lo';
    if (side === 'hi') [this.alphaHi, this.alpha] = [this.alpha, this.alphaHi];
    else [this.alphaLo, this.alpha] = [this.alpha, this.alphaLo];
    this.ends.keep(side, w, sums.alphaSum);
    const br = this.bracket;
    this.certGap = br.bracketed ? this.pBest - this.ends.mixedDual(br.theta(), lambda) : Infinity;
    const stuck = br.width <= 4 * Number.EPSILON * Math.max(1, Math.abs(b));
    if (
      this.certGap <= this.tol ||
      !Number.isNaN(br.exact) ||
      stuck ||
      this.outerSteps >= MAX_OUTER ||
      this.sweeps >= this.maxSweeps
    ) {
      // Without both sides of b* no mix is feasible; α = 0 is (D = 0).
      if (!br.bracketed) this.alphaLo = this.alphaHi = this.alpha.fill(0);
      this.beginPass('finalize');
      return;
    }
    this.startSolve(br.next());
    // The live w is already w(α) of the end just solved; copy its α back into the work buffer.
    this.passRow = 0;
    this.phase = 'copy';
  }

  private finish(): void {
    const { sums, lambda, d } = this;
    const wAlpha = new Float64Array(d);
    for (let j = 0; j < d; j++) wAlpha[j] = sums.u[j]! / lambda;
    const dual = sums.alphaSum - (lambda / 2) * squaredNorm(wAlpha);
    this.final = certifiedResult(
      { w: this.wBest, b: this.bBest, primal: this.pBest },
      this.alpha,
      { value: dual, feasibility: sums.alphaY },
      { sweeps: this.sweeps, outerSteps: this.outerSteps },
      this.tol,
    );
    this.phase = 'done';
  }
}
