/**
 * Support vectors: the points with positive hinge loss, 1 − y·(w·x + b) > 0 strictly — inside
 * the margin band or on the wrong side. They are the only points that move the weights.
 */
import { decisionAt } from './hinge.ts';

/**
 * The ascending row indices i with 1 − y_i·(w·x_i + b) > 0, for x row-major n×d. Writes into
 * `out` (length >= n) when given and returns a view of it; otherwise allocates.
 */
export function supportVectorIndices(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  out: Uint32Array = new Uint32Array(y.length),
): Uint32Array {
  const n = y.length;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (1.0 - y[i]! * decisionAt(w, b, x, i) > 0.0) out[count++] = i;
  }
  return out.subarray(0, count);
}

/**
 * How many points entered and left the support-vector set between two ascending index lists:
 * entered = |now \ before|, left = |before \ now|. One merge, O(|before| + |now|).
 */
export function supportVectorChurn(
  before: Uint32Array,
  now: Uint32Array,
): { entered: number; left: number } {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < before.length && j < now.length) {
    const a = before[i]!;
    const c = now[j]!;
    if (a === c) {
      common++;
      i++;
      j++;
    } else if (a < c) i++;
    else j++;
  }
  return { entered: now.length - common, left: before.length - common };
}

/**
 * Churn against a marked previous set, in one pass over the new list: row i was in the previous
 * set exactly when mark[i] === previous (its count is previousCount, or −1 for "no previous set":
 * then churn is 0/0). Marks the new set with `next`. A serial number per set means the marks are
 * never cleared.
 */
export function supportVectorChurnMarked(
  mark: Uint32Array,
  previous: number,
  previousCount: number,
  now: Uint32Array,
  next: number,
): { entered: number; left: number } {
  let entered = 0;
  for (let k = 0; k < now.length; k++) {
    const i = now[k]!;
    entered += +(mark[i] !== previous);
    mark[i] = next;
  }
  if (previousCount < 0) return { entered: 0, left: 0 };
  return { entered, left: previousCount - (now.length - entered) };
}
