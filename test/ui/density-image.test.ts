import { describe, expect, it } from 'vitest';
import { densityPixels } from '../../src/ui/density-image.ts';

describe('densityPixels', () => {
  it('mixes the class colours by count and fades empty and sparse bins', () => {
    const d = {
      bins: 2,
      lo: -1,
      hi: 1,
      positive: Uint32Array.from([8, 0, 2, 0]),
      negative: Uint32Array.from([0, 8, 2, 0]),
      max: 8,
    };
    const px = Array.from(densityPixels(d, [0, 0, 200], [200, 0, 0], 1));
    expect(px.slice(0, 4)).toEqual([0, 0, 200, 180]); // √(8/16) = 0.707
    expect(px.slice(4, 8)).toEqual([200, 0, 0, 180]);
    expect(px.slice(8, 12)).toEqual([100, 0, 100, 128]); // √(4/16) = 0.5
    expect(px.slice(12, 16)).toEqual([0, 0, 0, 0]);
  });
});
