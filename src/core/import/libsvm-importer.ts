/**
 * LIBSVM (svmlight) in, a dense dataset out: one row a line, `label index:value index:value …`,
 * indices 1-based and strictly ascending (feature j is index j+1), a feature left out is 0, and
 * d is the largest index in the file. Tokens are separated by spaces or tabs; '#' starts a
 * comment to the end of the line; blank lines are skipped. Labels as in labels.ts (usually +1
 * and -1, or 1 and 0). `qid:` and other extensions are refused as syntax errors.
 *
 * Rows are stored with a stride that widens when an index beyond it appears (row-store.ts), so
 * the file is read once whatever order its indices first reach their maximum.
 */
import { DecimalReader } from './decimal.ts';
import { IMPORT_LIMITS, rowsProblem, type ImportLimits } from './import-limits.ts';
import { LabelSet } from './labels.ts';
import { LineReader } from './line-reader.ts';
import { RowStore } from './row-store.ts';
import { excerpt, isNonFiniteWord, quote } from './text-bytes.ts';
import {
  ImportError,
  type ImportedData,
  type Importer,
  type LibsvmImportOptions,
} from './types.ts';

/** Stride of the first rows, widened as larger indices appear. */
const FIRST_STRIDE = 4;

export class LibsvmImporter extends LineReader implements Importer {
  private readonly reader = new DecimalReader();
  private readonly labels = new LabelSet();
  private readonly store: RowStore;
  /** The largest index seen so far: the dimension. */
  private d = 0;

