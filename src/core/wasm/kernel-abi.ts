/**
 * What every row kernel module shares: its two functions' parameters, the scratch slot's layout
 * and the loop over rows. The functions are scan and scanCapture(scratch, px, py, pyEnd, b, loss,
 * row, out): rows run from py (8-byte labels) to pyEnd, x row-major (8·d bytes a row) from px;
 * each reads w and the starting gradient from the scratch slot and writes back (f64 slots from
 * scratch):
 *   [0, d) w,  [d, 2d) g (in and out),  2d loss,  2d + 1 count,  2d + 2 ySv,  2d + 3 signed.
 * scanCapture also writes the support vectors' row indices (the first row's is `row`), in row
 * order, as u32 from byte address `out`: `count` of them. scan ignores row and out. The d = 2
 * module also has scanClass and scanClassCapture: the same, every row's label the class label
 * in slot 2d + 4 (rows of one class in the generator's layout; y is not read).
 */
import { op } from './wasm-encoding.ts';

// The parameters' local indices.
export const SCRATCH = 0;
export const PX = 1;
export const PY = 2;
export const PY_END = 3;
export const BIAS = 4;
export const LOSS = 5;
export const ROW = 6;
/** Where the next support vector's index goes (a byte address; moved on by 4 for each one). */
export const OUT = 7;
/** The first local after the parameters. */
export const FIRST_LOCAL = 8;

/** f64 slots of a scratch slot for d columns (w, g, four sums, a class label). */
export function scratchSlots(d: number): number {
  return 2 * d + 5;
}

/** The scratch slot's sums and class label: f64 index `2d + SUMS.x` (after w and g). */
export const SUMS = { loss: 0, count: 1, ySv: 2, signed: 3, label: 4 } as const;

/** The slot index of sums field `field` for d columns. */
export function sumSlot(d: number, field: keyof typeof SUMS): number {
  return 2 * d + SUMS[field];
}

/**
 * The function's epilogue: the four sums (code leaving each as an f64) stored in the slot.
 */
export function storeSums(
  d: number,
  sums: Record<'loss' | 'count' | 'ySv' | 'signed', readonly number[]>,
): number[] {
  const fields = ['loss', 'count', 'ySv', 'signed'] as const;
  return fields.flatMap((f) => [...op.get(SCRATCH), ...sums[f], ...op.f64Store(8 * sumSlot(d, f))]);
}

/**
 * A row's index to out, which moves on by 4 bytes if it is a support vector: `row + k` stored at
 * out, then out += isSupport << 2 (isSupport: code leaving 0 or 1 as an i32). No branch: every row
 * writes, and only a support vector keeps its place.
 */
export function captureCode(k: number, isSupport: readonly number[]): number[] {
  return [
    ...op.get(OUT),
    ...op.get(ROW),
    ...op.i32Const(k),
    ...op.i32Add,
    ...op.i32Store(0),
    ...op.get(OUT),
    ...isSupport,
    ...op.i32Const(2),
    ...op.i32Shl,
    ...op.i32Add,
    ...op.set(OUT),
  ];
}

/** row += u: after a turn of u rows. */
export function nextRows(u: number): number[] {
  return [...op.get(ROW), ...op.i32Const(u), ...op.i32Add, ...op.set(ROW)];
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
