/**
 * The fast kernels (general-kernels.ts, and every path of scan-dispatch.ts) give the bits of the
 * reference's branchy loop (scanRowsCareful, and the original general kernel scanRows) for every
 * d in 1..40, rows in random order or class-blocked, with and without support-vector capture,
 * continuing sums already under way, and over slices of any length (the four-row groups and
 * their tail).
 */
import { describe, expect, it } from 'vitest';
import { passRows } from '../../src/core/blocked-sums.ts';
import { scanRowsAny } from '../../src/core/general-kernels.ts';
import { scanRowsD2, scanRowsD2Capture } from '../../src/core/rows-d2-kernels.ts';
import { scanRowsCareful } from '../../src/core/pass-kernels.ts';
import { scanRows } from '../helpers/scan-rows-reference.ts';
import { copySums, emptySums, type PassSums } from '../../src/core/pass-sums.ts';
import { scanFast } from '../../src/core/scan-dispatch.ts';
import { planeWeights, randomRows, seeded, underWay } from './blocked-reference.ts';

/** Sums as plain numbers, with the written indices when sv is given. */
function bits(s: PassSums, sv?: Uint32Array): unknown[] {
  return [
    s.loss,
    s.gb,
    s.sv,
    s.signedPositive,
    ...s.gw,
    sv ? Array.from(sv.subarray(0, s.sv)) : [],
  ];
}

