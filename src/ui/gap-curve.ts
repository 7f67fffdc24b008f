/**
 * A curve minus a constant: the objective's kept points P(w_t, b_t) less the exact optimum P*,
 * for the loss chart's log axis (P − P* ≥ 0 at every point; a point at or below 0, which only
 * rounding could give, is left undrawn by the log scale). A new Series of the same length, made
 * once per snapshot; the source is never written.
 */
import type { CurveData } from './curve-path.ts';
import { Series } from './series.ts';

/** ys.values[i] − by for i in [0, ys.length), as a curve the charts read. */
export function gapCurve(ys: CurveData, by: number): CurveData {
  const out = new Series(Math.max(1, ys.length));
  const src = ys.values;
  const diff = new Float64Array(ys.length);
  for (let i = 0; i < ys.length; i++) diff[i] = src[i]! - by;
  out.write(0, diff);
  return out;
}
