import { describe, expect, it } from 'vitest';
import { CsvImporter } from '../../../src/core/import/csv-importer.ts';
import {
  IMPORT_LIMITS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_FEATURES,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_VALUES,
  byteText,
  type ImportLimits,
} from '../../../src/core/import/import-limits.ts';
import { LibsvmImporter } from '../../../src/core/import/libsvm-importer.ts';
import type { Importer } from '../../../src/core/import/types.ts';

const small: ImportLimits = { rows: 3, features: 4, values: 8, lineBytes: 32 };

function message(importer: Importer, text: string, chunk = text.length): string {
  const bytes = new TextEncoder().encode(text);
  try {
    for (let at = 0; at < bytes.length; at += chunk) importer.push(bytes.subarray(at, at + chunk));
    importer.finish();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('import limits', () => {
  it('are the documented constants', () => {
    expect(IMPORT_LIMITS).toEqual({
      rows: 10_000_000,
      features: 1000,
      values: 50_000_000,
      lineBytes: 16_000_000,
    });
    expect([MAX_IMPORT_ROWS, MAX_IMPORT_FEATURES, MAX_IMPORT_VALUES, MAX_IMPORT_BYTES]).toEqual([
      1e7, 1000, 5e7, 8e8,
    ]);
    expect([byteText(512), byteText(8e8), byteText(2 ** 30), byteText(4e8)]).toEqual([
      '512 bytes',
      '800 MB',
      '1.07 GB',
      '400 MB',
    ]);
  });

  it('take rows up to the limit and refuse the next one', () => {
    expect(message(new CsvImporter({}, small), 'a,y\n1,1\n2,0\n3,1\n')).toBe('no error');
    expect(message(new CsvImporter({}, small), 'a,y\n1,1\n2,0\n3,1\n4,0\n')).toBe(
      'Line 5, column 1: expected at most 3 rows, found more.',
    );
    expect(message(new LibsvmImporter({}, small), '1 1:1\n0 1:1\n1 1:1\n\n0 1:1\n')).toBe(
      'Line 5, column 1: expected at most 3 rows, found more.',
    );
  });

  it('refuse rows × features over the values limit, saying how much memory that is', () => {
    expect(message(new CsvImporter({}, small), 'a,b,c,y\n1,2,3,1\n4,5,6,0\n7,8,9,1\n')).toBe(
      'Line 4, column 1: expected at most 8 values (rows × features, 64 bytes), found 3 rows of 3 features.',
    );
    // LIBSVM: when d grows past what the rows so far allow, at the index that grows it.
    expect(message(new LibsvmImporter({}, small), '1 1:1\n0 1:1 2:2\n1 1:1 3:3\n')).toBe(
      'Line 3, column 7: expected at most 8 values (rows × features, 64 bytes), found 3 rows of 3 features.',
    );
  });

  it('are what an importer applies unless told otherwise', () => {
    const wide = Array.from({ length: 1002 }, (_, j) => j % 2).join(',') + '\n';
    expect(message(new CsvImporter(), wide)).toBe(
      'Line 1: expected at most 1000 features (1001 fields), found 1002 fields.',
    );
    const fits = Array.from({ length: 1001 }, (_, j) => j % 2).join(',') + '\n';
    expect(message(new CsvImporter(), fits + fits.replace(/0\n$/, '1\n'))).toBe('no error');
  });

  it('refuse more features than the limit', () => {
    expect(message(new CsvImporter({}, small), '1,2,3,4,5,1\n')).toBe(
      'Line 1: expected at most 4 features (5 fields), found 6 fields.',
    );
    expect(message(new LibsvmImporter({}, small), '1 1:1 5:1\n')).toBe(
      'Line 1, column 7: expected a feature index of at most 4, found "5:1".',
    );
  });

  it('refuse a line longer than the limit while it streams in', () => {
    const long = `a,y\n1,1\n${'1'.repeat(40)},0\n`;
    expect(message(new CsvImporter({}, small), long, 5)).toBe(
      'Line 3: expected a line of at most 32 bytes, found a longer one (is this a text file?).',
    );
  });
});
