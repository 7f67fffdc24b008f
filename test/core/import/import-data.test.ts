import { describe, expect, it } from 'vitest';
import { CsvImporter } from '../../../src/core/import/csv-importer.ts';
import { createImporter, guessFormat, previewCsv } from '../../../src/core/import/import-data.ts';
import { LibsvmImporter } from '../../../src/core/import/libsvm-importer.ts';
import { bytesOf } from './helpers.ts';

describe('createImporter', () => {
  it('makes the importer of the format, with its options', () => {
    expect(createImporter('csv')).toBeInstanceOf(CsvImporter);
    expect(createImporter('libsvm')).toBeInstanceOf(LibsvmImporter);
    const importer = createImporter('csv', { labelColumn: 0, header: 'no' });
    importer.push(bytesOf('1,2\n0,3\n'));
    expect(importer.rowsRead).toBe(2);
    expect(importer.bytesRead).toBe(8);
    expect(Array.from(importer.finish().x)).toEqual([2, 3]);
  });

  it('refuses options that are not allowed, naming them', () => {
    expect(() => createImporter('csv', { labelColumn: 1.5 })).toThrow(
      'labelColumn must be an integer or a header name, got 1.5',
    );
    expect(() => createImporter('csv', { delimiter: '|' as ',' })).toThrow(
      "delimiter must be ',', ';' or a tab",
    );
    expect(() => createImporter('csv', { header: 'maybe' as 'yes' })).toThrow(
      "header must be 'auto', 'yes' or 'no', got maybe",
    );
  });
});

describe('guessFormat', () => {
  it('goes by the extension first, then by an index:value token on the first line', () => {
    const svm = bytesOf('\n+1 1:0.5 2:3\n');
    const csv = bytesOf('a,b,y\n1,2,1\n');
    expect(guessFormat('data.csv', svm)).toBe('csv');
    expect(guessFormat('DATA.SVM', csv)).toBe('libsvm');
    expect(guessFormat('a9a.libsvm', csv)).toBe('libsvm');
    expect(guessFormat('a9a', svm)).toBe('libsvm');
    expect(guessFormat('a9a.txt', svm)).toBe('libsvm');
    expect(guessFormat('points.txt', csv)).toBe('csv');
    expect(guessFormat('times.txt', bytesOf('10:30,1\n11:00,0\n'))).toBe('csv');
    expect(guessFormat('empty', new Uint8Array(0))).toBe('csv');
  });
});

describe('previewCsv', () => {
  it("gives the first non-blank line's fields and whether 'auto' takes it as a header", () => {
    expect(previewCsv(bytesOf('\uFEFF\r\n"a, b",c,label\r\n1,2,3\r\n'))).toEqual({
      firstLine: ['a, b', 'c', 'label'],
      header: true,
    });
    expect(previewCsv(bytesOf('1,2,yes\n'))).toEqual({
      firstLine: ['1', '2', 'yes'],
      header: false,
    });
    // With the label first, "yes" is a feature's field: a header.
    expect(previewCsv(bytesOf('1,2,yes\n'), ',', 0)?.header).toBe(true);
    expect(previewCsv(bytesOf('1;2;3'), ';')).toEqual({
      firstLine: ['1', '2', '3'],
      header: false,
    });
  });

  it('is null without a line or with an unclosed quote', () => {
    expect(previewCsv(bytesOf(' \n\n'))).toBeNull();
    expect(previewCsv(bytesOf('"a,b\n'))).toBeNull();
  });

  it("agrees with the importer's header choice", () => {
    for (const text of ['a,b,y\n1,2,1\n3,4,0\n', '1,w,y\n1,2,1\n3,4,0\n', '1,2,1\n3,4,0\n']) {
      const data = createImporter('csv');
      data.push(bytesOf(text));
      expect(data.finish().header !== null).toBe(previewCsv(bytesOf(text))!.header);
    }
  });
});
