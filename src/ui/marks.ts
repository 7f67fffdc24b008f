/**
 * The plot's point marks as single SVG paths, one subpath per point, so thousands of points cost
 * a few DOM nodes instead of thousands. Coordinates and radii are screen pixels rounded to 0.1 px.
 */

/**
 * circle: a disc outlined by two arcs; ring: the same outline, meant to be stroked; dot: a disc
 * drawn as a zero-length stroke with round caps (the caller sets stroke-width 2r), a few numbers
 * per mark that the browser parses, bounds and paints without arcs (for thousands of marks, about
 * a tenth of the circles' cost); triangle: pointing up.
 */
export type MarkShape = 'circle' | 'triangle' | 'ring' | 'dot';

/** A mark radius for k points: 4 px up to a few hundred, shrinking to 1.8 px for thousands. */
export function markRadius(k: number): number {
  return Math.max(1.8, Math.min(4, 4 * Math.sqrt(300 / Math.max(1, k))));
}

/**
 * Screen positions of the sample: out[2k], out[2k+1] = (px(x_k0), py(x_k1)) for the row-major
 * k×2 array xy.
 */
export function project(
  xy: Float64Array,
  px: (v: number) => number,
  py: (v: number) => number,
): Float64Array {
  const out = new Float64Array(xy.length);
  for (let i = 0; i + 1 < xy.length; i += 2) {
    out[i] = px(xy[i]!);
    out[i + 1] = py(xy[i + 1]!);
  }
  return out;
}

/**
 * One path of marks of radius r at the screen positions whose index k passes `pick`: circles
 * (and rings, the same outline meant to be stroked), or triangles pointing up with the same
 * area-ish footprint.
 */
export function markPath(
  shape: MarkShape,
  screen: Float64Array,
  pick: (k: number) => boolean,
  r: number,
): string {
  const parts: string[] = [];
  const k = screen.length / 2;
  for (let i = 0; i < k; i++) {
    if (pick(i)) parts.push(subpath(shape, screen[2 * i]!, screen[2 * i + 1]!, r));
  }
  return parts.join('');
}

/**
 * Each position's mark as its own subpath ('' where a coordinate is not finite), written once so
 * that marks picked anew every snapshot (the ringed support vectors) cost a join, not formatting.
 */
export function markSubpaths(shape: MarkShape, screen: Float64Array, r: number): string[] {
  const out = new Array<string>(screen.length / 2);
  for (let i = 0; i < out.length; i++)
    out[i] = subpath(shape, screen[2 * i]!, screen[2 * i + 1]!, r);
  return out;
}

/**
 * The cell of a cells×cells grid over the square [0, side]² holding each screen position
 * (positions outside go to the nearest edge cell; non-finite ones to cell 0).
 */
export function gridCells(screen: Float64Array, side: number, cells: number): Uint16Array {
  const out = new Uint16Array(screen.length / 2);
  const scale = cells / side;
  const clamp = (v: number) => (v >= 0 ? Math.min(cells - 1, Math.floor(v * scale)) : 0);
  for (let i = 0; i < out.length; i++) {
    out[i] = clamp(screen[2 * i + 1]!) * cells + clamp(screen[2 * i]!);
  }
  return out;
}

/**
 * pickSubpaths per grid cell: one path per cell (cells² of them, from gridCells), so that when
 * only a few flags change, only the paths of their cells change and only those areas repaint.
 */
export function pickSubpathsByCell(
  subpaths: readonly string[],
  flags: ArrayLike<number>,
  cellOf: Uint16Array,
  cells: number,
): string[] {
  const parts: string[][] = Array.from({ length: cells * cells }, () => []);
  for (let i = 0; i < subpaths.length; i++) {
    if (flags[i] === 1) parts[cellOf[i]!]!.push(subpaths[i]!);
  }
  return parts.map((p) => p.join(''));
}

/**
 * pickSubpathsByCell kept up to date flag set after flag set: only the cells where a flag changed
 * since the previous call are joined again; the others keep the very same strings (so nothing
 * downstream redraws them). O(subpaths) byte comparisons plus the changed cells' members.
 */
