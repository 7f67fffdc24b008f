/**
 * Number formatting and rounding exactly as Python does them: format specs `.Nf` / `+.Nf` and
 * round() (half to even). JavaScript's toFixed rounds exact ties away from zero and drops the
 * sign of −0, so we round the exact binary value ourselves with BigInt.
 */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** |x| = mantissa·2^exponent exactly, for finite x. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  F64[0] = x;
  const bits = U64[0]!;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | 0x10000000000000n, exponent: biased - 1075 };
}

/** True for −0 and negative numbers (the sign bit), as Python's formatting sees it. */
function signBit(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/**
 * round-half-even(|x|·scale) for finite x, computed on the exact binary value of x: the digits
 * Python prints (scale = 10^digits) and the keys round(x, 6) compares (scale = 10^6).
 */
function roundScaledMagnitude(x: number, scale: bigint): bigint {
  const { mantissa, exponent } = decompose(x);
  if (exponent >= 0) return (mantissa << BigInt(exponent)) * scale;
  const num = mantissa * scale;
  const den = 1n << BigInt(-exponent);
  const q = num / den;
  const twiceRest = 2n * (num % den);
  return twiceRest > den || (twiceRest === den && (q & 1n) === 1n) ? q + 1n : q;
}

/**
 * Python's format(x, '.{digits}f'), or '+.{digits}f' with `plus`: the exact value rounded half to
 * even, a '-' for any set sign bit (so −0.0 prints "-0.0000"), 'inf' and 'nan' spelled as Python does.
 */
export function formatFixed(x: number, digits: number, plus = false): string {
  if (Number.isNaN(x)) return (plus ? '+' : '') + 'nan';
  const sign = signBit(x) ? '-' : plus ? '+' : '';
  if (!Number.isFinite(x)) return sign + 'inf';
  const q = roundScaledMagnitude(x, 10n ** BigInt(digits));
  const text = q.toString().padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return sign + text.slice(0, -digits) + '.' + text.slice(-digits);
}

/** Python's round(v) for a float: nearest integer, ties to even. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Python's round(v, 6) as an exact count of millionths: two finite values have equal Python keys
 * round(v, 6) exactly when these integers are equal (−0 and +0 both give 0n).
 */
export function roundMicros(v: number): bigint {
  if (!Number.isFinite(v)) throw new RangeError(`roundMicros needs a finite number, got ${v}`);
  const q = roundScaledMagnitude(v, 1_000_000n);
  return signBit(v) ? -q : q;
}
