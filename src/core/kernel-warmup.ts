/**
 * Warms a thread's pass kernels on tiny rows before its first long pass. V8 optimises a function
 * whose first calls are few and long from inside its loop (on-stack replacement), with feedback
 * only for the loop, and that code can stay up to twice as slow as code optimised after many
 * short calls (PERF-NOTES: "warming it on a small input first gave stable timings"). A pass
 * thread's first job is a shard of a whole pass (blocks of 65,536 rows), so without this its
 * kernels start cold on exactly such calls, and the pass waits for the slowest thread.
 *
 * The work: every kernel scanFast can choose (class layout and random order at d = 2, any d),
 * with and without support-vector capture, 1,500 passes each over the first 64 to 67 of 67 rows
 * (33 positives in the class layout), so every four-row loop's tail of 0 to 3 rows runs too: code
 * optimised before a tail first runs is thrown away when it does, and re-optimised mid-pass.
 * About 0.6·10^6 rows, a few milliseconds. The rows come from a fixed pattern; nothing is kept.
 */
import { type PassRows, passRows, scanBlock } from './blocked-sums.ts';
import { emptySums } from './pass-sums.ts';

const ROWS = 67;
const PASSES = 1500;

/** 67 rows of dimension d; the first 33 positive when classBlocked, else a fixed mix. */
function tinyRows(d: number, classBlocked: boolean): PassRows {
  const x = new Float64Array(ROWS * d);
  const y = new Float64Array(ROWS);
  let nPositive = 0;
  for (let i = 0; i < ROWS; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = ((i * 37 + j * 11) % 61) / 10 - 3;
    y[i] = (classBlocked ? i < 33 : (i * 29) % 7 < 3) ? 1 : -1;
    nPositive += +(y[i]! > 0);
  }
  return passRows({ x, y, n: ROWS, d, nPositive });
}

/** The warm-up's rows: the class layout and random order at d = 2, and random order at d = 3. */
export function warmupRows(): PassRows[] {
  return [tinyRows(2, true), tinyRows(2, false), tinyRows(3, false)];
}

/** The weights the warm-up scans at: (1.5, −0.85, 0, …), b = 0.42. */
export function warmupWeights(d: number): { w: Float64Array; b: number } {
  const w = new Float64Array(d);
  w[0] = 1.5;
  w[1] = -0.85;
  return { w, b: 0.42 };
}

/** Runs each pass kernel on tiny rows until V8 has optimised it for whole passes. */
export function warmPassKernels(): void {
  for (const rows of warmupRows()) {
    const { w, b } = warmupWeights(rows.d);
    const partial = emptySums(rows.d);
    const sv = new Uint32Array(ROWS);
    for (const capture of [false, true])
      for (let k = 0; k < PASSES; k++)
        scanBlock(rows, w, b, 0, ROWS - (k & 3), partial, capture ? sv : null, 0);
  }
}
