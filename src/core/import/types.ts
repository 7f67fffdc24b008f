/**
 * The contract of the dataset importers (issue 17): what a caller passes in, what it gets back,
 * and the one error type every bad file becomes. The parsers live beside this file; the worker
 * (workers/import-job.ts) feeds them bytes and shows their errors' `message` as it is.
 *
 * Use: `const imp = createImporter('csv', { labelColumn: -1 })` (import-data.ts), then
 * `imp.push(chunk)` for every chunk of the file's bytes in order (any sizes; a line, a UTF-8
 * character or the BOM may be split across chunks), then `imp.finish()`. `push` and `finish`
 * throw an ImportError on the first problem; after an error the importer is spent. Nothing is
 * shared with a previous import: the result's buffers are new. `checkImportSize(file.size)`
 * (import-limits.ts) refuses an oversized file before a byte is read.
 */

export type ImportFormat = 'csv' | 'libsvm';

/** Options of the CSV importer. Every field is optional; the defaults are given. */
export interface CsvImportOptions {
  /**
   * Whether the first non-blank line is a header. 'auto' (the default): it is a header when any
   * of its fields outside the label column is not a number (see decimal.ts for what a number
   * is); a file whose first line is all numbers has no header.
   */
  header?: 'auto' | 'yes' | 'no';
  /**
   * The label column: an index counted from 0 (negative counts from the end: -1, the default,
   * is the last column), or a header name (the file must then have a header; the first column
   * of that name). Every other column is a feature, in file order.
   */
  labelColumn?: number | string;
  /** The field separator (default ','). */
  delimiter?: ',' | ';' | '\t';
  /** The file's size in bytes, when known: lets the importer size its buffers once. */
  sizeHint?: number;
}

/** Options of the LIBSVM importer. */
export interface LibsvmImportOptions {
  /** The file's size in bytes, when known: lets the importer size its buffers once. */
  sizeHint?: number;
}

export type ImportOptions = CsvImportOptions | LibsvmImportOptions;

/** One class of the label column: its text in the file and the ±1 it became. */
export interface ImportedLabel {
  /** The label as first written in the file (unquoted; e.g. "1", "+1", "spam"). */
  readonly text: string;
  /** +1 or -1. */
  readonly y: 1 | -1;
  /** Rows with this label. */
  readonly rows: number;
}

/**
 * A parsed dataset. Rows are in file order (not grouped by class). Labels: exactly two classes;
 * the one that sorts last is +1 (labels that both read as numbers compare as numbers, else as
 * text by UTF-16 code units), so 1 is +1 against 0 or -1, 2 against 1, "yes" against "no" —
 * scikit-learn's rule (classes_[1] is the positive class).
 */
export interface ImportedData {
  readonly format: ImportFormat;
  /**
   * Row-major n×d features (row i is x[i·d .. i·d+d)). Its length is exactly n·d; it may be a
   * view on a slightly larger buffer (at most a quarter more) rather than a copy.
   */
  readonly x: Float64Array;
  /** n labels, each +1 or -1 (same buffer rule as x). */
  readonly y: Float64Array;
  readonly n: number;
  /** Features per row, >= 1. LIBSVM: the largest index seen (missing features are 0). */
  readonly d: number;
  /** Rows labelled +1 (anywhere in the file, not a leading block). */
  readonly nPositive: number;
  /** The two classes, +1 first. */
  readonly labels: readonly [ImportedLabel, ImportedLabel];
  /** CSV: the header's fields (every column, label included), or null without a header. */
  readonly header: readonly string[] | null;
  /** The d feature names: the header's (label column left out), else "x0", "x1", … (LIBSVM too). */
  readonly featureNames: readonly string[];
  /** The label column's header name, or null (no header, or LIBSVM). */
  readonly labelName: string | null;
  /** Bytes read (BOM included) and lines seen (blank ones included). */
  readonly bytes: number;
  readonly lines: number;
}

/** What went wrong, as a code a test or the page can branch on; the message says it in words. */
export type ImportErrorCode =
  | 'file-too-large' // the size check before reading
  | 'empty' // no line with anything on it
  | 'header-only' // a header and no row of data
  | 'too-few-columns' // CSV: one column (no room for a feature and a label)
  | 'label-column' // CSV: the chosen label column does not exist
  | 'ragged' // CSV: a row with another number of fields than the first
  | 'unclosed-quote' // CSV: a quoted field not closed on its line
  | 'not-a-number' // a feature that is not a decimal number
  | 'not-finite' // NaN, Infinity, or a number too large for a double (1e999)
  | 'bad-label' // an empty label, or NaN/Infinity as a label
  | 'third-label' // a third distinct label
  | 'one-class' // every row has the same label
  | 'syntax' // LIBSVM: not `label index:value …`; CSV: text after a closing quote
  | 'index-zero' // LIBSVM: index 0 (indices start at 1)
  | 'index-order' // LIBSVM: an index not greater than the one before
  | 'index-repeated' // LIBSVM: the same index twice on a line
  | 'too-many-features' // d over MAX_IMPORT_FEATURES
  | 'too-many-rows' // over MAX_IMPORT_ROWS
  | 'too-much-memory' // rows × d over MAX_IMPORT_VALUES
  | 'line-too-long' // one line over MAX_IMPORT_LINE_BYTES
  | 'encoding'; // a UTF-16 file (its byte-order mark): the importers read UTF-8

/**
 * A bad file. `message` is the exact sentence the page shows:
 * `Line 4, column 7: expected a number (column "x1"), found "abc".` — or, when the problem is
 * the whole file (its size, one class only), `The file: expected …, found ….`
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    /** 1-based line of the file, or null when the problem is the whole file. */
    readonly line: number | null,
    /** 1-based column in characters (code points; a BOM not counted), or null. */
    readonly column: number | null,
    /** What the file should have had there, in words. */
    readonly expected: string,
    /** What it had: a short escaped excerpt in double quotes (at most 40 characters), or words. */
    readonly found: string,
  ) {
    super(
      `${line === null ? 'The file' : `Line ${line}` + (column === null ? '' : `, column ${column}`)}` +
        `: expected ${expected}, found ${found}.`,
    );
  }
}

/** A streaming importer: bytes in, a dataset out. */
export interface Importer {
  /** Parses the next bytes of the file. Throws ImportError. */
  push(chunk: Uint8Array): void;
  /** Ends the file (a last line without a newline counts) and returns the data. Throws ImportError. */
  finish(): ImportedData;
  /** Bytes pushed so far (progress: bytesRead / file size). */
  readonly bytesRead: number;
  /** Rows of data parsed so far. */
  readonly rowsRead: number;
}

/** What the page shows before a CSV import, read from the file's first bytes (previewCsv). */
export interface CsvPreview {
  /** The fields of the first non-blank line, unquoted (a header's names, or a first row). */
  readonly firstLine: readonly string[];
  /** Whether header 'auto' takes that line as a header (the rule of CsvImportOptions.header). */
  readonly header: boolean;
}
