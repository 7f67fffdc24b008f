import { describe, expect, it } from 'vitest';
import { checkImportSize, MAX_IMPORT_BYTES } from '../../../src/core/import/import-limits.ts';
import { createImporter } from '../../../src/core/import/import-data.ts';
import { ImportError, type ImportFormat } from '../../../src/core/import/types.ts';
import { expectSameAtEverySplit, importError } from './helpers.ts';

/** [format, file, code, line, column, exact message] */
type Case = [ImportFormat, string, string, number | null, number | null, string];

const cases: Case[] = [
  [
    'csv',
    '',
    'empty',
    1,
    1,
    'Line 1, column 1: expected a header or a row of data, found an empty file.',
  ],
  [
    'csv',
    '\uFEFF\r\n',
    'empty',
    1,
    1,
    'Line 1, column 1: expected a header or a row of data, found an empty file.',
  ],
  [
    'csv',
    '\n \n\t\n',
    'empty',
    1,
    1,
    'Line 1, column 1: expected a header or a row of data, found only blank lines.',
  ],
  [
    'csv',
    'a,b,label\n',
    'header-only',
    2,
    1,
    'Line 2, column 1: expected a row of data after the header, found the end of the file.',
  ],
  [
    'csv',
    'a,b,label',
    'header-only',
    2,
    1,
    'Line 2, column 1: expected a row of data after the header, found the end of the file.',
  ],
  [
    'csv',
    'a,b,y\n1,2,1\n3,4\n',
    'ragged',
    3,
    4,
    'Line 3, column 4: expected 3 fields, as on line 1, found 2 fields.',
  ],
  [
    'csv',
    'a,b,y\n1,2,1\n3,4,0,5\n',
    'ragged',
    3,
    7,
    'Line 3, column 7: expected 3 fields, as on line 1, found 4 fields.',
  ],
  [
    'csv',
    '\n1,2,1\n3\n',
    'ragged',
    3,
    2,
    'Line 3, column 2: expected 3 fields, as on line 2, found 1 field.',
  ],
  [
    'csv',
    'a,b,y\n1,2,1\n3,abc,0\n',
    'not-a-number',
    3,
    3,
    'Line 3, column 3: expected a number for feature "b", found "abc".',
  ],
  [
    'csv',
    'a,b,y\n1,2,1\n3, 4x ,0\n',
    'not-a-number',
    3,
    4,
    'Line 3, column 4: expected a number for feature "b", found "4x".',
  ],
  [
    'csv',
    'a,b,y\n1,2,1\n,4,0\n',
    'not-a-number',
    3,
    1,
    'Line 3, column 1: expected a number for feature "a", found an empty field.',
  ],
  [
    'csv',
    'a,b,y\n1,2,1\n0x1F,4,0\n',
    'not-a-number',
    3,
    1,
    'Line 3, column 1: expected a number for feature "a", found "0x1F".',
  ],
  [
    'csv',
    'é,b,y\n1,2,1\n3,"4\r",0\n',
    'not-a-number',
    3,
    3,
    'Line 3, column 3: expected a number for feature "b", found "4\\r".',
  ],
  [
    'csv',
    'ü,b,y\n1,2,1\n3,NaN,0\n',
    'not-finite',
    3,
    3,
    'Line 3, column 3: expected a finite number for feature "b", found "NaN".',
  ],
  [
    'csv',
    '1,2,1\n-Infinity,4,0\n',
    'not-finite',
    2,
    1,
    'Line 2, column 1: expected a finite number for feature "x0", found "-Infinity".',
  ],
  [
    'csv',
    '1,2,1\n3,1e999,0\n',
    'not-finite',
    2,
    3,
    'Line 2, column 3: expected a finite number for feature "x1", found "1e999".',
  ],
  [
    'csv',
    '1,2,1\n3,inf,0\n',
    'not-finite',
    2,
    3,
    'Line 2, column 3: expected a finite number for feature "x1", found "inf".',
  ],
  [
    'csv',
    'a,b,y\n1,2,1\n3,4,1\n',
    'one-class',
    null,
    null,
    'The file: expected two distinct labels, found only "1" (in all 2 rows).',
  ],
  [
    'csv',
    'a,b,y\n1,2,+1\n3,4,1.0\n',
    'one-class',
    null,
    null,
    'The file: expected two distinct labels, found only "+1" (in all 2 rows).',
  ],
  [
    'csv',
    'a,b,y\n1,2,cat\n3,4,dog\n5,6,bird\n',
    'third-label',
    4,
    5,
    'Line 4, column 5: expected one of the two labels "cat" and "dog", found a third: "bird".',
  ],
  [
    'csv',
    '1,2,1\n3,4,0\n5,6,-1\n',
    'third-label',
    3,
    5,
    'Line 3, column 5: expected one of the two labels "1" and "0", found a third: "-1".',
  ],
  [
    'csv',
    'a,b,y\n1,2,\n',
    'bad-label',
    2,
    5,
    'Line 2, column 5: expected a label (a number or a name; not NaN or Infinity), found an empty field.',
  ],
  [
    'csv',
    'a,b,y\n1,2,NaN\n',
    'bad-label',
    2,
    5,
    'Line 2, column 5: expected a label (a number or a name; not NaN or Infinity), found "NaN".',
  ],
  [
    'csv',
    'a\n1\n',
    'too-few-columns',
    1,
    null,
    'Line 1: expected at least 2 fields (features, then a label), found 1 field ("a"; is the delimiter ","?).',
  ],
  [
    'csv',
    'a,b,y\n1,"2,1\n',
    'unclosed-quote',
    2,
    3,
    'Line 2, column 3: expected a closing quote before the end of the line (a quoted field may not span lines), found "\\"2,1".',
  ],
  [
    'csv',
    '"a"b,c\n1,2\n',
    'syntax',
    1,
    4,
    'Line 1, column 4: expected "," or the end of the line after a closing quote, found "b".',
  ],
  [
    'libsvm',
    '',
    'empty',
    1,
    1,
    'Line 1, column 1: expected a row of data (label index:value …), found an empty file.',
  ],
  [
    'libsvm',
    '# only a comment\n\n',
    'empty',
    1,
    1,
    'Line 1, column 1: expected a row of data (label index:value …), found only blank lines.',
  ],
  [
    'libsvm',
    '+1 1:0.5 2:1\n-1 0:3 2:1\n',
    'index-zero',
    2,
    4,
    'Line 2, column 4: expected a feature index of at least 1 (LIBSVM indices start at 1), found "0:3".',
  ],
  [
    'libsvm',
    '+1 1:0.5 3:1\n-1 3:3 2:1\n',
    'index-order',
    2,
    8,
    'Line 2, column 8: expected a feature index greater than 3 (indices ascend along a line), found "2:1".',
  ],
  [
    'libsvm',
    '+1 1:0.5 3:1\n-1 2:3 2:1\n',
    'index-repeated',
    2,
    8,
    'Line 2, column 8: expected a feature index greater than 2 (indices ascend along a line), found "2:1", index 2 again.',
  ],
  [
    'libsvm',
    '+1 1:0.5\n-1 1:abc\n',
    'not-a-number',
    2,
    6,
    'Line 2, column 6: expected a number for feature 1, found "abc".',
  ],
  [
    'libsvm',
    '+1 1:0.5\n-1 1:nan 2:1\n',
    'not-finite',
    2,
    6,
    'Line 2, column 6: expected a finite number for feature 1, found "nan".',
  ],
  [
    'libsvm',
    '+1 1:0.5\n-1 1:2 x\n',
    'syntax',
    2,
    8,
    'Line 2, column 8: expected index:value (a feature index from 1, a colon, a number), found "x".',
  ],
  [
    'libsvm',
    '+1 1:0.5\n1:2 2:1\n',
    'syntax',
    2,
    1,
    'Line 2, column 1: expected a label first (label index:value …), found "1:2".',
  ],
  [
    'libsvm',
    '+1 1:0.5\n-1 qid:3 1:2\n',
    'syntax',
    2,
    4,
    'Line 2, column 4: expected index:value (a feature index from 1, a colon, a number), found "qid:3".',
  ],
  [
    'libsvm',
    '+1 1:0.5\n+1 2:1\n',
    'one-class',
    null,
    null,
    'The file: expected two distinct labels, found only "+1" (in all 2 rows).',
  ],
  [
    'libsvm',
    '+1 1:0.5\n-1 2:1\n2 1:1\n',
    'third-label',
    3,
    1,
    'Line 3, column 1: expected one of the two labels "+1" and "-1", found a third: "2".',
  ],
  [
    'libsvm',
    '+1 1:0.5\n-1 1001:1\n',
    'too-many-features',
    2,
    4,
    'Line 2, column 4: expected a feature index of at most 1000, found "1001:1".',
  ],
  [
    'libsvm',
    '+1\n-1\n',
    'syntax',
    null,
    null,
    'The file: expected at least one feature (index:value) in some row, found labels only.',
  ],
];

