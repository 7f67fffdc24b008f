/**
 * What the exact solvers take and return (svm-solver.ts, smo-solver.ts, exact-solver.ts), the
 * visiting order the coordinate sweeps use, and the answer for one class.
 */
import type { Dataset } from './dataset.ts';

export interface SolverOptions {
  /** λ > 0: the L2 weight (the `reg` setting). */
  reg: number;
  /** Stop when the certified gap P − D is at most this (absolute). Default 1e-9. */
  tol?: number;
}

export const DEFAULT_TOL = 1e-9;

/** What the solver has got to, for a progress line. */
export interface SolverProgress {
  /** The certified gap so far (Infinity until both sides of b* are known). */
  gap: number;
  /** The best primal objective seen. */
  primal: number;
  /** Sweeps of coordinate descent so far, and values of b tried. */
  sweeps: number;
  outerSteps: number;
  /** Rows of work done (coordinate visits plus rows of full passes). */
  rows: number;
}

/** Throws a RangeError naming the field and its range when the solver cannot run. */
export function checkOptions(reg: number, tol: number, n: number): void {
  if (!(reg > 0) || !Number.isFinite(reg)) {
    throw new RangeError(
      `reg must be a finite number > 0 for the exact solver, got ${reg}: with λ = 0 the ` +
        `minimiser is not unique, and on separable data ‖w‖ grows without bound`,
    );
  }
  if (!(tol > 0) || !Number.isFinite(tol)) {
    throw new RangeError(`tol must be a finite number > 0, got ${tol}`);
  }
  if (n < 1) throw new RangeError('the solver needs at least one point (n = 0)');
}

/** 'optimal': gap ≤ tol; 'one-class': w = 0, b = ±1 is exact; 'stalled': stopped above tol. */
export type SolverStatus = 'optimal' | 'one-class' | 'stalled';

export interface SolverResult {
  status: SolverStatus;
  /** The certified primal point: w (length d) and b; P(w, b) = primal. */
  w: Float64Array;
  b: number;
  /** The certified dual point: n values in [0, 1/n] in the dataset's row order; D(α) = dual. */
  alpha: Float64Array;
  primal: number;
  dual: number;
  /** primal − dual ≥ P(w, b) − P*: the certificate. */
  gap: number;
  /** Σ α_i y_i as summed (0 up to rounding: α is feasible). */
  feasibility: number;
  /** Counts of α_i = 0, 0 < α_i < 1/n, α_i = 1/n. */
  atZero: number;
  free: number;
  atBound: number;
  /** Coordinate-descent sweeps and values of b tried. */
  sweeps: number;
  outerSteps: number;
  /** Empty, or why the answer is special or not certified to tol. */
  note: string;
}

/**
 * The order the coordinate sweeps visit the rows: positives and negatives interleaved in
 * proportion, each class in row order (two forward streams through memory; the generator
 * stores the classes in blocks, and a sweep class by class converges badly). Null when the
 * data hold one class only.
 */
export function classOrder(y: Float64Array): Uint32Array | null {
  const n = y.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) if (y[i]! > 0) nPos++;
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  const pos = new Uint32Array(nPos);
  const neg = new Uint32Array(nNeg);
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (y[i]! > 0) pos[p++] = i;
    else neg[q++] = i;
  }
  const order = new Uint32Array(n);
  p = 0;
  q = 0;
  for (let t = 0; t < n; t++) {
    // Take a positive while positives are behind their share: p/nPos ≤ q/nNeg.
    if (q >= nNeg || (p < nPos && p * nNeg <= q * nPos)) order[t] = pos[p++]!;
    else order[t] = neg[q++]!;
  }
  return order;
}

/**
 * One class only: w = 0 and b = y put every point exactly on its margin, so P = 0, and α = 0
 * is feasible with D = 0: the optimum, certified with gap 0 (b is one of many optimal values).
 */
export function trivialAnswer(data: Dataset, alpha: Float64Array): SolverResult {
  const b = data.n > 0 && data.y[0]! > 0 ? 1 : -1;
  return {
    status: 'one-class',
    w: new Float64Array(data.d),
    b,
    alpha,
    primal: 0,
    dual: 0,
    gap: 0,
    feasibility: 0,
    atZero: data.n,
    free: 0,
    atBound: 0,
    sweeps: 0,
    outerSteps: 0,
    note: `one class only (every y = ${b > 0 ? '+1' : '-1'}): w = 0, b = ${b} is optimal with P = 0`,
  };
}

/** The last step of either solver: α's counts and the status, from the certified numbers. */
export function certifiedResult(
  primalPoint: { w: Float64Array; b: number; primal: number },
  alpha: Float64Array,
  dual: { value: number; feasibility: number },
  work: { sweeps: number; outerSteps: number },
  tol: number,
): SolverResult {
  const n = alpha.length;
  const C = 1 / n;
  let atZero = 0;
  let atBound = 0;
  for (let i = 0; i < n; i++) {
    const a = alpha[i]!;
    if (a === 0) atZero++;
    else if (a === C) atBound++;
  }
  const gap = primalPoint.primal - dual.value;
  const ok = gap <= tol;
  return {
    status: ok ? 'optimal' : 'stalled',
    w: Float64Array.from(primalPoint.w),
    b: primalPoint.b,
    alpha,
    primal: primalPoint.primal,
    dual: dual.value,
    gap,
    feasibility: dual.feasibility,
    atZero,
    free: n - atZero - atBound,
    atBound,
    ...work,
    note: ok ? '' : `stopped at gap ${gap} > tol ${tol} (the rounding floor of this data)`,
  };
}
