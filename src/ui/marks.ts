/**
 * The plot's point marks as single SVG paths, one subpath per point, so thousands of points cost
 * three DOM nodes instead of thousands. Coordinates are screen pixels rounded to 0.1 px.
 */

export type MarkShape = 'circle' | 'triangle' | 'ring';

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
    if (!pick(i)) continue;
    const x = screen[2 * i]!;
    const y = screen[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (shape === 'triangle') {
      const h = r * 1.2;
      parts.push(`M${f(x)},${f(y - h)}L${f(x + h)},${f(y + 0.8 * h)}H${f(x - h)}Z`);
    } else {
      parts.push(`M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
    }
  }
  return parts.join('');
}

/** "x,y x,y …" for an SVG polygon's points, through the scales. */
export function polygonPoints(
  poly: readonly (readonly [number, number])[],
  px: (v: number) => number,
  py: (v: number) => number,
): string {
  return poly.map(([x, y]) => `${f(px(x))},${f(py(y))}`).join(' ');
}

function f(v: number): string {
  return String(Math.round(v * 10) / 10);
}