export class CellPaths {
  private readonly previous: Uint8Array;
  private paths: string[];
  /** Members of cell c, ascending: order[start[c] .. start[c + 1]). */
  private readonly order: Uint32Array;
  private readonly start: Uint32Array;
  private readonly dirty: Uint8Array;

  constructor(
    private readonly subpaths: readonly string[],
    private readonly cellOf: Uint16Array,
    cells: number,
  ) {
    const count = cells * cells;
    this.previous = new Uint8Array(subpaths.length).fill(2);
    this.paths = new Array<string>(count).fill('');
    this.dirty = new Uint8Array(count);
    this.start = new Uint32Array(count + 1);
    for (let i = 0; i < cellOf.length; i++) this.start[cellOf[i]! + 1]!++;
    for (let c = 0; c < count; c++) this.start[c + 1]! += this.start[c]!;
    const next = this.start.slice(0, count);
    this.order = new Uint32Array(cellOf.length);
    for (let i = 0; i < cellOf.length; i++) this.order[next[cellOf[i]!]!++] = i;
  }

  /** The paths of the flagged subpaths per cell (a new array; unchanged cells' strings reused). */
  update(flags: ArrayLike<number>): string[] {
    const { previous, dirty, cellOf, order, start, subpaths } = this;
    for (let i = 0; i < previous.length; i++) {
      const f = flags[i] === 1 ? 1 : 0;
      if (f !== previous[i]) {
        previous[i] = f;
        dirty[cellOf[i]!] = 1;
      }
    }
    const paths = this.paths.slice();
    for (let c = 0; c < paths.length; c++) {
      if (!dirty[c]) continue;
      dirty[c] = 0;
      const parts: string[] = [];
      for (let j = start[c]!; j < start[c + 1]!; j++) {
        if (previous[order[j]!] === 1) parts.push(subpaths[order[j]!]!);
      }
      paths[c] = parts.join('');
    }
    this.paths = paths;
    return paths;
  }
}

/** The path of the subpaths whose flag is 1 (flags aligned with subpaths). O(subpaths). */
export function pickSubpaths(subpaths: readonly string[], flags: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < subpaths.length; i++) if (flags[i] === 1) parts.push(subpaths[i]!);
  return parts.join('');
}

function subpath(shape: MarkShape, x: number, y: number, r: number): string {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return '';
  if (shape === 'dot') return `M${f(x)},${f(y)}h0`;
  if (shape === 'triangle') {
    const h = r * 1.2;
    return `M${f(x)},${f(y - h)}L${f(x + h)},${f(y + 0.8 * h)}H${f(x - h)}Z`;
  }
  const a = f(r);
  const d = f(2 * r);
  return `M${f(x - r)},${f(y)}a${a},${a} 0 1,0 ${d},0a${a},${a} 0 1,0 -${d},0`;
}

/** Marks in a path made by markPath: its subpaths (each starts with M). O(path length). */
export function markCount(d: string): number {
  let k = 0;
  for (let i = d.indexOf('M'); i >= 0; i = d.indexOf('M', i + 1)) k++;
  return k;
}

/** "x,y x,y …" for an SVG polygon's points, through the scales. */
export function polygonPoints(
  poly: readonly (readonly [number, number])[],
  px: (v: number) => number,
  py: (v: number) => number,
): string {
  return poly.map(([x, y]) => `${f(px(x))},${f(py(y))}`).join(' ');
}

/**
 * v rounded to 0.1 as the shortest text ('12.3', '-0.5', '7'): written from integer tenths, about
 * twice as fast as String(Math.round(v * 10) / 10), which it equals.
 */
function f(v: number): string {
  const t = Math.round(v * 10);
  const a = t < 0 ? -t : t;
  if (!(a < 0x7fffffff)) return String(t / 10);
  const whole = (a / 10) | 0;
  const tenth = a - 10 * whole;
  const text = tenth === 0 ? String(whole) : `${whole}.${tenth}`;
  return t < 0 ? `-${text}` : text;
}
