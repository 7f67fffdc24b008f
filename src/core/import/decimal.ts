/**
 * Decimal numbers read straight from bytes, with the double JavaScript's Number() gives the same
 * text — without making a string in the common case.
 *
 * Grammar (ECMAScript's StrDecimalLiteral without Infinity): `[+-]? (digits ['.' digits?] |
 * '.' digits) ([eE] [+-]? digits)?`. Not numbers here, though Number() takes them: "", spaces
 * (the callers trim), 0x/0o/0b literals, "Infinity", "NaN".
 *
 * Exactness: with m the decimal significand (up to 19 significant digits) and E its power of 10,
 * |E| <= 22: up to 15 digits, m and 10^|E| are exact doubles and one IEEE multiply or divide
 * rounds m·10^E correctly (Clinger's fast path). 16 to 19 digits (String(v)'s output is often 17)
 * are carried as an exact double-double, multiplied or divided by 10^|E| to within 2^-104 of the
 * value, then rounded; when that value lies too close to the midpoint between two doubles for the
 * error bound to settle the rounding (about one in 10^6), and for more digits or a larger |E|,
 * the text goes to Number() instead. Either way the result is Number()'s.
 */

/** 10^0 .. 10^22: every one an exact double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Dekker's split constant 2^27 + 1. */
const SPLIT = 134217729;
/** Each 10^k split into high and low halves of 26 bits (Dekker), and 1/10^k rounded. */
const POW10_HI = POW10.map((v) => SPLIT * v - (SPLIT * v - v));
const POW10_LO = POW10.map((v, k) => v - POW10_HI[k]!);
const INV10 = POW10.map((v) => 1 / v);
/** A residue within this fraction of half an ulp of a midpoint goes to Number() (see nearMidpoint). */
const MIDPOINT_SLACK = 1 + 2 ** -20;

/**
 * Reads one number at a time from a byte buffer. `read` returns the value and sets `end` to the
 * first byte after the number; it returns NaN (with `end` where it stopped) when the bytes at the
 * start are not a number of the grammar. The caller decides what may follow the number.
 * One reader per importer: it holds only scalars, so a hot loop allocates nothing.
 */
export class DecimalReader {
  /** The position after the last number read. */
  end = 0;
  /** Numbers handed to Number() so far (a rarity; a bench and a test read it). */
  fallbacks = 0;

  read(buf: Uint8Array, start: number, stop: number): number {
    let p = start;
    let negative = false;
    let c = p < stop ? buf[p]! : 0;
    if (c === 43 || c === 45) {
      negative = c === 45;
      p++;
    }
    // Significand: `hi` takes the first 15 significant digits, `lo` the next 4 (kLo of them).
    let hi = 0;
    let lo = 0;
    let kLo = 0;
    let significant = 0;
    let scale = 0; // minus the digits after the point (the value is m·10^(scale + exponent))
    let tooLong = false;
    // Integer part: leading zeros carry nothing; every digit after the first other one counts.
    const intStart = p;
    while (p < stop && buf[p] === 48) p++;
    while (p < stop) {
      c = buf[p]! - 48;
      if (c < 0 || c > 9) break;
      if (significant < 15) hi = hi * 10 + c;
      else if (significant < 19) {
        lo = lo * 10 + c;
        kLo++;
      } else tooLong = true;
      significant++;
      p++;
    }
    let digits = p - intStart; // all digits, to tell "." and "" from a number
    if (p < stop && buf[p] === 46) {
      p++;
      const fracStart = p;
      if (significant === 0) while (p < stop && buf[p] === 48) p++;
      while (p < stop) {
        c = buf[p]! - 48;
        if (c < 0 || c > 9) break;
        if (significant < 15) hi = hi * 10 + c;
        else if (significant < 19) {
          lo = lo * 10 + c;
          kLo++;
        } else tooLong = true;
        significant++;
        p++;
      }
      scale = fracStart - p;
      digits += p - fracStart;
    }
    if (digits === 0) {
      this.end = p;
      return NaN;
    }
    if (p < stop && (buf[p] === 101 || buf[p] === 69)) {
      let q = p + 1;
      let expNegative = false;
      if (q < stop && (buf[q] === 43 || buf[q] === 45)) {
        expNegative = buf[q] === 45;
        q++;
      }
      let e = 0;
      const expStart = q;
      while (q < stop) {
        c = buf[q]! - 48;
        if (c < 0 || c > 9) break;
        if (e < 1e9) e = e * 10 + c; // beyond that only "huge" matters
        q++;
      }
      if (q === expStart) {
        this.end = q; // "1e" or "1e+": not a number
        return NaN;
      }
      scale += expNegative ? -e : e;
      p = q;
    }
    this.end = p;
    if (significant === 0) return negative ? -0 : 0;
    // Digits past the 19th: too many for the double-double; "too far" exponents likewise.
    if (tooLong || scale > 22 || scale < -22) return this.fallback(buf, start, p);
    let v: number;
    if (kLo === 0) {
      v = scale >= 0 ? hi * POW10[scale]! : hi / POW10[-scale]!;
    } else {
      v = this.wide(hi, lo, kLo, scale);
      if (v !== v) return this.fallback(buf, start, p);
    }
    return negative ? -v : v;
  }

