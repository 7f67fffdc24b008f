/**
 * SVG path data for curves against epoch, drawn from either of the two shapes a curve takes:
 * the page's own Series (only its drawn, downsampled indices) and a run record's plain arrays of
 * epochs and values (the Compare overlay). Both go through one loop, `marks`, so they draw and
 * break alike: a gap wherever a point cannot be drawn (x or y missing, NaN or ±Infinity, or
 * y <= 0 on a log axis). Coordinates are rounded to 0.1 px.
 */
import type { Series } from './series.ts';

/**
 * A curve as the charts read it: values, the indices to draw, and (for x values) a nearest
 * lookup. The page's Series (churn, one value per snapshot) and the kept points of its metrics
 * (kept-line.ts) both are.
 */
export type CurveData = Pick<Series, 'values' | 'length' | 'drawIndices' | 'at' | 'nearest'>;

/** One line of a chart against epoch. */
export interface CurveLine {
  label: string;
  /** A CSS colour (custom properties allowed). */
  color: string;
  dash?: string;
  ys: CurveData;
  /** The x (epoch) of each value when they are irregular; index = epoch otherwise. */
  xs?: CurveData;
  format: (v: number) => string;
  /** Draw the points as dots instead of joining them (for sparse, irregular points). */
  dots?: boolean;
}

/** The smallest and largest drawable value, or NaN, NaN when there is none. */
export interface ValueRange {
  min: number;
  max: number;
}

type Scale = (v: number) => number;

/**
 * 'M x y L x y …' for the drawn points of ys; x of point i is xs.at(i) when xs is given (points
 * at irregular epochs), else i (one point per epoch).
 */
export function curvePath(
  ys: CurveData,
  xs: CurveData | null,
  px: Scale,
  py: Scale,
  log: boolean,
): string {
  return marks(ys.values, xs && xs.values.subarray(0, xs.length), ys.drawIndices(), px, py, log, 0);
}

/** Small circles of radius r > 0 at the drawn points of ys (x as in curvePath). */
export function curveDots(
  ys: CurveData,
  xs: CurveData | null,
  px: Scale,
  py: Scale,
  log: boolean,
  r: number,
): string {
  return marks(ys.values, xs && xs.values.subarray(0, xs.length), ys.drawIndices(), px, py, log, r);
}

/**
 * The range of the drawn points' values over all series (for a shared y domain), skipping
 * values that cannot be drawn.
 */
export function drawnRange(series: readonly CurveData[], log: boolean): ValueRange {
  const range = empty();
  for (const ys of series) widen(range, ys.values, ys.drawIndices(), log);
  return finish(range);
}

/** 'M x y L x y …' through the points (xs[i], ys[i]) of a record's curve (plain arrays). */
export function arrayPath(
  xs: readonly number[],
  ys: readonly number[],
  px: Scale,
  py: Scale,
  log: boolean,
): string {
  return marks(ys, xs, null, px, py, log, 0);
}

/** The range of the drawable values over all series (plain arrays). */
export function arraysRange(series: readonly (readonly number[])[], log: boolean): ValueRange {
  const range = empty();
  for (const ys of series) widen(range, ys, null, log);
  return finish(range);
}

/**
 * The one drawing loop. Point k is index i = at[k] (every index of ys when `at` is null) at
 * (xs[i], ys[i]), or (i, ys[i]) when xs is null; an index past the end of xs or ys is a gap.
 * r = 0 joins the points into lines ('M' after a gap, 'L' otherwise); r > 0 draws a circle of
 * radius r at each.
 */
function marks(
  ys: ArrayLike<number>,
  xs: ArrayLike<number> | null,
  at: ArrayLike<number> | null,
  px: Scale,
  py: Scale,
  log: boolean,
  r: number,
): string {
  const parts: string[] = [];
  let pen = false;
  const count = at ? at.length : ys.length;
  for (let k = 0; k < count; k++) {
    const i = at ? at[k]! : k;
    const x = xs ? (xs[i] ?? NaN) : i;
    const v = ys[i] ?? NaN;
    if (!Number.isFinite(x) || !drawable(v, log)) {
      pen = false;
      continue;
    }
    const sx = round(px(x));
    const sy = round(py(v));
    if (r > 0)
      parts.push(`M${sx - r},${sy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
    else parts.push(`${pen ? 'L' : 'M'}${sx},${sy}`);
    pen = true;
  }
  return parts.join('');
}

const empty = (): ValueRange => ({ min: Infinity, max: -Infinity });

/** Widens `range` by the drawable values ys[at[k]] (every ys[i] when `at` is null). */
function widen(
  range: ValueRange,
  ys: ArrayLike<number>,
  at: ArrayLike<number> | null,
  log: boolean,
): ValueRange {
  const count = at ? at.length : ys.length;
  for (let k = 0; k < count; k++) {
    const v = ys[at ? at[k]! : k]!;
    if (!drawable(v, log)) continue;
    if (v < range.min) range.min = v;
    if (v > range.max) range.max = v;
  }
  return range;
}

function finish(range: ValueRange): ValueRange {
  return range.min <= range.max ? range : { min: NaN, max: NaN };
}

function drawable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
