/**
 * Dual coordinate descent for the SVM with a FIXED bias b (the liblinear method, L1 hinge,
 * with shrinking), in resumable slices.
 *
 * For fixed b the problem min_w (1/n) Σ max(0, 1 − y_i(w·x_i + b)) + (λ/2)‖w‖² has the dual
 * (written as a minimisation, as liblinear does)
 *
 *     f(α) = (λ/2)‖w(α)‖² − Σ α_i (1 − y_i b),   w(α) = (1/λ) Σ α_i y_i x_i,   0 ≤ α_i ≤ C = 1/n,
 *
 * with no equality constraint: b is the Lagrange multiplier of Σ α_i y_i = 0, and the outer
 * search over b (svm-solver.ts) restores that constraint. One coordinate step is exact:
 * ∂f/∂α_i = G_i = y_i(w·x_i + b) − 1 and ∂²f/∂α_i² = ‖x_i‖²/λ, so
 * α_i ← clip(α_i − λ G_i/‖x_i‖², 0, C) and w += (Δα_i y_i/λ) x_i, O(d) a step.
 */

/**
 * Where a sweep is and what it has seen; one per solver, reused. Shrinking compacts the active
 * rows in place and in order (liblinear swaps them, which at 10^7 points scatters the visits
 * over 240 MB and made sweeps several times slower), so un-shrinking copies the full order back.
 */
export class SweepState {
  /** The full visit order (never changed). */
  readonly order: Uint32Array;
  /** The active rows in visit order: index[0 .. activeSize) (index[0 .. kept) this sweep). */
  readonly index: Uint32Array;
  activeSize: number;
  /** Next position of index[] to read in the current sweep. */
  cursor = 0;
  /** Active rows kept so far in the current sweep (written back to index[0 .. kept)). */
  kept = 0;
  /** Shrinking thresholds from the previous sweep (liblinear's PGmax_old, PGmin_old). */
  pgMaxOld = Infinity;
  pgMinOld = -Infinity;
  /** Largest and smallest projected gradient of the current sweep. */
  pgMaxNew = -Infinity;
  pgMinNew = Infinity;
  /** Whether rows may be shrunk (off after a solve that shrinking kept from converging). */
  shrinking = true;

  /**
   * `shareOrder`: for sweeps that never shrink (shrinking false from the start), index[] is the
   * order itself (a sweep then writes each entry back unchanged), saving 4 bytes a row.
   */
  constructor(order: Uint32Array, shareOrder = false) {
    this.order = order;
    this.index = shareOrder ? order : Uint32Array.from(order);
    this.activeSize = order.length;
    if (shareOrder) this.shrinking = false;
  }

  /** All rows active again, thresholds off (liblinear's un-shrinking). */
  unshrink(): void {
    if (this.activeSize !== this.order.length) this.index.set(this.order);
    this.activeSize = this.order.length;
    this.pgMaxOld = Infinity;
    this.pgMinOld = -Infinity;
    this.startSweep();
  }

  startSweep(): void {
    this.cursor = 0;
    this.kept = 0;
    this.pgMaxNew = -Infinity;
    this.pgMinNew = Infinity;
  }

  /**
   * Closes a sweep; returns true when the projected gradients span at most `eps` over ALL rows
   * (the inner problem is solved to eps). When only the active rows meet eps, un-shrinks so the
   * next sweep checks every row.
   */
  endSweep(eps: number): boolean {
    this.activeSize = this.kept;
    if (this.pgMaxNew - this.pgMinNew <= eps) {
      if (this.activeSize === this.order.length) return true;
      this.unshrink();
      return false;
    }
    this.pgMaxOld = this.pgMaxNew <= 0 || !this.shrinking ? Infinity : this.pgMaxNew;
    this.pgMinOld = this.pgMinNew >= 0 || !this.shrinking ? -Infinity : this.pgMinNew;
    this.startSweep();
    return false;
  }
}

/**
 * Does at most `budget` coordinate visits of the current sweep, from st.cursor; returns the
 * visits done. x: row-major n×d; y: ±1; alpha: n duals in [0, C]; w: length d, kept equal to
 * w(α) up to rounding. A shrunk row is dropped from index[] (the kept ones move down in order).
 * The same calls in any slicing give the same bits: the state lives in st, alpha and w only.
 */