describe('bad files: the exact message, line and column', () => {
  it.each(cases)('%s %j: %s', (format, text, code, line, column, message) => {
    const e = importError(format, text);
    expect(e.message).toBe(message);
    expect([e.code, e.line, e.column]).toEqual([code, line, column]);
    expect(e.message).toBe(
      `${line === null ? 'The file' : `Line ${line}${column === null ? '' : `, column ${column}`}`}: expected ${e.expected}, found ${e.found}.`,
    );
  });

  it('gives the same error wherever the chunks are cut', () => {
    for (const [format, text] of cases) expectSameAtEverySplit(format, text);
  });

  it('names a UTF-16 file for what it is', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x79, 0, 0x0a, 0, 0x31, 0]);
    for (const format of ['csv', 'libsvm'] as const) {
      expect(importError(format, utf16).message).toBe(
        'Line 1, column 1: expected UTF-8 text, found a UTF-16 file (it starts with the byte-order mark FF FE; save it as UTF-8).',
      );
      expectSameAtEverySplit(format, utf16);
    }
    expect(importError('csv', Uint8Array.from([0xfe, 0xff, 0, 0x61])).code).toBe('encoding');
  });

  it('counts columns in characters, not bytes, after a BOM', () => {
    const e = importError('csv', '\uFEFFé,ü,y\n1,2,1\nö,2,1\n');
    expect(e.message).toBe('Line 3, column 1: expected a number for feature "é", found "ö".');
    // é, 🙂 (two UTF-16 units, four bytes), é, the comma: "x" is the fifth character.
    const after = importError('csv', '\uFEFFy,a\né🙂é,x\n', { labelColumn: 0 });
    expect([after.line, after.column]).toEqual([2, 5]);
  });

  it('quotes at most 40 characters of a field, escaped', () => {
    const long = 'z'.repeat(100);
    const e = importError('csv', `a,y\n1,1\n${long},0\n`);
    expect(e.found).toBe(`"${'z'.repeat(40)}…"`);
    expect(importError('csv', 'a,y\n1,1\n"say ""no""\u0007",0\n').found).toBe(
      '"say \\"no\\"\\u0007"',
    );
  });

  it('refuses a label column that is not there, by index or by name', () => {
    expect(importError('csv', 'a,b\n1,2\n', { labelColumn: 2 }).message).toBe(
      'Line 1: expected a label column from -2 to 1 (2 fields, counted from 0; negative from the end), found 2.',
    );
    expect(importError('csv', 'a,b\n1,2\n', { labelColumn: 'y' }).message).toBe(
      'Line 1: expected a header with a column named "y" for the labels, found the fields "a", "b".',
    );
    expect(importError('csv', 'a,b\n1,2\n', { labelColumn: 'b', header: 'no' }).code).toBe(
      'label-column',
    );
  });

  it('refuses a file over the byte limit before reading it, naming the limit', () => {
    expect(MAX_IMPORT_BYTES).toBe(800_000_000);
    expect(() => checkImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    let error: unknown;
    try {
      checkImportSize(2 ** 30);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'The file: expected at most 800 MB, found 1.07 GB (1073741824 bytes).',
    );
    expect((error as ImportError).code).toBe('file-too-large');
  });

  it('is spent after an error: every later call throws the same error', () => {
    const importer = createImporter('csv');
    expect(() => importer.push(new TextEncoder().encode('a,y\n1,1\nx,0\n'))).toThrow(
      /Line 3, column 1/,
    );
    expect(() => importer.push(new TextEncoder().encode('2,0\n'))).toThrow(/Line 3, column 1/);
    expect(() => importer.finish()).toThrow(/Line 3, column 1/);
    const done = createImporter('libsvm');
    done.push(new TextEncoder().encode('1 1:1\n0 1:2\n'));
    expect(done.finish().n).toBe(2);
    expect(() => done.push(new TextEncoder().encode('1 1:1\n'))).toThrow('push after finish');
    expect(() => done.finish()).toThrow('finish called twice');
    const spent = createImporter('libsvm');
    expect(() => spent.finish()).toThrow(/empty file/);
    expect(() => spent.finish()).toThrow(/empty file/);
  });
});
