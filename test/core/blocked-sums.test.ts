/**
 * The fixed blocked order (src/core/blocked-sums.ts) in the single-thread core: every full pass
 * (EvalPass, GD, evaluateWeights) sums each block of BLOCK_ROWS rows from zero and adds the
 * partials in block order, however the pass is sliced, with or without support-vector capture,
 * through the careful rerun; and for n ≤ BLOCK_ROWS that is the reference's sequential order.
 * Compared bit for bit with plain sums written independently (blocked-reference.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  addPartial,
  BLOCK_ROWS,
  blockCount,
  blockEnd,
  blockStart,
  passRows,
  scanBlock,
} from '../../src/core/blocked-sums.ts';
import type { Dataset } from '../../src/core/dataset.ts';
import { evaluateWeights } from '../../src/core/evaluate.ts';
import { EvalPass } from '../../src/core/optimizers/eval-pass.ts';
import { emptySums, type PassSums } from '../../src/core/pass-sums.ts';
import { Trainer } from '../../src/core/trainer.ts';
import {
  plainBlocked,
  plainSequential,
  planeWeights,
  randomRows,
  seeded,
  type PlainSums,
} from './blocked-reference.ts';

const B = BLOCK_ROWS;

/** The fields of core sums and support vectors, as plain values (Object.is per number). */
function asPlain(s: PassSums, sv: Uint32Array | null): PlainSums {
  return {
    loss: s.loss,
    gb: s.gb,
    sv: s.sv,
    signedPositive: s.signedPositive,
    gw: Array.from(s.gw),
    svRows: sv ? Array.from(sv.subarray(0, s.sv)) : [],
  };
}

function withoutRows(p: PlainSums): PlainSums {
  return { ...p, svRows: [] };
}

/** Runs an EvalPass to completion in random slices (some of 0 rows, some across blocks). */
function slicedPass(
  pass: EvalPass,
  w: Float64Array,
  b: number,
  capture: boolean,
  r: () => number,
): void {
  pass.restart();
  let guard = 0;
  do {
    const kind = r();
    const rows = kind < 0.1 ? 0 : kind < 0.5 ? Math.floor(r() * 64) : Math.floor(r() * 2.5 * B) + 1;
    pass.scan(w, b, rows, capture);
    if (++guard > 10_000) throw new Error('pass never completed');
  } while (!pass.complete);
}

