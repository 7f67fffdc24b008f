/**
 * The benches' d = 2 data, laid out as the generator lays it out (positives first): uniform
 * points in [−3, 3]², labels from the article's true boundary with uniform noise, so about a
 * fifth of the points are support vectors near START. A small LCG makes it the same every run.
 * Used by core-bench.ts and threads-bench.ts, so their rows time the same data. The rows live in
 * a row memory, as the app's generated rows do (the worker draws them there), so the benches time
 * the kernels the app runs; plainData gives them back as plain arrays (the JavaScript kernels).
 */
import { writeFileSync } from 'node:fs';
import type { Dataset } from '../src/core/dataset.ts';
import { placeRows } from '../src/core/wasm/place-rows.ts';

/** Weights near the data's boundary: every bench's epochs start here. */
export const START = { w: Float64Array.of(1.5, -0.85), b: 0.42 };

export function classBlockedData(n: number): Dataset {
  let state = 88172645;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const px = new Float64Array(2 * n);
  const label = new Int8Array(n);
  let nPositive = 0;
  for (let i = 0; i < n; i++) {
    px[2 * i] = next() * 6 - 3;
    px[2 * i + 1] = next() * 6 - 3;
    label[i] = px[2 * i]! - 0.6 * px[2 * i + 1]! + 0.4 + (next() - 0.5) >= 0 ? 1 : -1;
    nPositive += +(label[i]! > 0);
  }
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  let p = 0;
  let q = nPositive;
  for (let i = 0; i < n; i++) {
    const row = label[i]! > 0 ? p++ : q++;
    x[2 * row] = px[2 * i]!;
    x[2 * row + 1] = px[2 * i + 1]!;
    y[row] = label[i]!;
  }
  const data = { x, y, n, d: 2, nPositive };
  const placed = placeRows(data, false);
  if (!placed) throw new Error(`no row memory for ${n} points`);
  return placed;
}

/** The same rows as plain arrays: the JavaScript kernels scan them. */
export function plainData(data: Dataset): Dataset {
  return { ...data, x: data.x.slice(), y: data.y.slice() };
}

/**
 * Writes x then y as raw float64 (the views' own bytes: a row memory's x starts past its
 * scratch) for the C loops, so they read the very same data.
 */
export function writeData(data: Dataset, path: string): void {
  const bytes = new Uint8Array(8 * (data.x.length + data.y.length));
  bytes.set(new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength), 0);
  bytes.set(new Uint8Array(data.y.buffer, data.y.byteOffset, data.y.byteLength), 8 * data.x.length);
  writeFileSync(path, bytes);
}