describe('general kernels', () => {
  it('equal the reference loop bit for bit for every d in 1..40, any order, capture or not', () => {
    const r = seeded(40);
    for (let d = 1; d <= 40; d++) {
      for (const classBlocked of d === 2 ? [false, true] : [false]) {
        const n = 200 + Math.floor(r() * 60);
        const data = randomRows(n, d, 1000 + d, classBlocked);
        const rows = passRows(data);
        expect(rows.classSplit >= 0).toBe(classBlocked);
        const { w, b } = planeWeights(d, r);
        // A slice from a random row to a random end, continuing sums under way.
        const i0 = Math.floor(r() * 20);
        const i1 = n - Math.floor(r() * 7);
        const start = underWay(d, r);
        const want = emptySums(d);
        copySums(start, want);
        const wantSv = new Uint32Array(n + 3);
        scanRowsCareful(data.x, data.y, w, b, i0, i1, want, wantSv);
        expect(want.sv - start.sv).toBeGreaterThan(5); // some rows are support vectors…
        expect(want.sv - start.sv).toBeLessThan(i1 - i0 - 5); // …and some are not
        const old = emptySums(d);
        copySums(start, old);
        const oldSv = new Uint32Array(n + 3);
        scanRows(data.x, data.y, w, b, i0, i1, old, oldSv);
        expect(bits(old, oldSv)).toEqual(bits(want, wantSv));
        for (const capture of [true, false]) {
          const got = emptySums(d);
          copySums(start, got);
          const sv = capture ? new Uint32Array(n + 3) : null;
          scanFast(rows, w, b, i0, i1, got, sv);
          expect(bits(got, sv ?? undefined)).toEqual(bits(want, sv ? wantSv : undefined));
          const any = emptySums(d);
          copySums(start, any);
          scanRowsAny(data.x, data.y, w, b, i0, i1, any, sv);
          expect(bits(any, sv ?? undefined)).toEqual(bits(want, sv ? wantSv : undefined));
        }
      }
    }
  });

  it('give the same bits over any slicing (every length of tail after the four-row groups)', () => {
    const r = seeded(8);
    for (const d of [1, 2, 3, 7, 8, 32]) {
      const data = randomRows(97, d, d);
      const rows = passRows(data);
      const { w, b } = planeWeights(d, r);
      const whole = emptySums(d);
      const wholeSv = new Uint32Array(97);
      scanFast(rows, w, b, 0, 97, whole, wholeSv);
      for (let cut = 0; cut <= 9; cut++) {
        const got = emptySums(d);
        const sv = new Uint32Array(97);
        for (let i = 0; i < 97; i += cut + 1)
          scanFast(rows, w, b, i, Math.min(97, i + cut + 1), got, sv);
        expect(bits(got, sv)).toEqual(bits(whole, wholeSv));
      }
    }
  });

  it('compute each margin as the reference does (short slices from zero show its bits)', () => {
    // Over a long slice, an ulp of one margin is lost in the running loss; from zero, a slice of
    // one to five rows keeps it (0 + m = m), so a reordered dot product shows here.
    const r = seeded(12);
    for (let d = 1; d <= 41; d++) {
      // d = 41 stands for d = 2 in the generator's layout (the class kernels).
      const data = d === 41 ? randomRows(120, 2, 541, true) : randomRows(120, d, 500 + d);
      const rows = passRows(data);
      expect(rows.classSplit >= 0).toBe(d === 41);
      const { w, b } = planeWeights(data.d, r);
      for (let i = 0; i < 120;) {
        const i1 = Math.min(120, i + 1 + Math.floor(r() * 5));
        const want = emptySums(data.d);
        const wantSv = new Uint32Array(120);
        scanRowsCareful(data.x, data.y, w, b, i, i1, want, wantSv);
        const got = emptySums(data.d);
        const sv = new Uint32Array(120);
        scanFast(rows, w, b, i, i1, got, sv);
        expect(bits(got, sv)).toEqual(bits(want, wantSv));
        i = i1;
      }
    }
  });

  it('d = 2 kernels without and with capture agree with each other and with scanRowsAny', () => {
    const r = seeded(2);
    const data = randomRows(1001, 2, 77);
    const { w, b } = planeWeights(2, r);
    const a = emptySums(2);
    const c = emptySums(2);
    const e = emptySums(2);
    const svC = new Uint32Array(1001);
    const svE = new Uint32Array(1001);
    scanRowsD2(data.x, data.y, w, b, 0, 1001, a);
    scanRowsD2Capture(data.x, data.y, w, b, 0, 1001, c, svC);
    scanRowsAny(data.x, data.y, w, b, 0, 1001, e, svE);
    expect(bits(a)).toEqual(bits(c));
    expect(bits(c, svC)).toEqual(bits(e, svE));
  });

  it('class kernels (the generator’s layout): the reference’s bits in slices of 4 to 12 rows from zero', () => {
    // Terms added out of order change the bits only when the running sum changes binade
    // between them (within one binade each subtraction rounds alike in any order), so the sums
    // here start from zero and stay small; weights shrunk toward zero make most rows support
    // vectors, so neighbouring rows both add terms.
    const r = seeded(31);
    const data = randomRows(4000, 2, 31, true);
    const rows = passRows(data);
    expect(rows.classSplit).toBeGreaterThan(1000);
    for (const scale of [0.2, 1]) {
      const { w, b } = planeWeights(2, r);
      for (let j = 0; j < 2; j++) w[j] = w[j]! * scale;
      for (let i = 0; i < 4000;) {
        const i1 = Math.min(4000, i + 4 + Math.floor(r() * 9));
        const want = emptySums(2);
        const wantSv = new Uint32Array(4000);
        scanRowsCareful(data.x, data.y, w, b, i, i1, want, wantSv);
        for (const capture of [false, true]) {
          const got = emptySums(2);
          const sv = capture ? new Uint32Array(4000) : null;
          scanFast(rows, w, b, i, i1, got, sv);
          expect(bits(got, sv ?? undefined)).toEqual(bits(want, sv ? wantSv : undefined));
        }
        i = i1;
      }
    }
  });

  it('make the loss NaN on a NaN or −∞ margin, so the caller reruns carefully', () => {
    for (const d of [2, 5]) {
      const data = randomRows(40, d, 3);
      const { w, b } = planeWeights(d, seeded(5));
      data.x[d * 17] = Number.NaN;
      const s = emptySums(d);
      scanFast(passRows(data), w, b, 0, 40, s, null);
      expect(s.loss).toBeNaN();
    }
  });
});
