/**
 * A dataset as text, in chunks: CSV and the LIBSVM format. Generators, so 10^7 points stream out
 * a chunk at a time and never sit in one giant string.
 *
 * Numbers are printed with String(v), the shortest text that parses back to the same double
 * (ECMAScript Number::toString), so Number(text) === v for every coordinate. It may use exponent
 * form (1e-7), which CSV readers and strtod-based LIBSVM readers accept. String(-0) is "0", so
 * −0 is written "-0" (numberText): an imported file's −0 comes back as −0, bit for bit (the
 * generator never draws −0: −3 + 6·u is +0 at u = 0.5).
 */
import type { Dataset } from './dataset.ts';

export type ExportFormat = 'csv' | 'libsvm';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'libsvm'];

/** String(v), except −0 as "-0": the shortest text that Number() reads back to v's exact bits. */
export function numberText(v: number): string {
  return v === 0 && 1 / v < 0 ? '-0' : String(v);
}

/** Numbers per chunk: about 0.5 MB of text, whatever the dimension (10 000 rows at d = 2). */
const CHUNK_VALUES = 30_000;

/** Rows per chunk for dimension d: CHUNK_VALUES numbers, at least one row. */
export function defaultChunkRows(d: number): number {
  return Math.max(1, Math.floor(CHUNK_VALUES / (d + 1)));
}

function checkChunkRows(rows: number): void {
  // Zero rows per chunk would never advance.
  if (!Number.isInteger(rows) || rows < 1) {
    throw new RangeError(`rowsPerChunk must be an integer >= 1, got ${rows}`);
  }
}

/**
 * CSV: the header `x0,x1,…,x{d−1},label`, then one line per point (row order): its d coordinates
 * and its label (1 or -1). Lines end with '\n'. Each chunk holds whole lines; the first starts
 * with the header. Concatenated, the chunks are the same text whatever `rowsPerChunk` is.
 */
export function* datasetCsv(
  data: Dataset,
  rowsPerChunk = defaultChunkRows(data.d),
): Generator<string, void, undefined> {
  const { x, y, n, d } = data;
  const header = Array.from({ length: d }, (_, j) => `x${j}`).join(',') + ',label\n';
  checkChunkRows(rowsPerChunk);
  let chunk = header;
  for (let lo = 0; lo < n; lo += rowsPerChunk) {
    const hi = Math.min(n, lo + rowsPerChunk);
    for (let i = lo; i < hi; i++) {
      let line = '';
      for (let j = 0; j < d; j++) line += numberText(x[i * d + j]!) + ',';
      chunk += line + String(y[i]!) + '\n';
    }
    yield chunk;
    chunk = '';
  }
  if (chunk !== '') yield chunk; // no rows: the header alone
}

/**
 * LIBSVM: one line per point (row order), `+1 1:x0 2:x1 …` — the label as +1 or -1, then every
 * feature as index:value with 1-based indices (LIBSVM's convention: feature j is column j+1).
 * Zeros are written too (the format allows omitting them), so every line has d features.
 * Lines end with '\n'; each chunk holds whole lines.
 */
export function* datasetLibsvm(
  data: Dataset,
  rowsPerChunk = defaultChunkRows(data.d),
): Generator<string, void, undefined> {
  checkChunkRows(rowsPerChunk);
  const { x, y, n, d } = data;
  for (let lo = 0; lo < n; lo += rowsPerChunk) {
    const hi = Math.min(n, lo + rowsPerChunk);
    let chunk = '';
    for (let i = lo; i < hi; i++) {
      let line = y[i]! > 0 ? '+1' : '-1';
      for (let j = 0; j < d; j++) line += ` ${j + 1}:${numberText(x[i * d + j]!)}`;
      chunk += line + '\n';
    }
    yield chunk;
  }
}

/** The chunks of `data` in `format` (see datasetCsv and datasetLibsvm). */
export function datasetText(
  data: Dataset,
  format: ExportFormat,
  rowsPerChunk = defaultChunkRows(data.d),
): Generator<string, void, undefined> {
  return format === 'csv' ? datasetCsv(data, rowsPerChunk) : datasetLibsvm(data, rowsPerChunk);
}
