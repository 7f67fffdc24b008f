/**
 * CSV fields off the hot path: quoted fields (RFC 4180: a field in double quotes may hold the
 * delimiter, and "" stands for one quote; a line end inside quotes is not supported — a quoted
 * field must close on its line) and the whole-line split used for the first line and previews.
 * Spaces and tabs around a field are not part of it.
 */
import { decodeUtf8 } from './text-bytes.ts';

/** Reads one quoted field into a reused buffer. */
export class QuotedField {
  /** The field's content: bytes [0, length). */
  bytes = new Uint8Array(64);
  length = 0;
  /** The position after the closing quote. */
  end = 0;

  /** Reads the field whose opening quote is at p; false when no closing quote comes before stop. */
  read(buf: Uint8Array, p: number, stop: number): boolean {
    this.length = 0;
    for (let i = p + 1; i < stop; i++) {
      const c = buf[i]!;
      if (c === 34) {
        if (i + 1 < stop && buf[i + 1] === 34) i++;
        else {
          this.end = i + 1;
          return true;
        }
      }
      if (this.length === this.bytes.length) {
        const grown = new Uint8Array(2 * this.length);
        grown.set(this.bytes);
        this.bytes = grown;
      }
      this.bytes[this.length++] = c;
    }
    this.end = stop;
    return false;
  }
}

/** The first byte at or after p that is not a space or a tab (a tab unless it is the delimiter). */
export function skipSpaces(buf: Uint8Array, p: number, stop: number, delimiter: number): number {
  while (p < stop && (buf[p] === 32 || (buf[p] === 9 && delimiter !== 9))) p++;
  return p;
}

/** The end of an unquoted field starting at p: the next delimiter or stop, spaces trimmed. */
export function fieldEnd(buf: Uint8Array, p: number, stop: number, delimiter: number): number {
  let q = p;
  while (q < stop && buf[q] !== delimiter) q++;
  while (q > p && (buf[q - 1] === 32 || buf[q - 1] === 9)) q--;
  return q;
}

/** One line's fields, as text and as the byte where each starts. */
export interface SplitLine {
  readonly fields: string[];
  readonly starts: number[];
  /** Whether each field was quoted. */
  readonly quoted: boolean[];
}

/** What went wrong in splitLine: where, and why. */
export interface SplitProblem {
  readonly at: number;
  readonly kind: 'unclosed-quote' | 'after-quote';
}

/** Splits bytes [start, stop) into fields; a SplitProblem for a bad quoted field. */
export function splitLine(
  buf: Uint8Array,
  start: number,
  stop: number,
  delimiter: number,
): SplitLine | SplitProblem {
  const out: SplitLine = { fields: [], starts: [], quoted: [] };
  const quoted = new QuotedField();
  let p = start;
  for (;;) {
    p = skipSpaces(buf, p, stop, delimiter);
    out.starts.push(p);
    if (p < stop && buf[p] === 34) {
      if (!quoted.read(buf, p, stop)) return { at: p, kind: 'unclosed-quote' };
      out.fields.push(decodeUtf8(quoted.bytes, 0, quoted.length));
      out.quoted.push(true);
      p = skipSpaces(buf, quoted.end, stop, delimiter);
      if (p < stop && buf[p] !== delimiter) return { at: p, kind: 'after-quote' };
    } else {
      const q = fieldEnd(buf, p, stop, delimiter);
      out.fields.push(decodeUtf8(buf, p, q));
      out.quoted.push(false);
      p = q;
      while (p < stop && buf[p] !== delimiter) p++;
    }
    if (p >= stop) return out;
    p++; // the delimiter
  }
}
