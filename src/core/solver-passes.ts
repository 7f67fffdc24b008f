/**
 * The solver's full passes over the data, in resumable row ranges: each adds rows [from, to)
 * into a PassSums, so a pass sliced anywhere sums in the same order and gives the same bits.
 *
 * Layout as everywhere in the core: x row-major n×d, y ±1, alpha n duals in [0, 1/n].
 */

/** Running sums of one pass; reset() before a new pass. */
export class PassSums {
  /** Σ max(0, 1 − y_i(w·x_i + b)): n times the mean hinge loss of the primal point. */
  loss = 0;
  /** Σ α_i. */
  alphaSum = 0;
  /** Σ α_i y_i (zero for a dual-feasible α). */
  alphaY = 0;
  /** u = Σ α_i y_i x_i, length d, so w(α) = u/λ. */
  readonly u: Float64Array;

  constructor(d: number) {
    this.u = new Float64Array(d);
  }

  reset(): void {
    this.loss = 0;
    this.alphaSum = 0;
    this.alphaY = 0;
    this.u.fill(0);
  }
}

/**
 * Rows [from, to): adds the hinge loss of (w, b) and the α sums (Σα, Σαy, Σαyx) into `sums`.
 * One read of the data gives both sides of the certificate: P(w, b) and w(α).
 */
export function evaluateRows(
  x: Float64Array,
  y: Float64Array,
  d: number,
  alpha: Float64Array,
  w: Float64Array,
  b: number,
  sums: PassSums,
  from: number,
  to: number,
): void {
  const u = sums.u;
  let loss = sums.loss;
  let aSum = sums.alphaSum;
  let aY = sums.alphaY;
  for (let i = from; i < to; i++) {
    const off = i * d;
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[off + j]!;
    const yi = y[i]!;
    const m = 1 - yi * s;
    if (m > 0) loss += m;
    const a = alpha[i]!;
    if (a !== 0) {
      aSum += a;
      const ay = a * yi;
      aY += ay;
      for (let j = 0; j < d; j++) u[j] = u[j]! + ay * x[off + j]!;
    }
  }
  sums.loss = loss;
  sums.alphaSum = aSum;
  sums.alphaY = aY;
}

/**
 * Rows [from, to): out_i = min(C, θ·lo_i + (1 − θ)·hi_i), the convex mix of two box-feasible
 * duals (still in [0, C]; the min only guards the last bit), then adds out's sums into `sums`
 * (loss is left alone). Used once, to write the certified α.
 */
export function mixRows(
  x: Float64Array,
  y: Float64Array,
  d: number,
  lo: Float64Array,
  hi: Float64Array,
  theta: number,
  C: number,
  out: Float64Array,
  sums: PassSums,
  from: number,
  to: number,
): void {
  const u = sums.u;
  let aSum = sums.alphaSum;
  let aY = sums.alphaY;
  const phi = 1 - theta;
  for (let i = from; i < to; i++) {
    let a = theta * lo[i]! + phi * hi[i]!;
    if (a > C) a = C;
    out[i] = a;
    if (a !== 0) {
      const off = i * d;
      aSum += a;
      const ay = a * y[i]!;
      aY += ay;
      for (let j = 0; j < d; j++) u[j] = u[j]! + ay * x[off + j]!;
    }
  }
  sums.alphaSum = aSum;
  sums.alphaY = aY;
}

/** ‖v‖². */
export function squaredNorm(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  return s;
}

/**
 * The b minimising P(w, b) for a fixed w, exactly. P(w, ·) is convex and piecewise linear
 * with a kink at k_i = y_i − w·x_i for each point (where its hinge switches on or off); its
 * slope is −nPos/n left of every kink and rises by 1/n at each, so it is zero between the
 * nPos-th and (nPos+1)-th smallest kinks: the midpoint of those is optimal. O(n log n); `kinks`
 * is scratch of length n.
 */
export function bestBias(
  x: Float64Array,
  y: Float64Array,
  d: number,
  w: Float64Array,
  kinks: Float64Array,
): number {
  const n = y.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += w[j]! * x[i * d + j]!;
    kinks[i] = y[i]! - s;
    if (y[i]! > 0) nPos++;
  }
  kinks.sort();
  if (nPos === 0) return kinks[0]!;
  if (nPos === n) return kinks[n - 1]!;
  return (kinks[nPos - 1]! + kinks[nPos]!) / 2;
}
