/**
 * SMO with second-order working-set selection (the LIBSVM method) on the full dual, for the
 * linear kernel: minimise f(α) = (λ/2)‖w(α)‖² − Σ α_i with w(α) = (1/λ) Σ α_i y_i x_i,
 * 0 ≤ α_i ≤ C = 1/n and Σ α_i y_i = 0 (so −f = D of svm-solver.ts). Every pair update keeps
 * Σ α_i y_i = 0 in exact arithmetic. G_i = ∂f/∂α_i = y_i w·x_i − 1 is recomputed from the live
 * w in one O(nd) scan an iteration, so it suits small n: there the fixed-b coordinate descent
 * of svm-solver.ts crawls along the flat directions of a rank-d Hessian near b*, and SMO does
 * not. An iteration is the unit of work (n rows of the budget); any slicing gives the same bits.
 */
import type { Dataset } from './dataset.ts';
import {
  certifiedResult,
  classOrder,
  trivialAnswer,
  type SolverOptions,
  type SolverProgress,
  type SolverResult,
} from './solver-result.ts';
import { bestBias, PassSums, evaluateRows, squaredNorm } from './solver-passes.ts';

const TAU = 1e-12;
/** Iterations before giving up with status 'stalled'. */
const MAX_ITERATIONS = 10_000_000;

export class SmoSolver {
  readonly n: number;
  readonly d: number;
  readonly lambda: number;
  readonly tol: number;
  readonly C: number;
  readonly method = 'SMO';
  private readonly data: Dataset;
  private readonly alpha: Float64Array;
  private readonly grad: Float64Array;
  /** Scratch for bestBias (the gradients must survive a certification). */
  private readonly kinks: Float64Array;
  private readonly w: Float64Array;
  private readonly sums: PassSums;
  private readonly wBest: Float64Array;
  private bBest = 0;
  private pBest = Infinity;
  /** Certify when the maximal violation falls below this; tightened by 10 each miss. */
  private checkAt = 1e-2;
  private iterations = 0;
  private extraChecks = 0;
  private rows = 0;
  private certGap = Infinity;
  private final: SolverResult | null = null;

  /** `start`: a dual-feasible α to begin from (copied; default 0), e.g. the bias search's. */
  constructor(data: Dataset, options: Required<SolverOptions>, start?: Float64Array) {
    this.data = data;
    this.n = data.n;
    this.d = data.d;
    this.lambda = options.reg;
    this.tol = options.tol;
    this.C = 1 / data.n;
    this.alpha = new Float64Array(this.n);
    this.grad = new Float64Array(this.n);
    this.kinks = new Float64Array(this.n);
    this.w = new Float64Array(this.d);
    this.wBest = new Float64Array(this.d);
    this.sums = new PassSums(this.d);
    if (classOrder(data.y) === null) this.final = trivialAnswer(data, this.alpha);
    else if (start) {
      this.alpha.set(start);
      this.sums.reset();
      evaluateRows(data.x, data.y, this.d, this.alpha, this.w, 0, this.sums, 0, this.n);
      for (let j = 0; j < this.d; j++) this.w[j] = this.sums.u[j]! / this.lambda;
    }
  }

  get done(): boolean {
    return this.final !== null;
  }

  progress(): SolverProgress {
    const { iterations, rows } = this;
    return { gap: this.certGap, primal: this.pBest, sweeps: iterations, outerSteps: 0, rows };
  }

  result(): SolverResult {
    if (this.final === null) throw new Error('SmoSolver.result() called before done');
    return this.final;
  }

  advance(maxRows: number): number {
    const start = this.rows;
    do {
      this.iterate();
      this.rows += this.n;
    } while (this.rows - start < maxRows && this.final === null);
    return this.rows - start;
  }

  solve(): SolverResult {
    while (!this.done) this.advance(1 << 22);
    return this.result();
  }

