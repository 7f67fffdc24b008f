/**
 * What every row kernel module shares: its one function's parameters, the scratch slot's layout
 * and the loop over rows. The function is scan(scratch, px, py, pyEnd, b, loss): rows run from py
 * (8-byte labels) to pyEnd, x row-major (8·d bytes a row) from px; it reads w and the starting
 * gradient from the scratch slot and writes back (f64 slots from scratch):
 *   [0, d) w,  [d, 2d) g (in and out),  2d loss,  2d + 1 count,  2d + 2 ySv,  2d + 3 signed.
 */
import { op } from './wasm-encoding.ts';

// The parameters' local indices.
export const SCRATCH = 0;
export const PX = 1;
export const PY = 2;
export const PY_END = 3;
export const BIAS = 4;
export const LOSS = 5;
/** The first local after the parameters. */
export const FIRST_LOCAL = 6;

/** f64 slots of a scratch slot for d columns (w, g, four sums). */
export function scratchSlots(d: number): number {
  return 2 * d + 4;
}

/** `while (py + 8·u <= pyEnd) { body (u rows); px += 8·d·u; py += 8·u }`. */
export function rowLoop(d: number, u: number, body: readonly number[]): number[] {
  const more = [...op.get(PY), ...op.i32Const(8 * u), ...op.i32Add, ...op.get(PY_END)];
  return [
    ...op.block,
    ...more,
    ...op.i32GtU,
    ...op.brIf(0),
    ...op.loop,
    ...body,
    ...op.get(PX),
    ...op.i32Const(8 * d * u),
    ...op.i32Add,
    ...op.set(PX),
    ...op.get(PY),
    ...op.i32Const(8 * u),
    ...op.i32Add,
    ...op.set(PY),
    ...more,
    ...op.i32LeU,
    ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
}
