import { describe, expect, it } from 'vitest';
import { expectSameAtEverySplit, expectSameBits, importText, plain } from './helpers.ts';

describe('CsvImporter: good files', () => {
  it('reads a header, the features in order and the last column as the label', () => {
    const data = importText('csv', 'a,b,label\n1.5,-2,1\n0.25,3e2,-1\n');
    expect(plain(data)).toEqual({
      format: 'csv',
      x: [1.5, -2, 0.25, 300],
      y: [1, -1],
      n: 2,
      d: 2,
      nPositive: 1,
      labels: [
        { text: '1', y: 1, rows: 1 },
        { text: '-1', y: -1, rows: 1 },
      ],
      header: ['a', 'b', 'label'],
      featureNames: ['a', 'b'],
      labelName: 'label',
      bytes: 31,
      lines: 3,
    });
  });

  it('takes an all-number first line as data (header auto), and can be told either way', () => {
    const text = '1,2,1\n3,4,0\n';
    const auto = importText('csv', text);
    expect(auto.header).toBeNull();
    expect(auto.featureNames).toEqual(['x0', 'x1']);
    expect(auto.n).toBe(2);
    const yes = importText('csv', '1,2,1\n3,4,0\n5,6,1\n', { header: 'yes' });
    expect(yes.header).toEqual(['1', '2', '1']);
    expect(yes.n).toBe(2);
    // A label column of text does not make a header: only the features' fields count.
    expect(importText('csv', '1,2,yes\n3,4,no\n').n).toBe(2);
    // A header of numbers but one: still a header.
    expect(importText('csv', '1,w,y\n3,4,0\n5,6,1\n').header).toEqual(['1', 'w', 'y']);
  });

  it('chooses the label column by index (from 0; negative from the end) or by header name', () => {
    const text = 'y,a,b\n1,10,20\n0,30,40\n';
    for (const labelColumn of [0, -3, 'y']) {
      const data = importText('csv', text, { labelColumn });
      expect(plain(data)).toMatchObject({ x: [10, 20, 30, 40], y: [1, -1], labelName: 'y' });
      expect(data.featureNames).toEqual(['a', 'b']);
    }
    const middle = importText('csv', text, { labelColumn: 'a' });
    expect(plain(middle)).toMatchObject({
      x: [1, 20, 0, 40],
      y: [-1, 1],
      featureNames: ['y', 'b'],
    });
  });

  it('maps labels to ±1: the label that sorts last is +1 (numbers by value, else as text)', () => {
    const cases: [string, string, string][] = [
      ['1', '-1', '1'],
      ['-1', '1', '1'],
      ['0', '1', '1'],
      ['1', '0', '1'],
      ['2', '10', '10'], // by value, not as text
      ['no', 'yes', 'yes'],
      ['yes', 'no', 'yes'],
      ['B', 'a', 'a'], // code units: 'a' > 'B'
      ['spam', '1', 'spam'], // one is not a number: as text, '1' < 's'
    ];
    for (const [first, second, positive] of cases) {
      const data = importText('csv', `0.5,${first}\n1.5,${second}\n2.5,${first}\n`);
      expect(data.labels.map((l) => l.text)).toContain(positive);
      expect(data.labels[0]).toEqual({
        text: positive,
        y: 1,
        rows: positive === first ? 2 : 1,
      });
      expect(Array.from(data.y)).toEqual(positive === first ? [1, -1, 1] : [-1, 1, -1]);
      expect(data.nPositive).toBe(positive === first ? 2 : 1);
    }
  });

  it('takes "1", "+1" and "1.0" for one class (a label that is a number is its value)', () => {
    const data = importText('csv', '0,+1\n1,-1\n2,1\n3,1.0\n4,-1.0\n');
    expect(data.labels).toEqual([
      { text: '+1', y: 1, rows: 3 },
      { text: '-1', y: -1, rows: 2 },
    ]);
    expect(Array.from(data.y)).toEqual([1, -1, 1, 1, -1]);
  });

  it('reads d = 1, 2, 5 and 40', () => {
    for (const d of [1, 2, 5, 40]) {
      const rows = [0, 1, 2].map((i) => Array.from({ length: d }, (_, j) => i * 100 + j + 0.5));
      const text = rows.map((r, i) => `${r.join(',')},${i % 2 === 0 ? 'a' : 'b'}\n`).join('');
      const data = importText('csv', text);
      expect(data.d).toBe(d);
      expect(data.n).toBe(3);
      expectSameBits(data.x, rows.flat());
      expect(Array.from(data.y)).toEqual([-1, 1, -1]);
      expect(data.featureNames).toHaveLength(d);
    }
  });

  it('skips a UTF-8 BOM, reads CRLF line ends, blank lines and a last line without a newline', () => {
    const plainText = importText('csv', 'a,b,y\n1,2,1\n3,4,0\n');
    const variants = [
      '\uFEFFa,b,y\n1,2,1\n3,4,0\n',
      'a,b,y\r\n1,2,1\r\n3,4,0\r\n',
      '\uFEFFa,b,y\r\n\r\n1,2,1\r\n  \r\n3,4,0',
      '\n\na,b,y\n1,2,1\n\n3,4,0\n\n',
    ];
    for (const text of variants) {
      const data = importText('csv', text);
      expect(plain({ ...data, bytes: 0, lines: 0 })).toEqual(
        plain({ ...plainText, bytes: 0, lines: 0 }),
      );
    }
    expect(importText('csv', '\uFEFFa,b,y\n1,2,1\n3,4,0').bytes).toBe(20);
  });

  it('trims spaces and tabs around fields and reads quoted fields (RFC 4180)', () => {
    const data = importText(
      'csv',
      '"width, cm", "say ""hi""" ,\t"label"\n 1.5 ,\t" 2\t" , "yes"\n3,4,no\n',
    );
    expect(data.header).toEqual(['width, cm', 'say "hi"', 'label']);
    expect(plain(data)).toMatchObject({ x: [1.5, 2, 3, 4], y: [1, -1] });
    expect(data.labels[0].text).toBe('yes');
  });

  it('reads semicolons and tabs as the delimiter when told', () => {
    const semicolon = importText('csv', 'a;b;y\n1;2;1\n3;4;0\n', { delimiter: ';' });
    expect(plain(semicolon)).toMatchObject({ x: [1, 2, 3, 4], featureNames: ['a', 'b'] });
    const tab = importText('csv', 'a\tb\ty\n1\t2\t1\n3\t4\t0\n', { delimiter: '\t' });
    expect(plain(tab)).toMatchObject({ x: [1, 2, 3, 4], featureNames: ['a', 'b'] });
  });

  it('reads header names and labels in any UTF-8, split anywhere', () => {
    const data = importText('csv', 'größe,ü🙂,klasse\n1,2,ja\n3,4,nein\n');
    expect(data.header).toEqual(['größe', 'ü🙂', 'klasse']);
    expect(data.labels.map((l) => l.text)).toEqual(['nein', 'ja']);
  });

  it('gives the same data or error whatever the chunks (every split of small files)', () => {
    const files = [
      '\uFEFFa,"b ""q""",y\r\n1.25,-2e-3,yes\r\n\r\n3,4,no',
      'x,y\n0.1,1\n-0.30000000000000004,0\n',
      'größe;klasse\n1;ja\n2;nein\n',
      '1,2,1\n3,4,0\n5,6,2\n',
      'a,b,y\n1,2,1\n3,4\n',
      '\uFEFF',
      'a,b,y\n1,2,1\n3,x4,0\n',
    ];
    for (const text of files) {
      expectSameAtEverySplit('csv', text, { delimiter: text.includes(';') ? ';' : ',' });
    }
  });

  it('sizes its buffers from sizeHint without changing the data, however wrong the hint', () => {
    let text = 'a,b,y\n';
    for (let i = 0; i < 5000; i++) text += `${i * 0.001},${-i},${i % 3 === 0 ? 1 : 0}\n`;
    const bytes = new TextEncoder().encode(text);
    const reference = importText('csv', bytes);
    for (const sizeHint of [0, 10, bytes.length, 100 * bytes.length]) {
      const cuts = Array.from({ length: 40 }, (_, k) => Math.floor((k * bytes.length) / 40));
      const data = importText('csv', bytes, { sizeHint }, cuts.slice(1));
      expectSameBits(data.x, reference.x);
      expectSameBits(data.y, reference.y);
      // Views on at most a quarter more than the data, or exact copies.
      expect(data.x.buffer.byteLength).toBeLessThanOrEqual(1.25 * data.x.byteLength);
      // The exact size: one buffer sized from the estimate (rows + 10%), handed out as a view.
      if (sizeHint === bytes.length) {
        expect(data.x.buffer.byteLength).toBeGreaterThan(data.x.byteLength);
      }
    }
  });
});
