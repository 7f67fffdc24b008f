/**
 * CSV in, a dense dataset out (types.ts has the options and the result). One pass, streaming:
 * the first non-blank line fixes the columns (and is the header or a row: CsvImportOptions);
 * every later non-blank line must have as many fields. Features are decimal numbers (decimal.ts)
 * read straight from the line's bytes into the row store; the label column is any two labels
 * (labels.ts). Blank lines are skipped; quoted fields: csv-fields.ts.
 */
import { DecimalReader } from './decimal.ts';
import { fieldEnd, QuotedField, skipSpaces, splitLine } from './csv-fields.ts';
import { csvShape } from './csv-shape.ts';
import { IMPORT_LIMITS, rowsProblem, type ImportLimits } from './import-limits.ts';
import { LabelSet } from './labels.ts';
import { isBlank, LineReader } from './line-reader.ts';
import { RowStore } from './row-store.ts';
import { excerpt, isNonFiniteWord, quote } from './text-bytes.ts';
import { ImportError, type CsvImportOptions, type ImportedData, type Importer } from './types.ts';

const DELIMITERS = { ',': 44, ';': 59, '\t': 9 } as const;

export class CsvImporter extends LineReader implements Importer {
  private readonly reader = new DecimalReader();
  private readonly quoted = new QuotedField();
  private readonly labels = new LabelSet();
  private readonly delimiter: number;
  private store: RowStore | null = null;
  /** Fields a line has, the label's index among them, features a row (columns − 1). */
  private columns = 0;
  private labelColumn = 0;
  private d = 0;
  /** The line that fixed the number of columns (quoted in ragged-row messages). */
  private shapeLine = 0;
  private header: string[] | null = null;
  private featureNames: string[] = [];
  private maxRows = 0;

