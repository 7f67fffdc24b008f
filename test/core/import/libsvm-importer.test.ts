import { describe, expect, it } from 'vitest';
import { expectSameAtEverySplit, expectSameBits, importText, plain } from './helpers.ts';

describe('LibsvmImporter: good files', () => {
  it('reads sparse rows: 1-based indices, missing features 0, d the largest index', () => {
    const data = importText('libsvm', '+1 1:0.5 3:-2\n-1 2:7\n+1\n-1 1:1e-3 2:2 3:3\n');
    expect(plain(data)).toEqual({
      format: 'libsvm',
      x: [0.5, 0, -2, 0, 7, 0, 0, 0, 0, 0.001, 2, 3],
      y: [1, -1, 1, -1],
      n: 4,
      d: 3,
      nPositive: 2,
      labels: [
        { text: '+1', y: 1, rows: 2 },
        { text: '-1', y: -1, rows: 2 },
      ],
      header: null,
      featureNames: ['x0', 'x1', 'x2'],
      labelName: null,
      bytes: 42,
      lines: 4,
    });
  });

  it('widens the rows when a larger index comes late, keeping every earlier value', () => {
    const lines: string[] = [];
    const want: number[][] = [];
    for (let i = 0; i < 6000; i++) {
      const row = [i + 0.5, 0];
      lines.push(`${i % 2 ? '1' : '0'} 1:${i + 0.5}`);
      want.push(row);
    }
    lines.push('1 1:1 7:9'); // d grows from 1 to 7 at row 6000 (after the first 4096)
    want.push([1, 0, 0, 0, 0, 0, 9]);
    for (let k = 0; k < 3; k++) {
      lines.push(`0 40:${k}`); // and to 40
      want.push([...Array(39).fill(0), k]);
    }
    const data = importText('libsvm', lines.join('\n'));
    expect(data.d).toBe(40);
    expect(data.n).toBe(6004);
    const dense = want.map((r) => [...r, ...Array(40 - r.length).fill(0)]);
    expectSameBits(data.x, dense.flat());
    expect(data.labels[0]).toEqual({ text: '1', y: 1, rows: 3001 });
  });

  it('narrows rows widened generously early (d = 5 in a stride of 8) as the store grows', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      i,
      -i - 1,
      i / 7,
      0,
      i % 5 === 0 ? 0 : 1 / (i + 1),
    ]);
    const text = rows
      .map((r, i) => `${i % 2} ${r.map((v, j) => (v === 0 ? '' : `${j + 1}:${v}`)).join(' ')}`)
      .join('\n');
    const data = importText('libsvm', text);
    expect([data.n, data.d]).toEqual([3000, 5]);
    expectSameBits(data.x, rows.flat());
  });

  it('reads tabs and runs of spaces, comments, blank lines, CRLF and a BOM', () => {
    const text = '\uFEFF# a comment\r\n1  1:1\t2:2 # trailing\r\n\r\n0\t2:-1 \r\n';
    const data = importText('libsvm', text);
    expect(plain(data)).toMatchObject({ x: [1, 2, 0, -1], y: [1, -1], d: 2, lines: 4 });
  });

  it('maps labels as CSV does: 0/1 and 1/2 give 1 and 2 to +1', () => {
    expect(Array.from(importText('libsvm', '0 1:1\n1 1:2\n').y)).toEqual([-1, 1]);
    expect(Array.from(importText('libsvm', '2 1:1\n1 1:2\n').y)).toEqual([1, -1]);
  });

  it('reads d = 1, 2, 5 and 40', () => {
    for (const d of [1, 2, 5, 40]) {
      const rows = [0, 1, 2].map((i) => Array.from({ length: d }, (_, j) => -i * 10 - j - 0.25));
      const text = rows
        .map((r, i) => `${i === 1 ? '-1' : '+1'} ${r.map((v, j) => `${j + 1}:${v}`).join(' ')}\n`)
        .join('');
      const data = importText('libsvm', text);
      expect([data.n, data.d]).toEqual([3, d]);
      expectSameBits(data.x, rows.flat());
      expect(Array.from(data.y)).toEqual([1, -1, 1]);
    }
  });

  it('gives the same data or error whatever the chunks (every split of small files)', () => {
    const files = [
      '\uFEFF+1 1:0.5 3:-2\r\n-1 2:7\r\n# c\n+1',
      '1 2:-0.30000000000000004 10:1e-300\n0 1:3\n',
      '+1 1:1\n-1 1:2 1:3\n',
    ];
    for (const text of files) expectSameAtEverySplit('libsvm', text);
  });
});
