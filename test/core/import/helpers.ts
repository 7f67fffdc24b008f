/** Test helpers for the importers: text in (whole, or split anywhere), data or the error out. */
import { expect } from 'vitest';
import { createImporter } from '../../../src/core/import/import-data.ts';
import {
  ImportError,
  type CsvImportOptions,
  type ImportFormat,
  type ImportedData,
} from '../../../src/core/import/types.ts';

const encoder = new TextEncoder();

export function bytesOf(text: string | Uint8Array): Uint8Array {
  return typeof text === 'string' ? encoder.encode(text) : text;
}

/** Imports `text` pushed in chunks cut at the byte positions `cuts` (ascending). */
export function importText(
  format: ImportFormat,
  text: string | Uint8Array,
  options: CsvImportOptions = {},
  cuts: number[] = [],
): ImportedData {
  const bytes = bytesOf(text);
  const importer = createImporter(format, options);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    importer.push(bytes.subarray(at, cut));
    at = cut;
  }
  return importer.finish();
}

/** The ImportError importing `text` throws (failing the test when it throws none). */
export function importError(
  format: ImportFormat,
  text: string | Uint8Array,
  options: CsvImportOptions = {},
  cuts: number[] = [],
): ImportError {
  try {
    importText(format, text, options, cuts);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError, the import succeeded');
}

/** The data as plain values (x and y as arrays, −0 kept by toEqual's Object.is). */
export function plain(data: ImportedData): Record<string, unknown> {
  return { ...data, x: Array.from(data.x), y: Array.from(data.y) };
}

/** Every way to cut `bytes` in two, plus one byte a chunk: all give `whole`'s result. */
export function expectSameAtEverySplit(
  format: ImportFormat,
  text: string | Uint8Array,
  options: CsvImportOptions = {},
): void {
  const bytes = bytesOf(text);
  const outcome = (cuts: number[]): unknown => {
    try {
      return plain(importText(format, bytes, options, cuts));
    } catch (e) {
      if (e instanceof ImportError) return { error: e.message, code: e.code };
      throw e;
    }
  };
  const whole = outcome([]);
  for (let k = 0; k <= bytes.length; k++) expect(outcome([k]), `cut at ${k}`).toEqual(whole);
  const single = Array.from({ length: bytes.length }, (_, k) => k);
  expect(outcome(single), 'one byte a chunk').toEqual(whole);
}

/** Bit-for-bit equality of two Float64Arrays (−0 ≠ +0). */
export function expectSameBits(a: Float64Array, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) throw new Error(`at ${i}: ${a[i]} vs ${b[i]}`);
  }
}