  constructor(
    private readonly options: CsvImportOptions = {},
    private readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {
    super(limits.lineBytes);
    const { header = 'auto', labelColumn = -1, delimiter = ',' } = options;
    if (!(delimiter in DELIMITERS)) throw new RangeError(`delimiter must be ',', ';' or a tab`);
    if (header !== 'auto' && header !== 'yes' && header !== 'no') {
      throw new RangeError(`header must be 'auto', 'yes' or 'no', got ${String(header)}`);
    }
    if (typeof labelColumn === 'number' && !Number.isInteger(labelColumn)) {
      throw new RangeError(`labelColumn must be an integer or a header name, got ${labelColumn}`);
    }
    this.delimiter = DELIMITERS[delimiter];
  }

  get rowsRead(): number {
    return this.store?.n ?? 0;
  }

  protected line(buf: Uint8Array, start: number, stop: number): void {
    if (isBlank(buf, start, stop)) return;
    if (this.store === null && this.firstLine(buf, start, stop)) return;
    this.row(buf, start, stop);
  }

  /** Fixes the columns, the label column and the names from the first line; true for a header. */
  private firstLine(buf: Uint8Array, start: number, stop: number): boolean {
    const split = splitLine(buf, start, stop, this.delimiter);
    if (!('fields' in split)) throw this.quoteProblem(buf, start, stop, split.at, split.kind);
    const shape = csvShape(split.fields, this.options, this.reader, this.limits);
    if ('code' in shape) {
      throw this.fail(shape.code, buf, start, null, shape.expected, shape.found);
    }
    this.columns = shape.columns;
    this.labelColumn = shape.labelColumn;
    this.header = shape.header;
    this.featureNames = shape.featureNames;
    this.shapeLine = this.lines;
    this.d = shape.columns - 1;
    this.maxRows = Math.min(this.limits.rows, Math.floor(this.limits.values / this.d));
    this.store = new RowStore(this.d, this.options.sizeHint ?? 0);
    return shape.header !== null;
  }

  /** Reads one row of data into the store (the hot path: no strings, no objects). */
  private row(buf: Uint8Array, start: number, stop: number): void {
    const store = this.store!;
    const { d, columns, delimiter, reader, quoted } = this;
    const n = store.n;
    if (n >= this.maxRows) throw this.tooMany(buf, start);
    store.reserve(this.lineEnd, this.maxRows);
    const x = store.x;
    const lc = this.labelColumn;
    let base = n * d;
    let cls = -1;
    let col = 0;
    let p = start;
    for (;;) {
      p = skipSpaces(buf, p, stop, delimiter);
      const at = p;
      if (col === columns) throw this.ragged(buf, start, stop, at);
      if (p < stop && buf[p] === 34) {
        // A quoted field: its content, unquoted, is read like an unquoted one.
        if (!quoted.read(buf, p, stop))
          throw this.quoteProblem(buf, start, stop, p, 'unclosed-quote');
        p = skipSpaces(buf, quoted.end, stop, delimiter);
        if (p < stop && buf[p] !== delimiter) {
          throw this.quoteProblem(buf, start, stop, p, 'after-quote');
        }
        const q = quoted.bytes;
        if (col === lc) cls = this.label(q, 0, quoted.length, buf, start, at);
        else {
          // Spaces inside the quotes are not part of a number either (Number(" 2 ") is 2).
          let qs = 0;
          let qe = quoted.length;
          while (qs < qe && (q[qs] === 32 || q[qs] === 9)) qs++;
          while (qe > qs && (q[qe - 1] === 32 || q[qe - 1] === 9)) qe--;
          const v = reader.read(q, qs, qe);
          if (v !== v || reader.end !== qe || v - v !== 0) {
            throw this.badNumber(q, qs, qe, buf, start, at, col);
          }
          x[base++] = v;
        }
      } else if (col === lc) {
        const end = fieldEnd(buf, p, stop, delimiter);
        cls = this.label(buf, p, end, buf, start, at);
        p = skipSpaces(buf, end, stop, delimiter);
      } else {
        const v = reader.read(buf, p, stop);
        p = skipSpaces(buf, reader.end, stop, delimiter);
        if (v !== v || (p < stop && buf[p] !== delimiter) || v - v !== 0) {
          const end = fieldEnd(buf, at, stop, delimiter);
          throw this.badNumber(buf, at, end, buf, start, at, col);
        }
        x[base++] = v;
      }
      col++;
      if (p >= stop) break;
      p++; // the delimiter
    }
    if (col < columns) throw this.ragged(buf, start, stop, stop);
    store.y[n] = cls;
    this.labels.rows[cls]!++;
    store.n = n + 1;
  }

  /** The class of a label field, or the error for a bad or third label. */
  private label(
    fb: Uint8Array,
    fs: number,
    fe: number,
    buf: Uint8Array,
    lineStart: number,
    at: number,
  ): number {
    const cls = this.labels.classOf(fb, fs, fe, this.reader);
    if (cls >= 0) return cls;
    const { code, expected, found } = this.labels.problem(cls, fb, fs, fe);
    throw this.fail(code, buf, lineStart, at, expected, found);
  }

  private badNumber(
    fb: Uint8Array,
    fs: number,
    fe: number,
    buf: Uint8Array,
    lineStart: number,
    at: number,
    col: number,
  ): ImportError {
    const name = quote(this.featureNames[col > this.labelColumn ? col - 1 : col]!);
    const v = this.reader.read(fb, fs, fe);
    const finiteOnly =
      isNonFiniteWord(fb, fs, fe) || (this.reader.end === fe && v === v && v - v !== 0);
    return this.fail(
      finiteOnly ? 'not-finite' : 'not-a-number',
      buf,
      lineStart,
      at,
      `a ${finiteOnly ? 'finite ' : ''}number for feature ${name}`,
      excerpt(fb, fs, fe),
    );
  }

  private ragged(buf: Uint8Array, start: number, stop: number, at: number): ImportError {
    const split = splitLine(buf, start, stop, this.delimiter);
    const k = 'fields' in split ? split.fields.length : NaN;
    return this.fail(
      'ragged',
      buf,
      start,
      at,
      `${this.columns} fields, as on line ${this.shapeLine}`,
      k === 1 ? '1 field' : `${k} fields`,
    );
  }

  private quoteProblem(
    buf: Uint8Array,
    start: number,
    stop: number,
    at: number,
    kind: 'unclosed-quote' | 'after-quote',
  ): ImportError {
    if (kind === 'unclosed-quote') {
      return this.fail(
        'unclosed-quote',
        buf,
        start,
        at,
        'a closing quote before the end of the line (a quoted field may not span lines)',
        excerpt(buf, at, stop),
      );
    }
    const end = fieldEnd(buf, at, stop, this.delimiter);
    return this.fail(
      'syntax',
      buf,
      start,
      at,
      `${quote(String.fromCharCode(this.delimiter))} or the end of the line after a closing quote`,
      excerpt(buf, at, end),
    );
  }

  private tooMany(buf: Uint8Array, start: number): ImportError {
    const { code, expected, found } = rowsProblem(this.maxRows + 1, this.d, this.limits)!;
    return this.fail(code, buf, start, start, expected, found);
  }

  finish(): ImportedData {
    this.endLines();
    try {
      const store = this.store;
      if (store === null) {
        throw new ImportError(
          'empty',
          1,
          1,
          'a header or a row of data',
          this.lines > 1 ? 'only blank lines' : 'an empty file',
        );
      }
      if (store.n === 0) {
        throw new ImportError(
          'header-only',
          this.lines + 1,
          1,
          'a row of data after the header',
          'the end of the file',
        );
      }
      if (this.labels.count < 2) {
        throw new ImportError(
          'one-class',
          null,
          null,
          'two distinct labels',
          `only ${quote(this.labels.text(0))} (in all ${store.n} rows)`,
        );
      }
      const { x, y } = store.pack(this.d);
      const labels = this.labels.toPlusMinus(y, store.n);
      return {
        format: 'csv',
        x,
        y,
        n: store.n,
        d: this.d,
        nPositive: labels[0].rows,
        labels,
        header: this.header,
        featureNames: this.featureNames,
        labelName: this.header ? this.header[this.labelColumn]! : null,
        bytes: this.bytesRead,
        lines: this.lines,
      };
    } catch (e) {
      throw this.spent(e);
    }
  }
}