  /**
   * m·10^scale for m = hi·10^kLo + lo (16 to 19 digits), |scale| <= 22, correctly rounded; NaN
   * when the double-double's error bound cannot settle the rounding.
   */
  private wide(hi: number, lo: number, kLo: number, scale: number): number {
    // m exactly as mh + ml: hi·10^kLo by Dekker's product, then + lo (all integers below 2^64).
    let p = hi * POW10[kLo]!;
    let t = SPLIT * hi;
    const ah = t - (t - hi);
    const al = hi - ah;
    const bh = POW10_HI[kLo]!;
    const bl = POW10_LO[kLo]!;
    let pe = ah * bh - p + ah * bl + al * bh + al * bl;
    let s = p + lo;
    let bb = s - p;
    let se = p - (s - bb) + (lo - bb);
    // pe and se are integers of at most 2^11: their sum is exact.
    const mh = s + (pe + se);
    const ml = pe + se - (mh - s);
    if (scale === 0) return mh + ml;
    const k = scale >= 0 ? scale : -scale;
    const P = POW10[k]!;
    const ph = POW10_HI[k]!;
    const pl = POW10_LO[k]!;
    let qh: number;
    let ql: number;
    if (scale > 0) {
      // (mh + ml)·P: mh·P exactly (Dekker), ml·P to 2^-53 of itself, so 2^-106 of the whole.
      p = mh * P;
      t = SPLIT * mh;
      const mhh = t - (t - mh);
      const mhl = mh - mhh;
      pe = mhh * ph - p + mhh * pl + mhl * ph + mhl * pl;
      qh = p;
      ql = ml * P + pe;
    } else {
      // (mh + ml)/P: q1 ≈ mh/P (times 1/P: within 2^-52 of it, no division needed), the
      // remainder mh − q1·P exact (Dekker, then Sterbenz: q1·P is within a factor 2 of mh),
      // + ml, times 1/P again: 2^-52 of a term 2^-50 the size of the whole.
      const q1 = mh * INV10[k]!;
      p = q1 * P;
      t = SPLIT * q1;
      const qh1 = t - (t - q1);
      const ql1 = q1 - qh1;
      pe = qh1 * ph - p + qh1 * pl + ql1 * ph + ql1 * pl;
      const r = mh - p - pe + ml;
      qh = q1;
      ql = r * INV10[k]!;
    }
    // Round qh + ql (within ~2^-100 of m·10^scale) to the nearest double s, residue e exact.
    s = qh + ql;
    bb = s - qh;
    se = qh - (s - bb) + (ql - bb);
    // If the residue, a hair larger, would round away from s, the true value may lie past the
    // midpoint: let Number() decide. (The far side is at least a quarter ulp away.)
    return s + se * MIDPOINT_SLACK === s ? s : NaN;
  }

  /** Number() of the bytes [start, stop), which hold only ASCII digits, signs, '.', 'e' or 'E'. */
  private fallback(buf: Uint8Array, start: number, stop: number): number {
    this.fallbacks++;
    let text = '';
    for (let i = start; i < stop; i++) text += String.fromCharCode(buf[i]!);
    return Number(text);
  }
}
