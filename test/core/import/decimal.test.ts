import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalReader } from '../../../src/core/import/decimal.ts';

const encoder = new TextEncoder();

/** The reader's value for the whole text, or null when it stops early or finds no number. */
function read(text: string, reader = new DecimalReader()): number | null {
  const bytes = encoder.encode(text);
  const v = reader.read(bytes, 0, bytes.length);
  if (Number.isNaN(v) || reader.end !== bytes.length) return null;
  return v;
}

/** Same double, −0 and +0 told apart. */
function expectSame(text: string, reader?: DecimalReader): void {
  const got = read(text, reader);
  const want = Number(text);
  if (!Object.is(got, want)) throw new Error(`${text}: got ${got}, Number() gives ${want}`);
}

const digitRun = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Texts of the grammar: sign, integer part, fraction, exponent, each optional as allowed. */
const literal = fc
  .tuple(
    fc.constantFrom('', '+', '-'),
    digitRun(0, 24),
    fc.option(digitRun(0, 24)),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digitRun(1, 3))),
  )
  .filter(([, int, frac]) => int.length > 0 || (frac !== null && frac.length > 0))
  .map(
    ([sign, int, frac, exp]) =>
      sign + int + (frac === null ? '' : '.' + frac) + (exp === null ? '' : exp.join('')),
  );

describe('DecimalReader', () => {
  it('gives Number() for String(v) of any double, in plain and exponent forms', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expectSame(String(v));
        expectSame(v.toExponential());
        expectSame(v.toPrecision(17));
        if (Math.abs(v) < 1e21) expectSame(v.toFixed(20));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives Number() for any literal of the grammar (up to 48 digits, exponents to 999)', () => {
    fc.assert(
      fc.property(literal, (text) => expectSame(text)),
      { numRuns: 50_000 },
    );
  });

  it('gives Number() for 16 to 19 digits near midpoints between doubles', () => {
    // v and its successor's exact midpoint, written to 17-19 digits, rounded up and down.
    fc.assert(
      fc.property(
        fc.double({ min: 1e-15, max: 1e15, noNaN: true }),
        fc.integer({ min: 16, max: 19 }),
        (v, k) => {
          const mid = (v + v * (1 + 2 ** -52)) / 2;
          for (const t of [mid.toPrecision(Math.min(k, 21)), (v * (1 + 2 ** -53)).toPrecision(k)]) {
            expectSame(t);
          }
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('reads exported coordinates without Number() (the fast paths cover them)', () => {
    // The generator's coordinates: uniform(-3, 3), 16-17 significant digits in String(v).
    const reader = new DecimalReader();
    let state = 12345;
    for (let i = 0; i < 100_000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const v = -3 + (6 * state) / 2 ** 32 + i * 1e-12;
      expectSame(String(v), reader);
    }
    expect(reader.fallbacks).toBeLessThan(10);
  });

  it('hands an exact midpoint between two doubles to Number() (ties go to even)', () => {
    // 2^52 + 0.5 lies halfway between 2^52 and 2^52 + 1: 17 digits, divided by 10.
    const reader = new DecimalReader();
    expectSame('4503599627370496.5', reader);
    expectSame('-4503599627370497.5', reader);
    expect(reader.fallbacks).toBe(2);
  });

  it('keeps the sign of zero and reads the edges of the grammar', () => {
    for (const t of [
      '0',
      '-0',
      '+0',
      '-0.0',
      '-.0e5',
      '0e999999',
      '1.',
      '.5',
      '-.5e-3',
      '007',
      '1e308',
      '1e-400',
      '1e400',
      '-1e400',
      '4.9e-324',
      '1.7976931348623157e308',
      '9007199254740993',
      '123456789012345678901234567890',
    ]) {
      expectSame(t);
    }
  });

  it('returns NaN and where it stopped for texts that are not numbers', () => {
    const reader = new DecimalReader();
    for (const [text, end] of [
      ['', 0],
      ['-', 1],
      ['.', 1],
      ['+.', 2],
      ['e5', 0],
      ['1e', 2],
      ['1e+', 3],
      ['abc', 0],
      ['NaN', 0],
      ['Infinity', 0],
    ] as const) {
      const bytes = encoder.encode(text);
      expect(reader.read(bytes, 0, bytes.length), text).toBeNaN();
      expect(reader.end, text).toBe(end);
    }
  });

  it('stops at the first byte after the number and reads only [start, stop)', () => {
    const reader = new DecimalReader();
    const bytes = encoder.encode('x,12.5e1;7');
    expect(reader.read(bytes, 2, bytes.length)).toBe(125);
    expect(reader.end).toBe(8);
    expect(reader.read(bytes, 2, 4)).toBe(12); // stop cuts "12.5e1" to "12"
    expect(reader.end).toBe(4);
    expect(read('0x10')).toBeNull(); // reads "0", then stops at "x"
  });
});
