/**
 * SVG path data for a downsampled series: the drawn indices (ascending) mapped through the
 * scales, with a gap wherever a value cannot be drawn (NaN, ±Infinity, or <= 0 on a log axis).
 */
import type { Series } from './series.ts';

/** One line of a chart against epoch. */
export interface CurveLine {
  label: string;
  /** A CSS colour (custom properties allowed). */
  color: string;
  dash?: string;
  ys: Series;
  /** The x (epoch) of each value when they are irregular; index = epoch otherwise. */
  xs?: Series;
  format: (v: number) => string;
  /** Draw the points as dots instead of joining them (for sparse, irregular points). */
  dots?: boolean;
}

/** The drawn points' value range (for the y domain), skipping values `drawable` rejects. */
export function drawnRange(ys: Series, log: boolean): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const i of ys.drawIndices()) {
    const v = ys.at(i);
    if (!drawable(v, log)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: NaN, max: NaN };
}

/**
 * 'M x y L x y …' for the drawn points of ys; x of point i is xs.at(i) when xs is given (points
 * at irregular epochs), else i (one point per epoch).
 */
export function curvePath(
  ys: Series,
  xs: Series | null,
  px: (v: number) => number,
  py: (v: number) => number,
  log: boolean,
): string {
  const parts: string[] = [];
  let pen = false;
  for (const i of ys.drawIndices()) {
    const v = ys.at(i);
    if (!drawable(v, log)) {
      pen = false;
      continue;
    }
    const sx = px(xs ? xs.at(i) : i);
    const sy = py(v);
    parts.push(`${pen ? 'L' : 'M'}${round(sx)},${round(sy)}`);
    pen = true;
  }
  return parts.join('');
}

/** Small circles of radius r at the drawn points of ys (x as in curvePath). */
export function curveDots(
  ys: Series,
  xs: Series | null,
  px: (v: number) => number,
  py: (v: number) => number,
  log: boolean,
  r: number,
): string {
  const parts: string[] = [];
  for (const i of ys.drawIndices()) {
    const v = ys.at(i);
    if (!drawable(v, log)) continue;
    const sx = round(px(xs ? xs.at(i) : i));
    const sy = round(py(v));
    parts.push(`M${sx - r},${sy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
  }
  return parts.join('');
}

function drawable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