describe('the fixed blocked order', () => {
  it('has blocks [kB, min(n, (k+1)B)) and B = 65,536', () => {
    expect(B).toBe(65_536);
    expect([0, 1, B, B + 1, 3 * B + 1].map(blockCount)).toEqual([0, 1, 1, 2, 4]);
    expect([blockStart(2), blockEnd(2, 3 * B + 1), blockEnd(3, 3 * B + 1)]).toEqual([
      2 * B,
      3 * B,
      3 * B + 1,
    ]);
  });

  it('EvalPass sums block by block for n around B, 2B and 3B + 1, any slicing, capture or not', () => {
    const r = seeded(14);
    const sizes = [B - 1, B, B + 1, 2 * B - 3, 2 * B + 5, 3 * B + 1];
    for (const [c, n] of sizes.entries()) {
      const d = [1, 2, 3, 2, 5, 2][c]!;
      const data = randomRows(n, d, 100 + c, c === 3);
      const { w, b } = planeWeights(d, r);
      const want = plainBlocked(data, w, b, B);
      const pass = new EvalPass(data);
      slicedPass(pass, w, b, true, r);
      expect(asPlain(pass.sums, pass.supportVectors())).toEqual(want);
      slicedPass(pass, w, b, false, r);
      expect(asPlain(pass.sums, null)).toEqual(withoutRows(want));
      expect(pass.supportVectors()).toBeNull();
    }
  });

  it('equals the reference sequential sum for n ≤ B (the article and the fixtures keep their bits)', () => {
    const r = seeded(3);
    for (const n of [1, 2, 61, 1000, B - 7, B]) {
      const d = 1 + Math.floor(r() * 4);
      const data = randomRows(n, d, n, r() < 0.5);
      const { w, b } = planeWeights(d, r);
      const pass = new EvalPass(data);
      slicedPass(pass, w, b, true, r);
      expect(asPlain(pass.sums, pass.supportVectors())).toEqual(plainSequential(data, w, b));
    }
  });

  it('differs from the sequential sum beyond B on these data (so the tests above can tell)', () => {
    const data = randomRows(3 * B + 1, 2, 7);
    const { w, b } = planeWeights(2, seeded(1));
    const seq = plainSequential(data, w, b);
    const blocked = plainBlocked(data, w, b, B);
    expect([seq.loss, ...seq.gw]).not.toEqual([blocked.loss, ...blocked.gw]);
  });

  it('scanBlock and addPartial, block by block in any order of computing, give the total', () => {
    const r = seeded(9);
    const n = 2 * B + 77;
    const data = randomRows(n, 3, 21);
    const { w, b } = planeWeights(3, r);
    const rows = passRows(data);
    const blocks = blockCount(n);
    // Compute the blocks' partials last block first (as threads might), each into its own
    // buffer of indices, then add them in block order.
    const partials = Array.from({ length: blocks }, () => emptySums(3));
    const svs = Array.from({ length: blocks }, () => new Uint32Array(B + 5));
    for (let k = blocks - 1; k >= 0; k--) {
      scanBlock(rows, w, b, blockStart(k), blockEnd(k, n), partials[k]!, svs[k]!, 5);
    }
    const total = emptySums(3);
    const svRows: number[] = [];
    for (let k = 0; k < blocks; k++) {
      addPartial(total, partials[k]!);
      svRows.push(...svs[k]!.subarray(5, 5 + partials[k]!.sv));
    }
    expect({ ...asPlain(total, null), svRows }).toEqual(plainBlocked(data, w, b, B));
  });

  it('evaluateWeights and the careful rerun follow the rule (a −∞ margin in block 1)', () => {
    const n = 2 * B + 9;
    const data = randomRows(n, 2, 5);
    data.x[2 * (B + 100)] = 1e308; // s = +∞: m = −∞ for a positive row, +∞ for a negative one
    data.x[2 * (B + 101)] = -1e308;
    const w = Float64Array.of(10, -0.6);
    const b = 0.1;
    const want = plainBlocked(data, w, b, B);
    expect(want.gw[0]).not.toBe(Number.NaN); // the rows' terms are ±∞, so the sums are not NaN…
    const sv = new Uint32Array(n);
    const m = evaluateWeights(data, w, b, 0.01, sv);
    expect([m.svCount, Array.from(sv.subarray(0, m.svCount))]).toEqual([want.sv, want.svRows]);
    expect(m.meanLoss).toBe(want.loss / n);
    const pass = new EvalPass(data);
    slicedPass(pass, w, b, true, seeded(4));
    expect(asPlain(pass.sums, pass.supportVectors())).toEqual(want);
  });

  it('GD steps from blocked sums: the weights after sliced epochs at n = 2B + 5', () => {
    const n = 2 * B + 5;
    const data: Dataset = randomRows(n, 2, 11);
    const start = planeWeights(2, seeded(2));
    const t = new Trainer(data, start, { lr: 0.1, reg: 0.01 });
    const r = seeded(6);
    for (let e = 0; e < 3; e++) {
      do t.advance(Math.floor(r() * 1.5 * B) + 1);
      while (!t.epochComplete);
    }
    const w = Float64Array.from(start.w);
    let b = start.b;
    for (let e = 0; e < 2; e++) {
      const s = plainBlocked(data, w, b, B);
      const g = [s.gw[0]! / n + 0.01 * w[0]!, s.gw[1]! / n + 0.01 * w[1]!];
      w[0] = w[0]! - 0.1 * g[0]!;
      w[1] = w[1]! - 0.1 * g[1]!;
      b = b - 0.1 * (s.gb / n);
    }
    // Three passes: over w_0, w_1 and w_2 (two steps taken); then the metrics of w_2.
    expect([t.epoch, ...t.w, t.b]).toEqual([2, ...w, b]);
    const s = plainBlocked(data, w, b, B);
    expect(t.metrics().meanLoss).toBe(s.loss / n);
  });
});
