/**
 * SVG path data for one run's downsampled curve (plain arrays of epochs and values), with a gap
 * wherever a value cannot be drawn (not finite, or <= 0 on a log axis).
 */

export function overlayPath(
  xs: readonly number[],
  ys: readonly number[],
  px: (v: number) => number,
  py: (v: number) => number,
  log: boolean,
): string {
  let d = '';
  let pen = false;
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const v = ys[i]!;
    if (!Number.isFinite(v) || (log && v <= 0)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(px(xs[i]!))},${round(py(v))}`;
    pen = true;
  }
  return d;
}

/** The smallest and largest drawable value over all series (NaN, NaN when there is none). */
export function overlayRange(
  series: readonly (readonly number[])[],
  log: boolean,
): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const ys of series) {
    for (const v of ys) {
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : { min: NaN, max: NaN };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
