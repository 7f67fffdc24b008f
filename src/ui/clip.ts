/**
 * Regions and lines of a linear score s(p) = w0·x + w1·y + b, clipped to an axis-aligned box, in
 * data coordinates (the page maps the vertices through its scales; the map is affine, so clipping
 * before mapping is exact). Points are [x, y] pairs; polygons are convex, vertices in order.
 */

export type Point = [number, number];

/** The box [x0, x1] × [y0, y1] (x0 < x1, y0 < y1). */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The box's corners, counter-clockwise from (x0, y0). */
export function boxPolygon(box: Box): Point[] {
  return [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x1, box.y1],
    [box.x0, box.y1],
  ];
}

/**
 * The part of the convex polygon where a0·x + a1·y + c >= 0 (one Sutherland–Hodgman step). A
 * non-finite coefficient or vertex score keeps nothing.
 */
export function clipHalfPlane(poly: readonly Point[], a0: number, a1: number, c: number): Point[] {
  const out: Point[] = [];
  const k = poly.length;
  for (let i = 0; i < k; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % k]!;
    const fp = a0 * p[0] + a1 * p[1] + c;
    const fq = a0 * q[0] + a1 * q[1] + c;
    if (!Number.isFinite(fp) || !Number.isFinite(fq)) return [];
    if (fp >= 0) out.push(p);
    if (fp >= 0 !== fq >= 0) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/**
 * The part of the box where lo <= s(p) <= hi (lo may be −Infinity, hi +Infinity): with lo = 1 the
 * positive side beyond the margin, with lo = −1 and hi = 1 the margin band. Empty, or at least a
 * triangle; boundaries are shared by neighbouring regions, which is what drawing needs.
 */
export function scoreRegion(
  w0: number,
  w1: number,
  b: number,
  lo: number,
  hi: number,
  box: Box,
): Point[] {
  let poly = boxPolygon(box);
  if (lo > -Infinity) poly = clipHalfPlane(poly, w0, w1, b - lo);
  if (hi < Infinity && poly.length > 0) poly = clipHalfPlane(poly, -w0, -w1, hi - b);
  return poly.length >= 3 ? poly : [];
}

/**
 * The segment of the line s(p) = level inside the box (Liang–Barsky on the line's parametric
 * form), or null when the line misses the box, touches only a corner, or w is zero or not finite.
 */
export function levelSegment(
  w0: number,
  w1: number,
  b: number,
  level: number,
  box: Box,
): [Point, Point] | null {
  const norm2 = w0 * w0 + w1 * w1;
  if (!(norm2 > 0) || !Number.isFinite(norm2) || !Number.isFinite(b - level)) return null;
  // p(t) = p0 + t·dir with p0 the line's point nearest the origin and dir ⟂ w.
  const k = (level - b) / norm2;
  const px = k * w0;
  const py = k * w1;
  const dx = -w1;
  const dy = w0;
  let t0 = -Infinity;
  let t1 = Infinity;
  const edges: [number, number][] = [
    [-dx, px - box.x0],
    [dx, box.x1 - px],
    [-dy, py - box.y0],
    [dy, box.y1 - py],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  if (!(t0 < t1)) return null;
  return [
    [px + t0 * dx, py + t0 * dy],
    [px + t1 * dx, py + t1 * dy],
  ];
}

/** Polygon area by the shoelace formula (positive when counter-clockwise). */
export function polygonArea(poly: readonly Point[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}
