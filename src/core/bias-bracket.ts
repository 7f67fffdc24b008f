/**
 * The 1-D search over the bias b. With g(b) = min_w P(w, b) (convex), the fixed-b dual optimum
 * α(b) gives g'(b) = −h(b), h(b) = Σ α_i(b) y_i, so h is non-increasing and the optimal b* is
 * where h crosses zero (it may jump across it). The search first expands from b = 0 by doubling
 * steps until h has both signs, then narrows the bracket [lo, hi] with h(lo) > 0 > h(hi) by the
 * Illinois variant of regula falsi, bisecting when the bracket shrinks too slowly.
 *
 * Used by the exact solver (svm-solver.ts, a fixed-b solve per value of b) and by the dcd
 * optimizer (optimizers/dcd.ts, the same search stepped one sweep at a time); both keep only the
 * O(d) summaries of each end's dual (BracketEnds) to price the mix of the two ends.
 */

export class BiasBracket {
  /** Lower end: h(bLo) > 0 (NaN until found). */
  bLo = NaN;
  hLo = NaN;
  /** Upper end: h(bHi) < 0 (NaN until found). */
  bHi = NaN;
  hHi = NaN;
  /** A b with h exactly 0, when one was met (then α(b) alone is feasible). */
  exact = NaN;
  private fLo = NaN;
  private fHi = NaN;
  private lastSide: 'lo' | 'hi' | '' = '';
  private step = 1;
  private widthMark = Infinity;
  private sinceMark = 0;

  /** `start`: the first b tried (the solver starts at 0; a run continued at its own b). */
  constructor(private start = 0) {}

  /**
   * Forgets every value recorded: the search starts again at `start`, expanding by `step`
   * (doubling) until h has both signs.
   */
  reset(start = 0, step = 1): void {
    this.start = start;
    this.bLo = this.hLo = this.bHi = this.hHi = this.exact = this.fLo = this.fHi = NaN;
    this.lastSide = '';
    this.step = step;
    this.widthMark = Infinity;
    this.sinceMark = 0;
  }

  /** Becomes a copy of `o` (a saved search; no allocation). */
  copyFrom(o: BiasBracket): void {
    Object.assign(this, o);
  }

  get bracketed(): boolean {
    return !Number.isNaN(this.exact) || (!Number.isNaN(this.bLo) && !Number.isNaN(this.bHi));
  }

  /** The width of the bracket (Infinity before both ends are known). */
  get width(): number {
    return this.bracketed ? this.bHi - this.bLo : Infinity;
  }

  /** Records h at b; returns the side b became. */
  record(b: number, h: number): 'lo' | 'hi' | 'exact' {
    if (h === 0) {
      this.exact = b;
      return 'exact';
    }
    const side = h > 0 ? 'lo' : 'hi';
    if (side === 'lo') {
      this.bLo = b;
      this.hLo = h;
      this.fLo = h;
      // Illinois: the other end was kept twice in a row, so halve its weight.
      if (this.lastSide === 'lo') this.fHi /= 2;
    } else {
      this.bHi = b;
      this.hHi = h;
      this.fHi = h;
      if (this.lastSide === 'hi') this.fLo /= 2;
    }
    this.lastSide = side;
    return side;
  }

  /** The next b to solve at (needs no exact zero yet). */
  next(): number {
    const haveLo = !Number.isNaN(this.bLo);
    const haveHi = !Number.isNaN(this.bHi);
    if (!haveHi) {
      const b = haveLo ? this.bLo + this.step : this.start;
      this.step *= 2;
      return b;
    }
    if (!haveLo) {
      const b = this.bHi - this.step;
      this.step *= 2;
      return b;
    }
    const width = this.bHi - this.bLo;
    const mid = this.bLo + width / 2;
    // Bisect when three steps have not halved the bracket.
    if (width > this.widthMark / 2) {
      if (++this.sinceMark >= 3) {
        this.widthMark = width;
        this.sinceMark = 0;
        return mid;
      }
    } else {
      this.widthMark = width;
      this.sinceMark = 0;
    }
    const t = this.fLo / (this.fLo - this.fHi);
    const b = this.bLo + t * width;
    return b > this.bLo && b < this.bHi ? b : mid;
  }

  /**
   * θ in [0, 1] with θ·hLo + (1 − θ)·hHi = 0: the weights that mix the two ends' duals into
   * one with Σ α_i y_i = 0. 1 (all lo) when an exact zero was met.
   */
  theta(): number {
    if (!Number.isNaN(this.exact)) return 1;
    return -this.hHi / (this.hLo - this.hHi);
  }
}

/**
 * What the mix of the bracket's two ends needs of each end's dual α (both terms of D are linear
 * in α): w(α) = (1/λ) Σ α_i y_i x_i (length d) and Σ α_i, for the end below b* (lo) and above.
 */
export class BracketEnds {
  readonly wLo: Float64Array;
  readonly wHi: Float64Array;
  sumLo = 0;
  sumHi = 0;

  constructor(d: number) {
    this.wLo = new Float64Array(d);
    this.wHi = new Float64Array(d);
  }

  /** Keeps w(α) and Σα of the dual just solved as the end it became ('exact' counts as lo). */
  keep(side: 'lo' | 'hi' | 'exact', w: Float64Array, alphaSum: number): void {
    if (side === 'hi') {
      this.wHi.set(w);
      this.sumHi = alphaSum;
    } else {
      this.wLo.set(w);
      this.sumLo = alphaSum;
    }
  }

  copyFrom(o: BracketEnds): void {
    this.wLo.set(o.wLo);
    this.wHi.set(o.wHi);
    this.sumLo = o.sumLo;
    this.sumHi = o.sumHi;
  }

  /**
   * D(θ·α_lo + (1 − θ)·α_hi) = θ·Σα_lo + (1 − θ)·Σα_hi − (λ/2)‖θ·w_lo + (1 − θ)·w_hi‖², from
   * the ends' sums alone. With θ = bracket.theta() the mix has Σ α_i y_i = 0 and stays in the
   * box, so it is dual-feasible and its D is a lower bound of P*.
   */
  mixedDual(theta: number, lambda: number): number {
    const { wLo, wHi } = this;
    let q = 0;
    for (let j = 0; j < wLo.length; j++) {
      const v = theta * wLo[j]! + (1 - theta) * wHi[j]!;
      q += v * v;
    }
    return theta * this.sumLo + (1 - theta) * this.sumHi - (lambda / 2) * q;
  }
}
