/**
 * A pass's slice of rows through the wasm kernel (row-memory.ts binds it), as the JavaScript
 * kernels take it: continuing acc, writing support-vector indices at sv[acc.sv …] when sv is not
 * null, rows in row order. Rows in the generator's layout (d = 2, classSplit >= 0) go as two
 * runs, the positives' and the negatives', whose labels the kernel does not read. d = 2's kernel
 * takes rows in pairs: a run's odd last row goes to the JavaScript kernel, before the next run.
 */
import type { PassSums } from '../pass-sums.ts';
import { sumSlot } from './kernel-abi.ts';
import { scanRowsD2, scanRowsD2Capture } from '../rows-d2-kernels.ts';
import {
  CAPTURE_ROWS,
  rowKernelFor,
  type BoundKernel,
  type RowHome,
  type ScanFunction,
} from './row-memory.ts';

/**
 * Continues `acc` over rows [i0, i1) with the wasm kernel when x and y are a row memory's (see
 * above); returns false, touching nothing, when they are not (or no kernel can run here): the
 * caller then uses the JavaScript kernels. classSplit: the first negative row in the generator's
 * layout, else −1. A NaN acc.loss afterwards means a margin was NaN or −∞ (the caller reruns
 * carefully), as with the JavaScript kernels.
 */
export function scanInRowMemory(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array | null = null,
  classSplit = -1,
): boolean {
  const home = rowKernelFor(x, y, w);
  if (!home) return false;
  const run = { home, kernel: home.kernel, x, y, w, b, acc, sv };
  if (classSplit < 0 || !home.kernel.scanClass) {
    scanRun(run, i0, i1, 0);
    return true;
  }
  const p1 = Math.min(i1, classSplit);
  const n0 = Math.max(i0, classSplit);
  if (i0 < p1) scanRun(run, i0, p1, 1);
  if (n0 < i1) scanRun(run, n0, i1, -1);
  return true;
}

interface Run {
  home: RowHome;
  kernel: BoundKernel;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  b: number;
  acc: PassSums;
  sv: Uint32Array | null;
}

/** Rows [r0, r1): labels from y (label 0) or all `label` (±1: the class kernels). */
function scanRun(run: Run, r0: number, r1: number, label: number): void {
  const { home, kernel: k, w, b, acc, sv } = run;
  const d = home.d;
  const { slot } = k;
  for (let j = 0; j < d; j++) {
    slot[j] = w[j]!;
    slot[d + j] = acc.gw[j]!;
  }
  slot[sumSlot(d, 'label')] = label;
  const plain = label === 0 ? k.scan : k.scanClass!;
  const capture = label === 0 ? k.scanCapture : k.scanClassCapture!;
  const rWasm = d === 2 ? r1 - ((r1 - r0) & 1) : r1;
  if (!sv) call(plain, home, k, b, r0, rWasm, acc);
  else {
    for (let c0 = r0; c0 < rWasm; c0 += CAPTURE_ROWS) {
      const found = call(capture, home, k, b, c0, Math.min(rWasm, c0 + CAPTURE_ROWS), acc);
      const { out } = k;
      const at = acc.sv - found;
      for (let m = 0; m < found; m++) sv[at + m] = out[m]!;
    }
  }
  for (let j = 0; j < d; j++) acc.gw[j] = slot[d + j]!;
  if (rWasm < r1) {
    if (sv) scanRowsD2Capture(run.x, run.y, w, b, rWasm, r1, acc, sv);
    else scanRowsD2(run.x, run.y, w, b, rWasm, r1, acc);
  }
}

/**
 * One call of a kernel over rows [r0, r1) (w and the running gradient already in the slot; the
 * gradient stays there): adds its sums to acc and returns its support-vector count.
 */
function call(
  f: ScanFunction,
  home: RowHome,
  k: BoundKernel,
  b: number,
  r0: number,
  r1: number,
  acc: PassSums,
): number {
  const d = home.d;
  const py = home.yByte + 8 * r0;
  f(k.slotByte, home.xByte + 8 * d * r0, py, py + 8 * (r1 - r0), b, acc.loss, r0, k.outByte);
  const { slot } = k;
  const found = slot[sumSlot(d, 'count')]!;
  acc.loss = slot[sumSlot(d, 'loss')]!;
  acc.sv += found;
  acc.gb -= slot[sumSlot(d, 'ySv')]!;
  acc.signedPositive += slot[sumSlot(d, 'signed')]!;
  return found;
}