  constructor(
    options: LibsvmImportOptions = {},
    private readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {
    super(limits.lineBytes);
    this.store = new RowStore(FIRST_STRIDE, options.sizeHint ?? 0);
  }

  get rowsRead(): number {
    return this.store.n;
  }

  /** Reads one line into row n (the hot path: no strings, no objects). */
  protected line(buf: Uint8Array, start: number, stop: number): void {
    const { store, reader } = this;
    let p = skipBlank(buf, start, stop);
    if (p === stop || buf[p] === 35) return; // blank, or a comment line
    const n = store.n;
    this.checkRows(buf, start, p, n + 1, this.d);
    store.reserve(this.lineEnd, this.limits.rows, this.d);
    // The label: one token.
    const labelStart = p;
    let colon = false;
    while (p < stop && buf[p] !== 32 && buf[p] !== 9) {
      if (buf[p] === 58) colon = true;
      p++;
    }
    if (colon) throw this.noLabel(buf, start, labelStart, p);
    const cls = this.labels.classOf(buf, labelStart, p, reader);
    if (cls < 0) throw this.badLabel(buf, start, labelStart, p, cls);
    let last = 0;
    for (;;) {
      p = skipBlank(buf, p, stop);
      if (p === stop || buf[p] === 35) break;
      const at = p;
      let index = 0;
      while (p < stop && buf[p]! >= 48 && buf[p]! <= 57) {
        // Past the limit the exact index no longer matters (grow refuses it).
        if (index <= this.limits.features) index = index * 10 + buf[p]! - 48;
        p++;
      }
      if (p === at || p === stop || buf[p] !== 58) throw this.syntax(buf, start, at, stop);
      if (index <= last) throw this.badIndex(buf, start, at, stop, index, last);
      if (index > this.d) this.grow(buf, start, at, stop, index);
      const v = reader.read(buf, p + 1, stop);
      p = reader.end;
      if (v !== v || (p < stop && buf[p] !== 32 && buf[p] !== 9 && buf[p] !== 35) || v - v !== 0) {
        throw this.badValue(buf, start, at, stop, index);
      }
      store.x[n * store.stride + index - 1] = v;
      last = index;
    }
    store.y[n] = cls;
    this.labels.rows[cls]!++;
    store.n = n + 1;
  }

  /** d becomes `index`: checks the limits, widens the store's rows when needed. */
  private grow(buf: Uint8Array, start: number, at: number, stop: number, index: number): void {
    if (index > this.limits.features) {
      throw this.fail(
        'too-many-features',
        buf,
        start,
        at,
        `a feature index of at most ${this.limits.features}`,
        excerpt(buf, at, tokenEnd(buf, at, stop)),
      );
    }
    this.checkRows(buf, start, at, this.store.n + 1, index);
    this.d = index;
    const { store } = this;
    if (index > store.stride) {
      // Widen generously while rows are few (cheap), exactly once they are many.
      const wide = store.n < 4096 ? Math.min(this.limits.features, 2 * store.stride) : 0;
      store.widen(Math.max(index, wide));
    }
  }

  /** Throws when `rows` rows of d features are over the limits (import-limits.ts rowsProblem). */
  private checkRows(buf: Uint8Array, start: number, at: number, rows: number, d: number): void {
    const problem = rowsProblem(rows, d, this.limits);
    if (problem) throw this.fail(problem.code, buf, start, at, problem.expected, problem.found);
  }

  private badLabel(
    buf: Uint8Array,
    start: number,
    at: number,
    end: number,
    cls: number,
  ): ImportError {
    const { code, expected, found } = this.labels.problem(cls, buf, at, end);
    return this.fail(code, buf, start, at, expected, found);
  }

  private noLabel(buf: Uint8Array, start: number, at: number, end: number): ImportError {
    return this.fail(
      'syntax',
      buf,
      start,
      at,
      'a label first (label index:value …)',
      excerpt(buf, at, end),
    );
  }

  private syntax(buf: Uint8Array, start: number, at: number, stop: number): ImportError {
    return this.fail(
      'syntax',
      buf,
      start,
      at,
      'index:value (a feature index from 1, a colon, a number)',
      excerpt(buf, at, tokenEnd(buf, at, stop)),
    );
  }

  private badIndex(
    buf: Uint8Array,
    start: number,
    at: number,
    stop: number,
    index: number,
    last: number,
  ): ImportError {
    const found = excerpt(buf, at, tokenEnd(buf, at, stop));
    if (index === 0) {
      return this.fail(
        'index-zero',
        buf,
        start,
        at,
        'a feature index of at least 1 (LIBSVM indices start at 1)',
        found,
      );
    }
    return this.fail(
      index === last ? 'index-repeated' : 'index-order',
      buf,
      start,
      at,
      `a feature index greater than ${last} (indices ascend along a line)`,
      index === last ? `${found}, index ${last} again` : found,
    );
  }

  private badValue(
    buf: Uint8Array,
    start: number,
    at: number,
    stop: number,
    index: number,
  ): ImportError {
    const end = tokenEnd(buf, at, stop);
    const colon = buf.indexOf(58, at) + 1;
    const v = this.reader.read(buf, colon, end);
    const finiteOnly =
      isNonFiniteWord(buf, colon, end) || (v === v && v - v !== 0 && this.reader.end === end);
    return this.fail(
      finiteOnly ? 'not-finite' : 'not-a-number',
      buf,
      start,
      colon,
      `a ${finiteOnly ? 'finite ' : ''}number for feature ${index}`,
      excerpt(buf, colon, end),
    );
  }

  finish(): ImportedData {
    this.endLines();
    try {
      const { store } = this;
      if (store.n === 0) {
        throw new ImportError(
          'empty',
          1,
          1,
          'a row of data (label index:value …)',
          this.lines > 1 ? 'only blank lines' : 'an empty file',
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
      // Labels alone (every feature left out) give d = 0: nothing to train on.
      if (this.d === 0) {
        throw new ImportError(
          'syntax',
          null,
          null,
          'at least one feature (index:value) in some row',
          'labels only',
        );
      }
      const { x, y } = store.pack(this.d);
      const labels = this.labels.toPlusMinus(y, store.n);
      return {
        format: 'libsvm',
        x,
        y,
        n: store.n,
        d: this.d,
        nPositive: labels[0].rows,
        labels,
        header: null,
        featureNames: Array.from({ length: this.d }, (_, j) => `x${j}`),
        labelName: null,
        bytes: this.bytesRead,
        lines: this.lines,
      };
    } catch (e) {
      throw this.spent(e);
    }
  }
}

function skipBlank(buf: Uint8Array, p: number, stop: number): number {
  while (p < stop && (buf[p] === 32 || buf[p] === 9)) p++;
  return p;
}

/** The end of the token at p: the next space, tab or '#', or stop. */
function tokenEnd(buf: Uint8Array, p: number, stop: number): number {
  while (p < stop && buf[p] !== 32 && buf[p] !== 9 && buf[p] !== 35) p++;
  return p;
}
