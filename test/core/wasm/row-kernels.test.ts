/**
 * The wasm kernels (src/core/wasm) give the bits of the reference's branchy loop
 * (scanRowsCareful) for every d they take (1..64), rows in random order or in the generator's
 * layout, from sums already under way, over slices of any length (d = 2's pairs and its odd last
 * row), writing the support vectors' indices or not, in shared and private memory; and a NaN or
 * −∞ margin still makes the loss NaN.
 */
import { describe, expect, it } from 'vitest';
import { passRows } from '../../../src/core/blocked-sums.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { scanRowsCareful } from '../../../src/core/pass-kernels.ts';
import { copySums, emptySums, type PassSums } from '../../../src/core/pass-sums.ts';
import { placeRows } from '../../../src/core/wasm/place-rows.ts';
import { scanInRowMemory } from '../../../src/core/wasm/row-scan.ts';
import { MAX_KERNEL_D } from '../../../src/core/wasm/rows-kernel-code.ts';
import { planeWeights, randomRows, seeded, underWay } from '../blocked-reference.ts';

function bits(s: PassSums): number[] {
  return [s.loss, s.gb, s.sv, s.signedPositive, ...s.gw];
}

/** The first negative row when the rows are in the generator's layout (d = 2), else −1. */
const split = (data: Dataset) => passRows(data).classSplit;

function placed(data: Dataset, shared = false): Dataset {
  const p = placeRows(data, shared);
  if (!p) throw new Error('no row memory here');
  return p;
}

/** Rows [i0, i1) by the wasm kernel, continuing `start`; fails if the kernel did not run. */
function wasmScan(
  data: Dataset,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  start: PassSums,
) {
  const got = emptySums(data.d);
  copySums(start, got);
  expect(scanInRowMemory(data.x, data.y, w, b, i0, i1, got, null, split(data))).toBe(true);
  return got;
}

function careful(
  data: Dataset,
  w: Float64Array,
  b: number,
  i0: number,
  i1: number,
  start: PassSums,
) {
  const want = emptySums(data.d);
  copySums(start, want);
  scanRowsCareful(data.x, data.y, w, b, i0, i1, want, null);
  return want;
}

