/**
 * The hinge panel's dots: the display sample's margins placed on the hinge curve, at most one dot
 * per class and pixel column. Points of one column sit on the same pixel of the curve (loss is a
 * function of the margin), so one dot stands for them all, and a snapshot redraws at most about
 * 2·width dots however large the sample; the histogram beneath tells how many points are where.
 */

/** Screen positions (x, y pairs) of the dots of each class. */
export interface HingeDots {
  positive: Float64Array;
  negative: Float64Array;
}

/**
 * Dots for margins m[k] of points labelled y[k] (±1): x = px(m) and y = py(max(0, 1 − m)) with m
 * clamped to [lo, hi]; the first point of a class in each pixel column [c, c + 1) of
 * [0, columns) gets the dot. NaN margins get none. O(margins + columns).
 */
export function hingeDots(
  m: ArrayLike<number>,
  y: ArrayLike<number>,
  px: (m: number) => number,
  py: (loss: number) => number,
  lo: number,
  hi: number,
  columns: number,
): HingeDots {
  const cols = Math.max(1, Math.ceil(columns));
  const taken = new Uint8Array(2 * cols);
  const pos: number[] = [];
  const neg: number[] = [];
  for (let k = 0; k < m.length; k++) {
    const v = m[k]!;
    if (Number.isNaN(v)) continue;
    const c = Math.min(hi, Math.max(lo, v));
    const sx = px(c);
    const col = Math.min(cols - 1, Math.max(0, Math.floor(sx)));
    const cls = y[k]! > 0 ? 0 : 1;
    if (taken[cls * cols + col]) continue;
    taken[cls * cols + col] = 1;
    (cls === 0 ? pos : neg).push(sx, py(Math.max(0, 1 - c)));
  }
  return { positive: Float64Array.from(pos), negative: Float64Array.from(neg) };
}
