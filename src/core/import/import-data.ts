/**
 * The importers' front door: pick the parser for a format, guess a file's format, preview a CSV.
 */
import { CsvImporter } from './csv-importer.ts';
import { looksLikeHeader } from './csv-shape.ts';
import { splitLine } from './csv-fields.ts';
import { DecimalReader } from './decimal.ts';
import { isBlank } from './line-reader.ts';
import { LibsvmImporter } from './libsvm-importer.ts';
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
  format: ImportFormat,
  options: CsvImportOptions | LibsvmImportOptions = {},
): Importer {
  return format === 'csv' ? new CsvImporter(options) : new LibsvmImporter(options);
}

/** `index:value` after a space or tab: the mark of a LIBSVM line. */
const LIBSVM_TOKEN = /[ \t]\d+:[^\s]/;

/**
 * The format of a file from its name and first bytes: a name ending in .libsvm, .svm, .svmlight
 * or .lsvm → 'libsvm'; .csv or .tsv → 'csv'; otherwise 'libsvm' when the first non-blank line
 * has an `index:value` token after a space or tab, else 'csv'.
 */
export function guessFormat(name: string, head: Uint8Array): ImportFormat {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (['libsvm', 'svm', 'svmlight', 'lsvm'].includes(ext)) return 'libsvm';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  const line = firstLine(head);
  if (line === null) return 'csv';
  let text = '';
  for (let i = line[0]; i < line[1]; i++) text += String.fromCharCode(head[i]!);
  return LIBSVM_TOKEN.test(text) ? 'libsvm' : 'csv';
}

/**
 * The first line of a CSV file read from its first bytes (at least that line, e.g. 64 kB): its
 * fields and whether header 'auto' takes it as a header when the label column is `labelColumn`
 * (an index as in CsvImportOptions; default -1, the last). Null when `head` has no non-blank
 * line, or its first line has an unclosed quote (the import will say where).
 */
export function previewCsv(
  head: Uint8Array,
  delimiter: ',' | ';' | '\t' = ',',
  labelColumn = -1,
): CsvPreview | null {
  const line = firstLine(head);
  if (line === null) return null;
  const split = splitLine(head, line[0], line[1], delimiter.charCodeAt(0));
  if (!('fields' in split)) return null;
  const { fields } = split;
  const lc = labelColumn < 0 ? fields.length + labelColumn : labelColumn;
  return { firstLine: fields, header: looksLikeHeader(fields, lc, new DecimalReader()) };
}

/** The byte range of the first non-blank line of head (BOM and '\r' left out), or null. */
function firstLine(head: Uint8Array): [number, number] | null {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (start < head.length) {
    let stop = head.indexOf(10, start);
    const next = stop < 0 ? head.length : stop + 1;
    if (stop < 0) stop = head.length;
    if (stop > start && head[stop - 1] === 13) stop--;
    if (!isBlank(head, start, stop)) return [start, stop];
    start = next;
  }
  return null;
}
