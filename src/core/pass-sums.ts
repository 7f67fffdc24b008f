/**
 * The running sums of one pass over rows (see pass-kernels.ts for the per-row rule) and their
 * bookkeeping: allocate, clear, copy; and the label facts a pass's kernels and metrics need.
 */

/** Running sums of one pass. */
export interface PassSums {
  loss: number;
  gb: number;
  /** Rows with m > 0 so far; also the next write position in `sv`. */
  sv: number;
  /**
   * Σ y·[s >= 0] over the rows so far: the number of correct predictions is
   * (number of negative rows) + this sum, which costs one multiply-add and no comparison of
   * booleans (prediction is +1 exactly when s >= 0).
   */
  signedPositive: number;
  /** Σ −y·x over support vectors, length d. */
  readonly gw: Float64Array;
}

/**
 * Fresh zeroed sums for dimension d. The fields are made with a fraction, then zeroed: V8 then
 * gives every sums object one shape with double fields from the start. Made with 0 they would
 * begin as small-integer fields and change shape at the first fractional store, and a kernel
 * optimised on one shape would be thrown away when the other arrives ("wrong map", "not a Smi").
 * gw is made null first, so V8 tracks that field as holding any object: tracked as one kind of
 * typed array, it was widened mid-run when another kind arrived, and every kernel compiled
 * against the sums' shape was thrown away (seen in the bench, mid-measurement).
 */
export function emptySums(d: number): PassSums {
  const sums = {
    loss: 0.5,
    gb: 0.5,
    sv: 0.5,
    signedPositive: 0.5,
    gw: null as Float64Array | null,
  };
  sums.gw = new Float64Array(d);
  clearSums(sums as PassSums);
  return sums as PassSums;
}

/** Zeroes sums in place, for a new pass. */
export function clearSums(s: PassSums): void {
  s.loss = 0.0;
  s.gb = 0.0;
  s.sv = 0;
  s.signedPositive = 0;
  s.gw.fill(0.0);
}

/** Copies `from` into `to` (same d). */
export function copySums(from: PassSums, to: PassSums): void {
  to.loss = from.loss;
  to.gb = from.gb;
  to.sv = from.sv;
  to.signedPositive = from.signedPositive;
  to.gw.set(from.gw);
}

/** Rows labelled −1. */
export function countNegatives(y: Float64Array): number {
  let k = 0;
  for (let i = 0; i < y.length; i++) k += +(y[i]! < 0);
  return k;
}

/** Whether y is +1 on rows [0, positives) and −1 on the rest (the generator's layout). */
export function isClassBlocked(y: Float64Array, positives: number): boolean {
  for (let i = 0; i < y.length; i++) if (y[i] !== (i < positives ? 1.0 : -1.0)) return false;
  return true;
}
