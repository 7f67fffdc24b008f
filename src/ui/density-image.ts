/**
 * The density layer's pixels: one RGBA pixel per bin of the worker's per-class histogram of all
 * n points (row 0 at the top), coloured by the mix of the two classes in the bin and opaque in
 * proportion to √(count / max), so sparse bins stay visible and dense ones do not saturate.
 */
import type { Density } from '../../workers/trainer-api.ts';

export type Rgb = readonly [number, number, number];

export function densityPixels(
  d: Density,
  positive: Rgb,
  negative: Rgb,
  maxAlpha = 0.6,
): Uint8ClampedArray<ArrayBuffer> {
  const cells = d.bins * d.bins;
  const out = new Uint8ClampedArray(new ArrayBuffer(4 * cells));
  const max = Math.max(1, d.max);
  for (let k = 0; k < cells; k++) {
    const p = d.positive[k]!;
    const q = d.negative[k]!;
    const total = p + q;
    if (total === 0) continue;
    const t = p / total;
    for (let c = 0; c < 3; c++) out[4 * k + c] = t * positive[c]! + (1 - t) * negative[c]!;
    out[4 * k + 3] = 255 * maxAlpha * Math.min(1, Math.sqrt(total / (2 * max)));
  }
  return out;
}
