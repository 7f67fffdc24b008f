/**
 * The y scale of a chart of metrics against epoch (the training curves, the Compare overlay),
 * from the drawn values' range [min, max] (non-finite when nothing is drawn yet), onto
 * [height, 0] in pixels:
 * - log: [min / 1.25, max · 1.25] (0.01 and 1 when empty; a decade when the range is empty);
 * - linear: [lo, max · headroom], niced, with lo = min(0, min) when `zero` (counts and losses),
 *   else min (0 and 1 when empty; [lo, lo + 1] when the range is empty).
 */
import { scaleLinear, scaleLog } from 'd3-scale';

export interface MetricScaleOptions {
  log: boolean;
  /** Start a linear axis at zero (or below it, for negative values). */
  zero: boolean;
  /** Room above the largest value on a linear axis, as a factor (1 for none). */
  headroom: number;
}

export function metricScale(
  range: { min: number; max: number },
  height: number,
  { log, zero, headroom }: MetricScaleOptions,
) {
  const { min, max } = range;
  if (log) {
    const lo = Number.isFinite(min) ? min / 1.25 : 0.01;
    const hi = Number.isFinite(max) ? max * 1.25 : 1;
    return scaleLog()
      .domain([lo, hi > lo ? hi : lo * 10])
      .range([height, 0]);
  }
  const lo = Number.isFinite(min) ? (zero ? Math.min(0, min) : min) : 0;
  const hi = Number.isFinite(max) ? max : 1;
  return scaleLinear()
    .domain([lo, hi > lo ? hi * headroom : lo + 1])
    .range([height, 0])
    .nice();
}
