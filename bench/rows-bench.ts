/**
 * The general kernel's rows for `npm run bench`: the core trainer on data whose rows are in
 * random order (not the generator's positives-first layout), for d = 2, 8 and 32, beside the
 * C loop for the same shapes (epoch-rows.c, D fixed at compile time, the flags core-bench uses
 * for epoch.c). Same data for both: d uniform coordinates in [−3, 3], labels from the article's
 * boundary on the first two with uniform noise, so about a fifth of the points are support
 * vectors at the start w = (1.5, −0.85, 0, …), b = 0.42.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Dataset } from '../src/core/dataset.ts';
import { Trainer } from '../src/core/trainer.ts';
import { placeRows } from '../src/core/wasm/place-rows.ts';
import { writeData } from './bench-data.ts';

/** One JSON row of the bench (core-bench.ts prints them). */
export interface Row {
  impl: string;
  n: number;
  d: number;
  threads: number;
  nsPerPointEpoch: number;
  /** The same from the process's CPU time (user + system), where measured. */
  cpuNsPerPointEpoch?: number;
  batches: number;
  epochsPerBatch: number;
}

export type Measure = (
  impl: string,
  n: number,
  d: number,
  run: (epochs: number) => void,
  targetMs: number,
) => Row;

/** The dimensions timed in random row order. */
export const ROW_DIMS = [2, 8, 32] as const;

/** Random-order data, n × d, from a small LCG (the same every run). */
export function makeRowsData(n: number, d: number): Dataset {
  let state = 88172645;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const x = new Float64Array(d * n);
  const y = new Float64Array(n);
  let nPositive = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[d * i + j] = next() * 6 - 3;
    y[i] = x[d * i]! - 0.6 * x[d * i + 1]! + 0.4 + (next() - 0.5) >= 0 ? 1 : -1;
    nPositive += +(y[i]! > 0);
  }
  return { x, y, n, d, nPositive };
}

function start(d: number): { w: Float64Array; b: number } {
  const w = new Float64Array(d);
  w[0] = 1.5;
  w[1] = -0.85;
  return { w, b: 0.42 };
}

const settings = { lr: 0.05, reg: 0.01 };

/**
 * Warms the general kernels on small inputs (V8 may leave a huge first call un-optimised): first
 * many passes over 64 rows, so each kernel is optimised as a whole function with feedback for
 * the code after its loop (optimised only inside its first long loop, it deopts on leaving it).
 */
export function warmRows(): void {
  for (const d of ROW_DIMS) {
    const tiny = makeRowsData(64, d);
    for (const capture of [false, true]) {
      const t = new Trainer(tiny, start(d), settings);
      t.capture = capture;
      t.step(3000);
    }
  }
  for (const d of ROW_DIMS) {
    const data = makeRowsData(20_000, d);
    for (const capture of [false, true]) {
      const t = new Trainer(data, start(d), settings);
      t.capture = capture;
      t.step(100);
    }
  }
}

/**
 * A full collection now (node's gc, reached without a command-line flag): the rows before leave
 * hundreds of MB of garbage (the naive port's arrays, 10^7-point data), whose collection would
 * otherwise run on helper threads during the timing, in its wall and in the process's CPU time.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * The core trainer (no capture, as `core`) on random-order rows, as the app holds them: in a row
 * memory (the worker puts every dataset there once), so the wasm kernel scans them: impl
 * `core-rows`. And on the same rows as plain arrays, the JavaScript kernels (the path of capturing
 * passes, and of hosts without WebAssembly): impl `core-rows-js`.
 */
export function benchCoreRows(data: Dataset, measure: Measure): Row[] {
  const placed = placeRows(data, false);
  if (!placed) throw new Error(`no row memory for n = ${data.n}, d = ${data.d}`);
  const rows: Row[] = [];
  for (const [impl, rowsData] of [
    ['core-rows', placed],
    ['core-rows-js', data],
  ] as const) {
    // Short passes again just before: what ran since warmRows() may have left the kernel
    // re-optimised from a long first call, which V8 compiles worse (up to 2x slower at d = 2).
    const tiny = makeRowsData(64, data.d);
    const warm = new Trainer(
      impl === 'core-rows' ? placeRows(tiny, false)! : tiny,
      start(data.d),
      settings,
    );
    warm.capture = false;
    warm.step(3000);
    const t = new Trainer(rowsData, start(data.d), settings);
    t.capture = false;
    collectGarbage();
    rows.push(measure(impl, data.n, data.d, (k) => t.step(k), 400));
  }
  return rows;
}

/** The C loops (branch and 0/1 mask) on the same data, when gcc exists: c-rows-branch, c-rows-mask. */
export function benchCRows(data: Dataset, batches: number): Row[] {
  const src = new URL('./epoch-rows.c', import.meta.url).pathname;
  mkdirSync('.bench', { recursive: true });
  const file = `.bench/rows-${data.n}-${data.d}.bin`;
  writeData(data, file);
  const rows: Row[] = [];
  try {
    for (const [variant, flags] of [
      ['branch', []],
      ['mask', ['-DMASK']],
    ] as const) {
      const bin = `.bench/epoch-rows-${variant}-d${data.d}`;
      try {
        execFileSync('gcc', [
          '-O3',
          '-march=native',
          '-ffp-contract=off',
          `-DD=${data.d}`,
          ...flags,
          '-o',
          bin,
          src,
        ]);
      } catch {
        return rows;
      }
      if (!existsSync(bin)) return rows;
      const out = execFileSync(bin, [String(data.n), file], { encoding: 'utf8' });
      const r = JSON.parse(out.trim()) as Row;
      rows.push({ ...r, threads: 1, batches });
    }
  } finally {
    rmSync(file, { force: true });
  }
  return rows;
}
