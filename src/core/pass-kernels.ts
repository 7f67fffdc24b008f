/**
 * The hot loops: one pass over rows [i0, i1) of the data at fixed weights (w, b), adding into
 * running sums the hinge loss, its gradient, the support-vector count and the correct count, and
 * writing support-vector row indices. Everything the epoch needs comes from this one pass.
 *
 * Data layout: x row-major n×d, y ±1, w length d; `acc.gw` has length d; `sv` has length >= n.
 * Per row: s = b + w_0·x_0 + … (left to right), m = 1 − y·s; where m > 0 the row adds m to the
 * loss, −y·x to gw and −y to gb, and its index to sv. Sums run in row order, so a pass split into
 * any slices gives the same bits as one call over all rows. A full pass calls the kernels block by
 * block (blocked-sums.ts: each block of 65,536 rows from zero, the partials added in order);
 * scan-dispatch.ts picks the kernel: class-d2-kernels.ts for the generator's layout at d = 2,
 * else rows-d2-kernels.ts and general-kernels.ts (rows in any order); the careful kernel here on
 * a non-finite margin.
 *
 * The fast kernels use a 0/1 mask instead of a branch (V8 compiles `+(m > 0)` without one, which
 * nearly halves an epoch at n = 10^6). Multiplying by a 0 mask adds a signed zero, which leaves
 * every sum unchanged (the sums start at +0 and never become −0), so the bits equal the branchy
 * reference loop whenever every margin is finite. A non-finite margin (diverged weights) makes the
 * fast loss NaN, and the caller then reruns the slice with the careful kernel, which follows the
 * reference's branches exactly.
 */

export type { PassSums } from './pass-sums.ts';
import type { PassSums } from './pass-sums.ts';

/**
 * The reference's branches, word for word, for any d: the loss counts m only when m > 0, the
 * gradient fires unless m <= 0 (so a NaN margin fires, as in the article's hinge_gradient).
 * Used when a fast slice meets a non-finite margin; writes support-vector indices unless sv is null.
 */
export function scanRowsCareful(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  acc: PassSums,
  sv: Uint32Array | null,
): void {
  const d = w.length;
  const gw = acc.gw;
  for (let i = i0; i < i1; i++) {
    const row = i * d;
    const yi = y[i]!;
    let s = b;
    for (let j = 0; j < d; j++) s += w[j]! * x[row + j]!;
    const m = 1.0 - yi * s;
    if (m > 0.0) {
      acc.loss += m;
      if (sv) sv[acc.sv] = i;
      acc.sv++;
    }
    if (!(m <= 0.0)) {
      for (let j = 0; j < d; j++) gw[j] = gw[j]! + -yi * x[row + j]!;
      acc.gb += -yi;
    }
    if (s >= 0.0) acc.signedPositive += yi;
  }
}
