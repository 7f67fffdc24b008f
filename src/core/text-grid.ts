/**
 * The article's text picture of a 2-D classifier over [−3, 3]²: a gridSize×gridSize character
 * grid, row 0 at y = 3 and column 0 at x = −3. Background glyphs: ':' inside the margin band
 * |w·p + b| < 1, '.' on the positive side, ',' on the negative side. Then every data point, in
 * row order, marks the cell nearest to it (Python's round, half to even): '@' for a support
 * vector, else '+' or '−' by label; a later point overwrites an earlier one.
 *
 * Like the reference, a point counts as a support vector when its coordinates rounded to six
 * decimals equal those of some support vector (so an exact duplicate of one is marked too).
 */
import type { Dataset } from './dataset.ts';
import { roundHalfEven, roundMicros } from './py-format.ts';

/** The article's grid: 21×21 characters. */
export const TEXT_GRID_SIZE = 21;

/** Coordinates that round to the same six decimals differ by at most 10^-6; a safe window. */
export const KEY_WINDOW = 2e-6;

/**
 * Renders the grid for a d = 2 model (w length 2, bias b) over `data`, with `sv` the ascending
 * indices of the support vectors. Lines are joined by '\n', no trailing newline.
 */
export function textGrid(
  w: Float64Array,
  b: number,
  data: Dataset,
  sv: Uint32Array,
  gridSize: number,
): string {
  if (data.d !== 2 || w.length !== 2) throw new RangeError('the text grid needs d = 2');
  if (!Number.isInteger(gridSize) || gridSize < 2) {
    throw new RangeError(`grid size must be an integer >= 2, got ${gridSize}`);
  }
  const g = gridSize;
  const cells = new Array<string>(g * g);
  for (let r = 0; r < g; r++) {
    for (let c = 0; c < g; c++) cells[r * g + c] = backgroundGlyph(w, b, r, c, g);
  }
  const winner = lastPointPerCell(data, g);
  const marked = markedAsSupportVectors(data, winner, sv);
  for (let cell = 0; cell < winner.length; cell++) {
    const i = winner[cell]!;
    if (i < 0) continue;
    cells[cell] = marked.has(i) ? '@' : data.y[i]! > 0.0 ? '+' : '-';
  }
  const lines: string[] = [];
  for (let r = 0; r < g; r++) lines.push(cells.slice(r * g, r * g + g).join(''));
  return lines.join('\n');
}

/**
 * The glyph of cell (r, c) of a g×g grid without a point: the score b + w·p at the cell's centre
 * p = (−3 + 6c/(g − 1), 3 − 6r/(g − 1)) puts it in the band (':'), or on the positive ('.') or
 * negative (',') side.
 */
export function backgroundGlyph(w: Float64Array, b: number, r: number, c: number, g: number) {
  const yc = 3.0 - (6.0 * r) / (g - 1);
  const xc = -3.0 + (6.0 * c) / (g - 1);
  const score = b + w[0]! * xc + w[1]! * yc;
  return Math.abs(score) < 1.0 ? ':' : score >= 0.0 ? '.' : ',';
}

/** The row-major cell of a g×g grid nearest to the point (x0, x1) (half to even), or −1 outside. */
export function gridCellOf(x0: number, x1: number, g: number): number {
  const col = roundHalfEven(((x0 + 3.0) / 6.0) * (g - 1));
  const row = roundHalfEven(((3.0 - x1) / 6.0) * (g - 1));
  return row >= 0 && row < g && col >= 0 && col < g ? row * g + col : -1;
}

/** For each cell, the index of the last point that lands in it, or −1. */
function lastPointPerCell(data: Dataset, g: number): Int32Array {
  const winner = new Int32Array(g * g).fill(-1);
  const { x, n } = data;
  for (let i = 0; i < n; i++) {
    const cell = gridCellOf(x[2 * i]!, x[2 * i + 1]!, g);
    if (cell >= 0) winner[cell] = i;
  }
  return winner;
}

/** The winning points whose six-decimal key matches a support vector's. */
function markedAsSupportVectors(data: Dataset, winner: Int32Array, sv: Uint32Array): Set<number> {
  const marked = new Set<number>();
  const others: number[] = [];
  for (const i of winner) {
    if (i < 0) continue;
    if (contains(sv, i)) marked.add(i);
    else others.push(i);
  }
  if (others.length === 0 || sv.length === 0) return marked;
  // A non-support point is still '@' when an SV shares its rounded key: look for SVs within a
  // tiny window of its x coordinate (sorted search), then compare keys exactly.
  const x = data.x;
  others.sort((a, b) => x[2 * a]! - x[2 * b]!);
  const xs = Float64Array.from(others, (i) => x[2 * i]!);
  for (const s of sv) {
    const sx = x[2 * s]!;
    for (let k = lowerBound(xs, sx - KEY_WINDOW); k < xs.length && xs[k]! <= sx + KEY_WINDOW; k++) {
      const i = others[k]!;
      if (!marked.has(i) && sameKey(x, i, s)) marked.add(i);
    }
  }
  return marked;
}

/** Whether rows i and j of the row-major n×2 array x round to the same six decimals. */
export function sameKey(x: Float64Array, i: number, j: number): boolean {
  return (
    roundMicros(x[2 * i]!) === roundMicros(x[2 * j]!) &&
    roundMicros(x[2 * i + 1]!) === roundMicros(x[2 * j + 1]!)
  );
}

/** Whether the ascending array a holds v. */
function contains(a: Uint32Array, v: number): boolean {
  const k = lowerBound(a, v);
  return k < a.length && a[k] === v;
}

/** The first index k with a[k] >= v in the ascending array a (binary search). */
export function lowerBound(a: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
