/**
 * The limits of an imported dataset, written once: the importers' messages, the size check and
 * the page's hints all read these constants.
 */
import { ImportError } from './types.ts';

/** At most 10^7 rows, the generator's limit (recipe.ts MAX_POINTS). */
export const MAX_IMPORT_ROWS = 10_000_000;

/** At most 1,000 features: the data are held dense (n·d doubles). */
export const MAX_IMPORT_FEATURES = 1000;

/**
 * At most 5·10^7 feature values (rows × d): 400 MB of float64 — 10^7 rows at d = 5, or 5·10^4 at
 * d = 1,000. The worker holds them once, beside 8 bytes a row for the labels.
 */
export const MAX_IMPORT_VALUES = 50_000_000;

/** Files over 800 MB are refused before reading (10^7 rows of d = 2 in the exporter's CSV: ~430 MB). */
export const MAX_IMPORT_BYTES = 800_000_000;

/** One line may hold at most 16 MB (MAX_IMPORT_FEATURES values of any sane length fit easily). */
export const MAX_IMPORT_LINE_BYTES = 16_000_000;

/** The limits an importer applies (IMPORT_LIMITS; tests pass small ones to reach them cheaply). */
export interface ImportLimits {
  readonly rows: number;
  readonly features: number;
  /** Rows × features. */
  readonly values: number;
  readonly lineBytes: number;
}

export const IMPORT_LIMITS: ImportLimits = Object.freeze({
  rows: MAX_IMPORT_ROWS,
  features: MAX_IMPORT_FEATURES,
  values: MAX_IMPORT_VALUES,
  lineBytes: MAX_IMPORT_LINE_BYTES,
});

/**
 * Why `rows` rows of d features are too many, as an ImportError's code, expected and found, or
 * null when they fit: over limits.rows, or over limits.values (rows × d, said in bytes too).
 */
export function rowsProblem(
  rows: number,
  d: number,
  limits: ImportLimits,
): { code: 'too-many-rows' | 'too-much-memory'; expected: string; found: string } | null {
  if (rows > limits.rows) {
    return { code: 'too-many-rows', expected: `at most ${limits.rows} rows`, found: 'more' };
  }
  if (rows * d <= limits.values) return null;
  return {
    code: 'too-much-memory',
    expected: `at most ${limits.values} values (rows × features, ${byteText(8 * limits.values)})`,
    found: `${rows} rows of ${d} features`,
  };
}

/** Bytes in words, as the messages write them: "800 MB", "1.07 GB", "512 bytes". */
export function byteText(bytes: number): string {
  if (bytes >= 1e9) return `${Number((bytes / 1e9).toPrecision(3))} GB`;
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toPrecision(3))} MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toPrecision(3))} kB`;
  return `${bytes} bytes`;
}

/**
 * Throws ImportError('file-too-large') for a file over MAX_IMPORT_BYTES, so a 1 GB file is refused
 * before a byte is read: "The file: expected at most 800 MB, found 1.07 GB (1073741824 bytes)."
 */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'file-too-large',
      null,
      null,
      `at most ${byteText(MAX_IMPORT_BYTES)}`,
      `${byteText(bytes)} (${bytes} bytes)`,
    );
  }
}
