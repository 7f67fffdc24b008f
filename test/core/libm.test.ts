import { describe, it, expect } from 'vitest';
import { log, sin, cos, fma } from '../../src/core/libm.ts';
import fixture from '../fixtures/libm-cases.json';

// Each case is [input bits, CPython's output bits, kind] as 16 hex digits of an IEEE-754
// double, recorded from math.log / math.sin / math.cos on glibc 2.36 x86_64 (FMA) by
// scripts/make-libm-fixture.py. Kinds: gauss (drawn as random.gauss draws), edge, misrounded
// (glibc is not correctly rounded there) and fma (an unfused evaluation would differ).
type Case = [string, string, string];

const view = new DataView(new ArrayBuffer(8));

function fromBits(hex: string): number {
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

function toBits(x: number): string {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** Bit patterns must agree exactly; any NaN matches any NaN (JS does not keep NaN payloads). */
function sameResult(got: number, want: number): boolean {
  return Number.isNaN(want) ? Number.isNaN(got) : toBits(got) === toBits(want);
}

const functions = { log, sin, cos } as const;
const cases = fixture.cases as Record<keyof typeof functions, Case[]>;

describe('libm: bit-exact glibc 2.36 log, sin, cos', () => {
  for (const name of ['log', 'sin', 'cos'] as const) {
    const fn = functions[name];
    const rows = cases[name];

    it(`${name} matches CPython on all ${rows.length} fixture cases`, () => {
      const failures: string[] = [];
      for (const [xBits, yBits, kind] of rows) {
        const x = fromBits(xBits);
        const want = fromBits(yBits);
        const got = fn(x);
        if (!sameResult(got, want)) {
          failures.push(`${name}(${x}) [${kind}, 0x${xBits}] = 0x${toBits(got)}, want 0x${yBits}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`${name} fixture covers every kind of case`, () => {
      const kinds = new Set(rows.map((row) => row[2]));
      expect([...kinds].sort()).toEqual(['edge', 'fma', 'gauss', 'misrounded']);
    });
  }

  it('fma rounds once, including when the split sum lands on a tie', () => {
    const u = 2 ** -52;
    // a*b = 2^-53 - 2^-157, so a*b + c lies just below the midpoint 1 + 1.5u: it rounds down.
    // Rounding a*b first gives 2^-53 and a tie, which would round to even, 1 + 2u.
    expect(fma(1 - u, 2 ** -53 + 2 ** -105, 1 + u)).toBe(1 + u);
    expect(fma(-(1 - u), 2 ** -53 + 2 ** -105, -(1 + u))).toBe(-(1 + u));
    // a*b = 2^-53 + 2^-106 - 2^-158: just above the midpoint 1 + u/2, so it rounds up.
    expect(fma(1 + u, 2 ** -53 - 2 ** -106, 1)).toBe(1 + u);
    // Checked against C's fma: 0.1 * 0.2 - 0.02 = 0x1.0a3d70a3d70a4p-59.
    expect(fma(0.1, 0.2, -0.02)).toBe(0x10a3d70a3d70a4 * 2 ** -111);
    expect(fma(3, 5, 7)).toBe(22);
  });

  it("log returns C's values where Python raises ValueError instead", () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(-5e-324)).toBeNaN();
    expect(log(-Infinity)).toBeNaN();
  });

  it('sin and cos keep signed zeros and return NaN for non-finite input', () => {
    expect(Object.is(sin(0), 0)).toBe(true);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
    expect(cos(-0)).toBe(1);
    expect(sin(Infinity)).toBeNaN();
    expect(cos(-Infinity)).toBeNaN();
    expect(sin(NaN)).toBeNaN();
    expect(cos(NaN)).toBeNaN();
  });
});
