/**
 * Putting a dataset's rows where the wasm kernel reads them (row-memory.ts): an allocator for the
 * generator, which then draws straight into the memory, and a one-time move for rows made
 * elsewhere (an imported file, a test's arrays). Both fall back to plain arrays (the JavaScript
 * kernels, same bits) where no row memory can be had.
 */
import type { Dataset } from '../dataset.ts';
import { allocateRows, inRowMemory, isSharedBuffer } from './row-memory.ts';

/**
 * `alloc` for DatasetBuilder and CandidateAcceptor, which ask for x (n·d doubles) and then y
 * (n): both from one row memory when it can be had, else from `fallback`.
 */
export function rowsAllocator(
  n: number,
  d: number,
  shared: boolean,
  fallback: (length: number) => Float64Array = (length) => new Float64Array(length),
): (length: number) => Float64Array {
  const rows = allocateRows(n, d, shared);
  let calls = 0;
  return (length) => {
    const mine = rows && (calls === 0 ? rows.x : calls === 1 ? rows.y : null);
    calls++;
    return mine && mine.length === length ? mine : fallback(length);
  };
}

/**
 * The dataset with x and y in a row memory (shared when `shared`): the same object when they
 * already are one, a copy made once otherwise, or null when none can be had.
 */
export function placeRows(data: Dataset, shared: boolean): Dataset | null {
  if (inRowMemory(data.x, data.y) && isSharedBuffer(data.x.buffer) === shared) return data;
  const rows = allocateRows(data.n, data.d, shared);
  if (!rows) return null;
  rows.x.set(data.x);
  rows.y.set(data.y);
  return { ...data, x: rows.x, y: rows.y };
}
