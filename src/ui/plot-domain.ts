/**
 * The classifier plot's data window: the article's [−3, 3]² by default, or a square around the
 * data (from the dataset's per-dimension min and max) when fitting. Square windows keep the
 * geometry honest on a square plot: the margin band's width and the line's angle look true.
 */
import type { Box } from './clip.ts';

export const DEFAULT_BOX: Readonly<Box> = Object.freeze({ x0: -3, x1: 3, y0: -3, y1: 3 });

/**
 * The smallest square holding [min[0], max[0]] × [min[1], max[1]], widened by `pad` of its side
 * on every edge; a unit square around the point when the data has no extent; the default box when
 * the bounds are missing or not finite.
 */
export function fitBox(min: readonly number[], max: readonly number[], pad = 0.05): Box {
  const [a0, a1] = [min[0], min[1]];
  const [b0, b1] = [max[0], max[1]];
  if (![a0, a1, b0, b1].every((v) => v !== undefined && Number.isFinite(v)))
    return { ...DEFAULT_BOX };
  const cx = (a0! + b0!) / 2;
  const cy = (a1! + b1!) / 2;
  const side = Math.max(b0! - a0!, b1! - a1!) || 1;
  const half = (side * (1 + 2 * pad)) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}