export function sweepSlice(
  x: Float64Array,
  y: Float64Array,
  d: number,
  alpha: Float64Array,
  w: Float64Array,
  b: number,
  lambda: number,
  C: number,
  st: SweepState,
  budget: number,
): number {
  if (d === 2) return sweepSlice2(x, y, alpha, w, b, lambda, C, st, budget);
  const index = st.index;
  let s = st.cursor;
  let kept = st.kept;
  const active = st.activeSize;
  const pgMaxOld = st.pgMaxOld;
  const pgMinOld = st.pgMinOld;
  let pgMax = st.pgMaxNew;
  let pgMin = st.pgMinNew;
  let done = 0;
  while (s < active && done < budget) {
    done++;
    const i = index[s]!;
    const off = i * d;
    let dot = 0;
    let xx = 0;
    for (let j = 0; j < d; j++) {
      const v = x[off + j]!;
      dot += w[j]! * v;
      xx += v * v;
    }
    const yi = y[i]!;
    const G = yi * (dot + b) - 1;
    const a = alpha[i]!;
    let pg = 0;
    if (a === 0) {
      if (G > pgMaxOld) {
        s++;
        continue;
      }
      if (G < 0) pg = G;
    } else if (a === C) {
      if (G < pgMinOld) {
        s++;
        continue;
      }
      if (G > 0) pg = G;
    } else {
      pg = G;
    }
    if (pg > pgMax) pgMax = pg;
    if (pg < pgMin) pgMin = pg;
    if (pg !== 0) {
      // A point at the origin makes f linear in α_i: go to the bound G points to.
      let na = xx > 0 ? a - (G * lambda) / xx : G < 0 ? C : 0;
      na = na < 0 ? 0 : na > C ? C : na;
      if (na !== a) {
        alpha[i] = na;
        const step = ((na - a) * yi) / lambda;
        for (let j = 0; j < d; j++) w[j] = w[j]! + step * x[off + j]!;
      }
    }
    index[kept++] = i;
    s++;
  }
  st.cursor = s;
  st.kept = kept;
  st.pgMaxNew = pgMax;
  st.pgMinNew = pgMin;
  return done;
}

/**
 * sweepSlice for d = 2 with w in locals (V8 keeps them in registers): the same operations in the
 * same order (0 + a·b is a·b exactly), so the same bits as the general loop, about twice as fast.
 */
function sweepSlice2(
  x: Float64Array,
  y: Float64Array,
  alpha: Float64Array,
  w: Float64Array,
  b: number,
  lambda: number,
  C: number,
  st: SweepState,
  budget: number,
): number {
  const index = st.index;
  let s = st.cursor;
  let kept = st.kept;
  const active = st.activeSize;
  const pgMaxOld = st.pgMaxOld;
  const pgMinOld = st.pgMinOld;
  let pgMax = st.pgMaxNew;
  let pgMin = st.pgMinNew;
  let w0 = w[0]!;
  let w1 = w[1]!;
  let done = 0;
  while (s < active && done < budget) {
    done++;
    const i = index[s]!;
    const x0 = x[2 * i]!;
    const x1 = x[2 * i + 1]!;
    const yi = y[i]!;
    const G = yi * (w0 * x0 + w1 * x1 + b) - 1;
    const a = alpha[i]!;
    let pg = 0;
    if (a === 0) {
      if (G > pgMaxOld) {
        s++;
        continue;
      }
      if (G < 0) pg = G;
    } else if (a === C) {
      if (G < pgMinOld) {
        s++;
        continue;
      }
      if (G > 0) pg = G;
    } else {
      pg = G;
    }
    if (pg > pgMax) pgMax = pg;
    if (pg < pgMin) pgMin = pg;
    if (pg !== 0) {
      const xx = x0 * x0 + x1 * x1;
      let na = xx > 0 ? a - (G * lambda) / xx : G < 0 ? C : 0;
      na = na < 0 ? 0 : na > C ? C : na;
      if (na !== a) {
        alpha[i] = na;
        const step = ((na - a) * yi) / lambda;
        w0 += step * x0;
        w1 += step * x1;
      }
    }
    index[kept++] = i;
    s++;
  }
  w[0] = w0;
  w[1] = w1;
  st.cursor = s;
  st.kept = kept;
  st.pgMaxNew = pgMax;
  st.pgMinNew = pgMin;
  return done;
}

/** True when the current sweep has visited every active row. */
export function sweepDone(st: SweepState): boolean {
  return st.cursor >= st.activeSize;
}
