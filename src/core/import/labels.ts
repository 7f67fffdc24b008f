/**
 * The label column's classes: at most two distinct labels, read per row without making strings,
 * and the rule that maps them to ±1 (types.ts ImportedData: the label that sorts last is +1).
 *
 * A label that reads as a decimal number (decimal.ts) is that number, so "1", "+1" and "1.0" are
 * one class; any other text is itself, compared byte for byte. While reading, a row's class is
 * its index here (0 = the first label seen, 1 = the second); toPlusMinus() maps them at the end.
 */
import type { DecimalReader } from './decimal.ts';
import { decodeUtf8, excerpt, isNonFiniteWord, quote } from './text-bytes.ts';
import type { ImportErrorCode, ImportedLabel } from './types.ts';

/** classOf's results besides 0 and 1. */
export const THIRD_LABEL = -1;
export const BAD_LABEL = -2;

export class LabelSet {
  /** Distinct labels seen (0, 1 or 2). */
  count = 0;
  /** Rows of class 0 and class 1. */
  readonly rows = [0, 0];
  /** Each class's number, or NaN for a text label. */
  private readonly values = [NaN, NaN];
  /** Each class's bytes (a text label's, and a number's as first written, for display). */
  private readonly bytes: Uint8Array[] = [];

  /**
   * The class of the label in bytes [start, stop) (trimmed, unquoted): 0 or 1, THIRD_LABEL for a
   * third distinct label, BAD_LABEL for an empty one or NaN/Infinity. A new label joins the set.
   */
  classOf(buf: Uint8Array, start: number, stop: number, reader: DecimalReader): number {
    if (start >= stop) return BAD_LABEL;
    const v = reader.read(buf, start, stop);
    const numeric = v === v && reader.end === stop;
    if (numeric) {
      if (v === this.values[0]) return 0;
      if (v === this.values[1]) return 1;
      if (!Number.isFinite(v)) return BAD_LABEL;
    } else {
      if (isNonFiniteWord(buf, start, stop)) return BAD_LABEL;
      for (let k = 0; k < this.count; k++) {
        if (this.values[k] !== this.values[k] && same(this.bytes[k]!, buf, start, stop)) return k;
      }
    }
    if (this.count === 2) return THIRD_LABEL;
    const k = this.count++;
    this.values[k] = numeric ? v : NaN;
    this.bytes[k] = buf.slice(start, stop);
    return k;
  }

  /**
   * What is wrong with the label in bytes [start, stop) that classOf refused with `cls`
   * (BAD_LABEL or THIRD_LABEL): an ImportError's code, expected and found.
   */
  problem(
    cls: number,
    buf: Uint8Array,
    start: number,
    stop: number,
  ): { code: ImportErrorCode; expected: string; found: string } {
    if (cls === BAD_LABEL) {
      return {
        code: 'bad-label',
        expected: 'a label (a number or a name; not NaN or Infinity)',
        found: excerpt(buf, start, stop),
      };
    }
    return {
      code: 'third-label',
      expected: `one of the two labels ${quote(this.text(0))} and ${quote(this.text(1))}`,
      found: `a third: ${excerpt(buf, start, stop)}`,
    };
  }

  /** Label k's text as first written. */
  text(k: number): string {
    const b = this.bytes[k]!;
    return decodeUtf8(b, 0, b.length);
  }

  /**
   * Which class is +1: the one that sorts last — by value when both labels are numbers, else by
   * their texts (UTF-16 code units, JavaScript's <).
   */
  positiveClass(): 0 | 1 {
    const [a, b] = this.values as [number, number];
    if (a === a && b === b) return a > b ? 0 : 1;
    return this.text(0) > this.text(1) ? 0 : 1;
  }

  /** Maps the n class indices in y (0 or 1) to ±1 in place; returns the two labels, +1 first. */
  toPlusMinus(y: Float64Array, n: number): [ImportedLabel, ImportedLabel] {
    const pos = this.positiveClass();
    for (let i = 0; i < n; i++) y[i] = y[i] === pos ? 1 : -1;
    const label = (k: number, s: 1 | -1): ImportedLabel => ({
      text: this.text(k),
      y: s,
      rows: this.rows[k]!,
    });
    return [label(pos, 1), label(1 - pos, -1)];
  }
}

function same(a: Uint8Array, buf: Uint8Array, start: number, stop: number): boolean {
  if (a.length !== stop - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[start + i]) return false;
  return true;
}
