import { describe, expect, it } from 'vitest';
import { DatasetHasher, datasetHash } from '../../../src/core/import/dataset-hash.ts';
import { experiment } from '../helpers.ts';

describe('datasetHash', () => {
  it("is FNV-1a 64 over d (uint32 LE), x and y (float64 LE): Python's value", () => {
    // python3 -c "import struct; data = struct.pack('<I', 2) + struct.pack('<4d', 1.5, -2,
    //   0.25, 3) + struct.pack('<2d', 1, -1); h = 0xcbf29ce484222325
    //   for b in data: h = ((h ^ b) * 0x100000001b3) % 2**64
    //   print('%016x' % h)"
    const x = Float64Array.from([1.5, -2, 0.25, 3]);
    const y = Float64Array.from([1, -1]);
    expect(datasetHash(x, y, 2, 2)).toBe('d157a5555556d317');
    // No rows, d = 0: the hash of four zero bytes (the same Python gives 4d25767f9dce13f5).
    expect(datasetHash(new Float64Array(0), new Float64Array(0), 0, 0)).toBe('4d25767f9dce13f5');
  });

  it('changes with any bit, the sign of zero, the order of rows and the shape', () => {
    const { data } = experiment();
    const { x, y, n, d } = data;
    const base = datasetHash(x, y, n, d);
    expect(datasetHash(x, y, n, d)).toBe(base);
    const x2 = Float64Array.from(x);
    const bits = new Uint8Array(x2.buffer);
    bits[37] = bits[37]! ^ 1;
    expect(datasetHash(x2, y, n, d)).not.toBe(base);
    const z = Float64Array.from([0, 1]);
    const mz = Float64Array.from([-0, 1]);
    const yy = Float64Array.from([1, -1]);
    expect(datasetHash(z, yy, 2, 1)).not.toBe(datasetHash(mz, yy, 2, 1));
    expect(datasetHash(z, yy, 1, 2)).not.toBe(datasetHash(z, yy, 2, 1));
    const y2 = Float64Array.from(y);
    y2[0] = -y2[0]!;
    expect(datasetHash(x, y2, n, d)).not.toBe(base);
  });

  it('reads only the first n·d and n values of longer buffers, and refuses shorter ones', () => {
    const x = Float64Array.from([1, 2, 3, 4, 99]);
    const y = Float64Array.from([1, -1, 7]);
    expect(datasetHash(x, y, 2, 2)).toBe(datasetHash(x.slice(0, 4), y.slice(0, 2), 2, 2));
    expect(datasetHash(x.subarray(1), y, 2, 2)).not.toBe(datasetHash(x, y, 2, 2));
    expect(() => datasetHash(x, y, 3, 2)).toThrow(RangeError);
  });

  it('gives the same hash in slices of any size (DatasetHasher)', () => {
    const { data } = experiment({ nPerClass: 50, trueW: [1, 2, 3] });
    const whole = datasetHash(data.x, data.y, data.n, data.d);
    for (const slice of [1, 3, 7, 8, 100, 1000, 4096]) {
      const hasher = new DatasetHasher(data.x, data.y, data.n, data.d);
      let steps = 0;
      while (!hasher.advance(slice)) steps++;
      expect(hasher.digest(), `slice ${slice}`).toBe(whole);
      expect(steps).toBe(Math.ceil((4 + 8 * data.n * (data.d + 1)) / slice) - 1);
    }
    const early = new DatasetHasher(data.x, data.y, data.n, data.d);
    early.advance(10);
    expect(() => early.digest()).toThrow('digest before the last byte');
  });
});
