/**
 * The dual side of a dcd epoch: one resumable pass summing the dual α per class, and from those
 * sums w(α), the fixed-b dual value and a certified lower bound of P*.
 *
 * The problem (bias b unregularised): P(w, b) = (1/n) Σ max(0, 1 − y_i(w·x_i + b)) + (λ/2)‖w‖²,
 * with dual D(α) = Σ α_i − (1/(2λ))‖Σ α_i y_i x_i‖² over 0 ≤ α_i ≤ 1/n AND Σ α_i y_i = 0.
 * Layout: x row-major n×d, y ±1, alpha n values in [0, 1/n].
 */

/** Per-class sums of α: A± = Σ_{y_i = ±1} α_i and U± = Σ_{y_i = ±1} α_i x_i (length d). */
export class ClassDualSums {
  aPos = 0;
  aNeg = 0;
  readonly uPos: Float64Array;
  readonly uNeg: Float64Array;

  constructor(d: number) {
    this.uPos = new Float64Array(d);
    this.uNeg = new Float64Array(d);
  }

  reset(): void {
    this.aPos = this.aNeg = 0;
    this.uPos.fill(0);
    this.uNeg.fill(0);
  }

  copyFrom(o: ClassDualSums): void {
    this.aPos = o.aPos;
    this.aNeg = o.aNeg;
    this.uPos.set(o.uPos);
    this.uNeg.set(o.uNeg);
  }

  /** Σ α_i. */
  get alphaSum(): number {
    return this.aPos + this.aNeg;
  }

  /** h = Σ α_i y_i: zero for a dual-feasible α; at a fixed-b optimum, −d/db of min_w P(w, b). */
  get alphaY(): number {
    return this.aPos - this.aNeg;
  }
}

/** Rows [from, to): adds α_i and α_i·x_i into the sums of row i's class (same bits however sliced). */
export function dualRows(
  x: Float64Array,
  y: Float64Array,
  d: number,
  alpha: Float64Array,
  s: ClassDualSums,
  from: number,
  to: number,
): void {
  if (d === 2) {
    dualRows2(x, y, alpha, s, from, to);
    return;
  }
  const { uPos, uNeg } = s;
  let aPos = s.aPos;
  let aNeg = s.aNeg;
  for (let i = from; i < to; i++) {
    const a = alpha[i]!;
    if (a === 0) continue;
    const off = i * d;
    if (y[i]! > 0) {
      aPos += a;
      for (let j = 0; j < d; j++) uPos[j] = uPos[j]! + a * x[off + j]!;
    } else {
      aNeg += a;
      for (let j = 0; j < d; j++) uNeg[j] = uNeg[j]! + a * x[off + j]!;
    }
  }
  s.aPos = aPos;
  s.aNeg = aNeg;
}

/** dualRows for d = 2 with the sums in locals: the same operations in the same order, same bits. */
function dualRows2(
  x: Float64Array,
  y: Float64Array,
  alpha: Float64Array,
  s: ClassDualSums,
  from: number,
  to: number,
): void {
  const { uPos, uNeg } = s;
  let aPos = s.aPos;
  let aNeg = s.aNeg;
  let p0 = uPos[0]!;
  let p1 = uPos[1]!;
  let n0 = uNeg[0]!;
  let n1 = uNeg[1]!;
  for (let i = from; i < to; i++) {
    const a = alpha[i]!;
    if (a === 0) continue;
    if (y[i]! > 0) {
      aPos += a;
      p0 += a * x[2 * i]!;
      p1 += a * x[2 * i + 1]!;
    } else {
      aNeg += a;
      n0 += a * x[2 * i]!;
      n1 += a * x[2 * i + 1]!;
    }
  }
  s.aPos = aPos;
  s.aNeg = aNeg;
  uPos[0] = p0;
  uPos[1] = p1;
  uNeg[0] = n0;
  uNeg[1] = n1;
}

/** w(α) = (U+ − U−)/λ into w (length d). */
export function weightsOfDual(s: ClassDualSums, lambda: number, w: Float64Array): void {
  for (let j = 0; j < w.length; j++) w[j] = (s.uPos[j]! - s.uNeg[j]!) / lambda;
}

/**
 * A certified lower bound of P*: D(α') for α' = α with the heavier class scaled down so that
 * Σ α'_i y_i = 0. If A+ > A−, α'_i = (A−/A+)·α_i on the positives (still in [0, 1/n]), so
 * Σα' = 2A− and Σ α'_i y_i x_i = (A−/A+)·U+ − U−; the other way round alike. α' is feasible for
 * the dual WITH its equality constraint, so weak duality gives D(α') ≤ P*. The constraint is what
 * the unregularised bias costs: for an α with Σ α_i y_i ≠ 0, inf over b of the Lagrangian is −∞,
 * so D(α) of an infeasible α bounds nothing (the fixed-b dual value bounds only min_w P(w, b) at
 * that b, not P*). 0 when a class has no weight (α' = 0, D = 0).
 */
export function feasibleDual(s: ClassDualSums, lambda: number): number {
  const { aPos, aNeg, uPos, uNeg } = s;
  if (!(aPos > 0) || !(aNeg > 0)) return 0;
  const sPos = aPos > aNeg ? aNeg / aPos : 1;
  const sNeg = aNeg > aPos ? aPos / aNeg : 1;
  let q = 0;
  for (let j = 0; j < uPos.length; j++) {
    const v = sPos * uPos[j]! - sNeg * uNeg[j]!;
    q += v * v;
  }
  return sPos * aPos + sNeg * aNeg - q / (2 * lambda);
}

/**
 * The dual value at a fixed b, Σ α_i (1 − y_i b) − (λ/2)‖w(α)‖² (w = w(α), length d): a lower
 * bound of min_w P(w, b) for that b only, so P(w, b) minus it measures how well that fixed-b
 * problem is solved (the bias search moves b once it is solved well enough).
 */
export function fixedBiasDual(
  s: ClassDualSums,
  b: number,
  lambda: number,
  w: Float64Array,
): number {
  let q = 0;
  for (let j = 0; j < w.length; j++) q += w[j]! * w[j]!;
  return s.alphaSum - b * s.alphaY - (lambda / 2) * q;
}
