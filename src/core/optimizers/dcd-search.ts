/**
 * How the dcd optimizer moves the bias, one sweep at a time, and what it certifies.
 *
 * The bias b is unregularised, so the dual carries the constraint Σ α_i y_i = 0, which
 * coordinate descent on single α_i cannot keep. As in the exact solver (svm-solver.ts), each
 * sweep therefore works at a FIXED b, and b itself is found by the solver's 1-D search
 * (bias-bracket.ts): g(b) = min_w P(w, b) is convex with g'(b) = −h(b), h(b) = Σ α_i(b) y_i at
 * the fixed-b dual optimum, so b* is where h changes sign. The solver runs a fixed-b solve to a
 * tolerance, then moves b; here the same decision is taken after every sweep, from that sweep's
 * own evaluation: once the fixed-b problem is solved well enough (its gap P(w, b) − D_b(α) below
 * the target), h of this α is recorded in the bracket and b moves to the bracket's next value,
 * the α warm-starting the next sweeps. The target is a sixteenth of the certified gap (at most
 * 1e-3, the solver's warm-up target), so the fixed-b solves tighten as the run converges and the
 * run goes on towards P* rather than stopping at a preset tolerance. An end recorded with the
 * wrong sign of h (a solve not accurate enough for an h that small) would hold the bracket
 * away from b* for good: the bracket closes onto one b. Whenever it has closed, the search
 * starts again there with a small step (at a kink of g, where both ends were right, the bound
 * of their mix is kept in lowerBound). Like the solver's fixed-b descent, the sweeps can crawl
 * near b* on small n (rank-d Hessian, many free α): measured at λ = 0.01, n = 4,200 reaches a
 * gap of 1e-9 in 200 to 4,400 sweeps, while the article's 60 points reach 1e-3 of P* in 134
 * sweeps and stay above 1e-6 for 8,000; there the solver uses SMO instead.
 *
 * The certificate of an epoch: gap = P(w_t, b_t) − L, with L the largest of the dual values of
 * feasible duals seen since the dual started (D = 0 of α = 0; the current α with its heavier
 * class scaled down, dcd-dual.ts; the convex mix of the bracket's two ends, whose h have
 * opposite signs). Each is a D(α) with α feasible, so L ≤ P* ≤ P(w_t, b_t) by weak duality and
 * gap ≥ P(w_t, b_t) − P*, whatever b is: the bound never trusts the bias search.
 */
import { BiasBracket, BracketEnds } from '../bias-bracket.ts';
import { feasibleDual, fixedBiasDual, type ClassDualSums } from './dcd-dual.ts';

/** The largest target for a fixed-b solve's gap (the solver's target before b* is bracketed). */
const BRACKETING_TARGET = 1e-3;
/** First step of a search reopened at b, relative to max(1, |b|). */
const REOPEN_STEP = 1e-4;

export class DcdBiasSearch {
  readonly bracket = new BiasBracket();
  readonly ends: BracketEnds;
  /** The best certified lower bound of P* so far for this dual (D(0) = 0 at the start). */
  lowerBound = 0;
  /** The smallest P(w_t, b_t) seen since the dual started (an upper bound of P*). */
  pBest = Infinity;
  /** λ the dual and its bounds belong to (NaN: none started). */
  lambda = NaN;

  constructor(d: number) {
    this.ends = new BracketEnds(d);
  }

  /** A new dual at α = 0 for λ: the search starts again at `b`; returns the first b to sweep at. */
  restart(b: number, lambda: number): number {
    this.bracket.reset(b);
    this.lowerBound = 0;
    this.pBest = Infinity;
    this.lambda = lambda;
    return this.bracket.next();
  }

  /** The largest certified lower bound of P* known with the current α's sums `s`. */
  bound(s: ClassDualSums): number {
    const br = this.bracket;
    let lb = Math.max(this.lowerBound, feasibleDual(s, this.lambda));
    if (br.bracketed) lb = Math.max(lb, this.ends.mixedDual(br.theta(), this.lambda));
    return lb;
  }

  /**
   * After a sweep at b ended at the dual with sums `s`, w = w(α) (length d) and P = P(w, b):
   * keeps the bounds, and records h = Σ α_i y_i once the fixed-b problem is solved to the
   * target. Returns the b of the next sweep.
   */
  step(p: number, s: ClassDualSums, b: number, w: Float64Array): number {
    const { bracket: br, lambda } = this;
    if (p < this.pBest) this.pBest = p;
    this.lowerBound = this.bound(s);
    // h = 0 exactly: this b is optimal for the search; the sweeps refine α at it.
    if (!Number.isNaN(br.exact)) return b;
    const innerGap = p - fixedBiasDual(s, b, lambda, w);
    const target = Math.min(BRACKETING_TARGET, (this.pBest - this.lowerBound) / 16);
    if (!(innerGap <= target)) return b;
    // The bracket closed onto one b: an end may have been recorded with the wrong sign of h (a
    // fixed-b solve not yet accurate enough for an h that small), so search again from here
    // with a small first step and the targets as tight as the gap says. (At a kink of g both
    // ends were right; their mix's bound stays in lowerBound.)
    if (br.width <= 4 * Number.EPSILON * Math.max(1, Math.abs(b))) {
      br.reset(b, REOPEN_STEP * Math.max(1, Math.abs(b)));
    }
    const side = br.record(b, s.alphaY);
    this.ends.keep(side, w, s.alphaSum);
    if (br.bracketed) this.lowerBound = this.bound(s);
    return side === 'exact' ? b : br.next();
  }

  copyFrom(o: DcdBiasSearch): void {
    this.bracket.copyFrom(o.bracket);
    this.ends.copyFrom(o.ends);
    this.lowerBound = o.lowerBound;
    this.pBest = o.pBest;
    this.lambda = o.lambda;
  }
}