  /** One SMO iteration: pick the pair, update it; or certify when the violation is small. */
  private iterate(): void {
    const { n, d, C, lambda, alpha, grad, w } = this;
    const { x, y } = this.data;
    // Pass 1: gradients and i = argmax over I_up of −y_t G_t.
    let gMax = -Infinity;
    let iSel = -1;
    for (let t = 0; t < n; t++) {
      const off = t * d;
      let dot = 0;
      for (let j = 0; j < d; j++) dot += w[j]! * x[off + j]!;
      const yt = y[t]!;
      const g = yt * dot - 1;
      grad[t] = g;
      const a = alpha[t]!;
      if (yt > 0 ? a < C : a > 0) {
        if (-yt * g >= gMax) {
          gMax = -yt * g;
          iSel = t;
        }
      }
    }
    // Pass 2: j over I_low, second-order gain −b²/a; gMin2 for the stopping rule.
    let gMin2 = Infinity;
    let jSel = -1;
    let best = Infinity;
    const iOff = iSel * d;
    for (let t = 0; t < n; t++) {
      const yt = y[t]!;
      const a = alpha[t]!;
      if (!(yt > 0 ? a > 0 : a < C)) continue;
      const v = -yt * grad[t]!;
      if (v < gMin2) gMin2 = v;
      const bit = gMax - v;
      if (bit > 0) {
        let dist = 0;
        const off = t * d;
        for (let j = 0; j < d; j++) {
          const e = x[iOff + j]! - x[off + j]!;
          dist += e * e;
        }
        const ait = dist / lambda > 0 ? dist / lambda : TAU;
        const gain = -(bit * bit) / ait;
        if (gain <= best) {
          best = gain;
          jSel = t;
        }
      }
    }
    this.iterations++;
    const violation = gMax - gMin2;
    if (violation <= this.checkAt || jSel < 0 || this.iterations >= MAX_ITERATIONS) {
      this.certify((gMax + gMin2) / 2, jSel < 0 || this.iterations >= MAX_ITERATIONS);
      if (this.final !== null || jSel < 0) return;
    }
    this.update(iSel, jSel);
  }

  /** The LIBSVM pair update of α_i, α_j (clipped to the box), and w with it. */
  private update(i: number, j: number): void {
    const { d, C, lambda, alpha, grad, w } = this;
    const { x, y } = this.data;
    const yi = y[i]!;
    const yj = y[j]!;
    let q = 0;
    for (let k = 0; k < d; k++) {
      const e = x[i * d + k]! - x[j * d + k]!;
      q += e * e;
    }
    const quad = q / lambda > 0 ? q / lambda : TAU;
    const oldI = alpha[i]!;
    const oldJ = alpha[j]!;
    // Move along y_i Δα_i = −y_j Δα_j to the 1-D minimum, then clip to the box.
    const step = (-yi * grad[i]! + yj * grad[j]!) / quad;
    let ai = oldI + yi * step;
    const sum = yi * oldI + yj * oldJ;
    // y_i α_i + y_j α_j = sum is invariant; clip α_i, then derive α_j from it.
    ai = Math.min(Math.max(ai, 0), C);
    let aj = yj * (sum - yi * ai);
    if (aj < 0 || aj > C) {
      aj = Math.min(Math.max(aj, 0), C);
      ai = yi * (sum - yj * aj);
      ai = Math.min(Math.max(ai, 0), C);
    }
    alpha[i] = ai;
    alpha[j] = aj;
    const di = ((ai - oldI) * yi) / lambda;
    const dj = ((aj - oldJ) * yj) / lambda;
    for (let k = 0; k < d; k++) w[k] = w[k]! + di * x[i * d + k]! + dj * x[j * d + k]!;
  }

  /** A full evaluation: P(w(α), b) against D(α); finishes when the gap is at most tol. */
  private certify(bMid: number, last: boolean): void {
    const { n, d, lambda, alpha, w, sums } = this;
    const { x, y } = this.data;
    // w(α) exactly (this pass's loss is of the live w, unused), then P at two values of b.
    sums.reset();
    evaluateRows(x, y, d, alpha, w, bMid, sums, 0, n);
    for (let j = 0; j < d; j++) w[j] = sums.u[j]! / lambda;
    this.rows += 3 * n;
    const quad = (lambda / 2) * squaredNorm(w);
    const dual = sums.alphaSum - quad;
    const feasibility = sums.alphaY;
    // The KKT midpoint, and the exact best b for this w (the cheaper of the two wins).
    for (const b of [bMid, bestBias(x, y, d, w, this.kinks)]) {
      sums.reset();
      evaluateRows(x, y, d, alpha, w, b, sums, 0, n);
      const p = sums.loss / n + quad;
      if (p < this.pBest) {
        this.pBest = p;
        this.bBest = b;
        this.wBest.set(w);
      }
    }
    this.certGap = this.pBest - dual;
    // Cheap at SMO's sizes: once within tol, try for tol/100 over at most three more checks,
    // so the printed P itself is within ~tol/100 of P*.
    const within = this.certGap <= this.tol;
    if (!last && (!within || (this.certGap > this.tol / 100 && ++this.extraChecks <= 3))) {
      this.checkAt /= 10;
      return;
    }
    this.final = certifiedResult(
      { w: this.wBest, b: this.bBest, primal: this.pBest },
      alpha,
      { value: dual, feasibility },
      { sweeps: this.iterations, outerSteps: 0 },
      this.tol,
    );
  }
}
