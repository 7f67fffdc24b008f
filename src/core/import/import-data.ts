/**
 * The importers' front door: pick the parser for a format, guess a file's format, preview a CSV.
 * (Implementations in csv-importer.ts and libsvm-importer.ts; the hash in dataset-hash.ts.)
 */
import type {
  CsvImportOptions,
  CsvPreview,
  ImportFormat,
  Importer,
  LibsvmImportOptions,
} from './types.ts';

/** A new importer for `format` (see types.ts for the contract and the options' defaults). */
export function createImporter(format: 'csv', options?: CsvImportOptions): Importer;
export function createImporter(format: 'libsvm', options?: LibsvmImportOptions): Importer;
export function createImporter(
  format: ImportFormat,
  options?: CsvImportOptions | LibsvmImportOptions,
): Importer;
export function createImporter(
  _format: ImportFormat,
  _options: CsvImportOptions | LibsvmImportOptions = {},
): Importer {
  throw new Error('not yet');
}

/**
 * The format of a file from its name and first bytes: '.csv', '.tsv' or '.txt' whose first
 * line has no `index:value` token → 'csv'; '.libsvm', '.svm', '.svmlight', or a first line like
 * `label 1:0.5 …` → 'libsvm'. Anything else: 'csv'.
 */
export function guessFormat(_name: string, _head: Uint8Array): ImportFormat {
  throw new Error('not yet');
}

/**
 * The first line of a CSV file read from its first bytes (at least that line, e.g. 64 kB):
 * its fields and whether 'auto' would call it a header. Null when `head` has no non-blank line.
 */
export function previewCsv(
  _head: Uint8Array,
  _delimiter: ',' | ';' | '\t' = ',',
): CsvPreview | null {
  throw new Error('not yet');
}
