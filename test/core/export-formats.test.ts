import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.ts';
import {
  datasetCsv,
  datasetLibsvm,
  datasetText,
  defaultChunkRows,
} from '../../src/core/export-formats.ts';
import { experiment } from './helpers.ts';

function dataset(rows: number[][], y: number[]): Dataset {
  const d = rows[0]?.length ?? 2;
  return {
    x: Float64Array.from(rows.flat()),
    y: Float64Array.from(y),
    n: y.length,
    d,
    nPositive: 0,
  };
}

const tiny = dataset(
  [
    [0.1, -2.5],
    [1e-7, 3],
    [-0.30000000000000004, 123456789.125],
  ],
  [1, 1, -1],
);

/** Reads CSV text back: the coordinates row-major and the labels. */
function parseCsv(text: string): { x: number[]; y: number[]; header: string } {
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  const x: number[] = [];
  const y: number[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map(Number);
    y.push(cells.pop()!);
    x.push(...cells);
  }
  return { x, y, header: lines[0]! };
}

/** Reads LIBSVM text back, checking the 1-based indices. */
function parseLibsvm(text: string, d: number): { x: number[]; y: number[] } {
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  const x: number[] = [];
  const y: number[] = [];
  for (const line of lines) {
    const [label, ...features] = line.split(' ');
    y.push(Number(label));
    expect(features.map((f) => f.split(':')[0])).toEqual(
      Array.from({ length: d }, (_, j) => String(j + 1)),
    );
    x.push(...features.map((f) => Number(f.split(':')[1])));
  }
  return { x, y };
}

const join = (chunks: Iterable<string>) => [...chunks].join('');

describe('datasetCsv', () => {
  it('writes the header and one line per point, exactly', () => {
    expect(join(datasetCsv(tiny))).toBe(
      'x0,x1,label\n' + '0.1,-2.5,1\n' + '1e-7,3,1\n' + '-0.30000000000000004,123456789.125,-1\n',
    );
  });

  it('gives the same text however it is chunked; every chunk holds whole lines', () => {
    const whole = join(datasetCsv(tiny));
    for (const rows of [1, 2, 3, 10]) {
      const chunks = [...datasetCsv(tiny, rows)];
      expect(chunks.join('')).toBe(whole);
      expect(chunks.length).toBe(Math.ceil(3 / rows));
      for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    }
  });

  it('writes the header alone for no rows, and rejects a chunk size that would not advance', () => {
    expect(join(datasetCsv(dataset([], [])))).toBe('x0,x1,label\n');
    expect(() => join(datasetCsv(tiny, 0))).toThrow('rowsPerChunk must be an integer >= 1, got 0');
  });

  it('parses back to identical doubles (the article’s dataset)', () => {
    const { data } = experiment();
    const back = parseCsv(join(datasetCsv(data, 7)));
    expect(back.header).toBe('x0,x1,label');
    expect(back.x).toEqual(Array.from(data.x));
    expect(back.y).toEqual(Array.from(data.y));
  });
});

describe('datasetLibsvm', () => {
  it('writes +1/-1 labels and 1-based index:value features, exactly', () => {
    expect(join(datasetLibsvm(tiny))).toBe(
      '+1 1:0.1 2:-2.5\n' + '+1 1:1e-7 2:3\n' + '-1 1:-0.30000000000000004 2:123456789.125\n',
    );
  });

  it('gives the same text however it is chunked', () => {
    const whole = join(datasetLibsvm(tiny));
    for (const rows of [1, 2, 5]) expect(join(datasetLibsvm(tiny, rows))).toBe(whole);
    expect([...datasetLibsvm(dataset([], []))]).toEqual([]);
  });

  it('parses back to identical doubles (d = 3)', () => {
    const { data } = experiment({ trueW: [0.5, -1, 2], nPerClass: 40 });
    const back = parseLibsvm(join(datasetLibsvm(data, 11)), 3);
    expect(back.x).toEqual(Array.from(data.x));
    expect(back.y).toEqual(Array.from(data.y));
  });
});

describe('round trip of arbitrary doubles', () => {
  it('CSV and LIBSVM keep every finite double exactly', () => {
    const row = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
      minLength: 3,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.boolean()), { minLength: 1, maxLength: 20 }),
        (points) => {
          // −0 prints as "0"; the generator never draws it (see export-formats.ts).
          const rows = points.map(([r]) => r.map((v) => (Object.is(v, -0) ? 0 : v)));
          const data = dataset(
            rows,
            points.map(([, positive]) => (positive ? 1 : -1)),
          );
          const csv = parseCsv(join(datasetText(data, 'csv', 4)));
          const svm = parseLibsvm(join(datasetText(data, 'libsvm', 4)), 3);
          expect(csv.x).toEqual(rows.flat());
          expect(svm.x).toEqual(rows.flat());
          expect(svm.y).toEqual(csv.y);
        },
      ),
    );
  });
});

describe('defaultChunkRows', () => {
  it('is 10 000 rows at d = 2 and shrinks with the dimension, never below one row', () => {
    expect(defaultChunkRows(2)).toBe(10_000);
    expect(defaultChunkRows(64)).toBe(461);
    expect(defaultChunkRows(1e9)).toBe(1);
  });
});