describe('wasm row kernels', () => {
  it('equal the reference loop bit for bit for every d in 1..64, from sums under way', () => {
    const r = seeded(64);
    for (let d = 1; d <= MAX_KERNEL_D; d++) {
      for (const classBlocked of d === 2 ? [false, true] : [false]) {
        const n = 200 + Math.floor(r() * 60);
        const data = placed(randomRows(n, d, 2000 + d, classBlocked));
        const { w, b } = planeWeights(d, r);
        const i0 = Math.floor(r() * 20);
        const i1 = n - Math.floor(r() * 7);
        const start = underWay(d, r);
        const want = careful(data, w, b, i0, i1, start);
        expect(want.sv - start.sv).toBeGreaterThan(5); // some rows are support vectors…
        expect(want.sv - start.sv).toBeLessThan(i1 - i0 - 5); // …and some are not
        expect(bits(wasmScan(data, w, b, i0, i1, start))).toEqual(bits(want));
        // With indices: the same sums, and the careful loop's indices after those under way.
        const wantSv = new Uint32Array(n + 3);
        const again = emptySums(d);
        copySums(start, again);
        scanRowsCareful(data.x, data.y, w, b, i0, i1, again, wantSv);
        const got = emptySums(d);
        copySums(start, got);
        const sv = new Uint32Array(n + 3);
        expect(scanInRowMemory(data.x, data.y, w, b, i0, i1, got, sv, split(data))).toBe(true);
        expect(bits(got)).toEqual(bits(want));
        expect(Array.from(sv.subarray(0, got.sv))).toEqual(
          Array.from(wantSv.subarray(0, again.sv)),
        );
      }
    }
  });

  it('give the same bits over any slicing (d = 2: pairs, four a turn, and an odd last row)', () => {
    const r = seeded(9);
    for (const d of [1, 2, 3, 4, 5, 7, 8, 9, 32]) {
      const data = placed(randomRows(97, d, 40 + d));
      const { w, b } = planeWeights(d, r);
      const zero = emptySums(d);
      const want = careful(data, w, b, 0, 97, zero);
      for (let cut = 1; cut <= 10; cut++) {
        let got = emptySums(d);
        for (let i = 0; i < 97; i += cut) got = wasmScan(data, w, b, i, Math.min(97, i + cut), got);
        expect(bits(got)).toEqual(bits(want));
      }
    }
  });

  it('compute each margin as the reference does (slices of 1 to 6 rows from zero)', () => {
    // From zero, a slice of a few rows keeps every ulp of its margins and gradient terms, and a
    // pair's rows taken in the wrong order change the bits (53-bit coordinates).
    const r = seeded(13);
    for (let d = 1; d <= MAX_KERNEL_D + 1; d++) {
      // d = 65 stands for d = 2 in the generator's layout.
      const data =
        d > MAX_KERNEL_D
          ? placed(randomRows(120, 2, 641, true))
          : placed(randomRows(120, d, 600 + d));
      const { w, b } = planeWeights(data.d, r);
      for (let i = 0; i < 120;) {
        const i1 = Math.min(120, i + 1 + Math.floor(r() * 6));
        const zero = emptySums(data.d);
        expect(bits(wasmScan(data, w, b, i, i1, zero))).toEqual(
          bits(careful(data, w, b, i, i1, zero)),
        );
        i = i1;
      }
    }
  });

  it('write the support vectors’ indices in row order after those under way, past 4,096 rows a call', () => {
    const r = seeded(33);
    for (const d of [1, 2, 3, 5, 8]) {
      const n = 9001;
      const data = placed(randomRows(n, d, 90 + d));
      const { w, b } = planeWeights(d, r);
      for (const [i0, i1] of [
        [0, n],
        [5, 8194],
        [4096, 4101],
      ] as const) {
        const start = underWay(d, r);
        const want = emptySums(d);
        copySums(start, want);
        const wantSv = new Uint32Array(n + 3);
        scanRowsCareful(data.x, data.y, w, b, i0, i1, want, wantSv);
        const got = emptySums(d);
        copySums(start, got);
        const sv = new Uint32Array(n + 3);
        expect(scanInRowMemory(data.x, data.y, w, b, i0, i1, got, sv, split(data))).toBe(true);
        expect(bits(got)).toEqual(bits(want));
        expect(Array.from(sv.subarray(0, got.sv))).toEqual(Array.from(wantSv.subarray(0, want.sv)));
      }
    }
  });

  it('capture over any slicing gives the same indices and bits (d = 2 odd rows included)', () => {
    const r = seeded(34);
    for (const d of [2, 3, 4, 9]) {
      const data = placed(randomRows(97, d, 140 + d));
      const { w, b } = planeWeights(d, r);
      const want = emptySums(d);
      const wantSv = new Uint32Array(97);
      scanRowsCareful(data.x, data.y, w, b, 0, 97, want, wantSv);
      for (let cut = 1; cut <= 7; cut++) {
        const got = emptySums(d);
        const sv = new Uint32Array(97);
        for (let i = 0; i < 97; i += cut)
          expect(scanInRowMemory(data.x, data.y, w, b, i, Math.min(97, i + cut), got, sv)).toBe(
            true,
          );
        expect(bits(got)).toEqual(bits(want));
        expect(Array.from(sv.subarray(0, got.sv))).toEqual(Array.from(wantSv.subarray(0, want.sv)));
      }
    }
  });

  it('the generator’s layout: positives then negatives without reading y, any cut at the split', () => {
    const r = seeded(35);
    for (let seed = 0; seed < 6; seed++) {
      const data = placed(randomRows(151 + seed, 2, 300 + seed, true));
      const at = split(data);
      expect(at).toBeGreaterThan(0);
      const { w, b } = planeWeights(2, r);
      // Slices that start and end on each side of the split, with odd and even runs on both.
      for (const [i0, i1] of [
        [0, data.n],
        [at - 3, at + 4],
        [at - 2, at + 1],
        [1, at],
        [at, data.n - 1],
      ] as const) {
        for (const capture of [false, true]) {
          const start = underWay(2, r);
          const want = emptySums(2);
          copySums(start, want);
          const wantSv = new Uint32Array(data.n + 3);
          scanRowsCareful(data.x, data.y, w, b, i0, i1, want, capture ? wantSv : null);
          const got = emptySums(2);
          copySums(start, got);
          const sv = capture ? new Uint32Array(data.n + 3) : null;
          expect(scanInRowMemory(data.x, data.y, w, b, i0, i1, got, sv, at)).toBe(true);
          expect(bits(got)).toEqual(bits(want));
          if (sv)
            expect(Array.from(sv.subarray(0, got.sv))).toEqual(
              Array.from(wantSv.subarray(0, want.sv)),
            );
        }
      }
    }
  });

  it('run the same in shared memory', () => {
    const r = seeded(21);
    for (const d of [2, 5]) {
      const data = placed(randomRows(301, d, 70 + d), true);
      expect(data.x.buffer instanceof SharedArrayBuffer).toBe(true);
      const { w, b } = planeWeights(d, r);
      const zero = emptySums(d);
      expect(bits(wasmScan(data, w, b, 0, 301, zero))).toEqual(
        bits(careful(data, w, b, 0, 301, zero)),
      );
    }
  });

  it('make the loss NaN on a NaN or −∞ margin (either row of a pair), so the caller reruns carefully', () => {
    for (const d of [2, 5]) {
      for (const row of [16, 17, 39]) {
        for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
          const data = placed(randomRows(40, d, 3));
          const { w, b } = planeWeights(d, seeded(5));
          data.x[d * row] = bad * data.y[row]!; // ±∞ with the label's sign: m = −∞
          const s = emptySums(d);
          expect(scanInRowMemory(data.x, data.y, w, b, 0, 40, s, null, split(data))).toBe(true);
          expect(s.loss).toBeNaN();
        }
      }
    }
  });
});
