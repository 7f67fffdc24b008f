import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/dataset.ts';
import { datasetText, type ExportFormat } from '../../../src/core/export-formats.ts';
import { datasetHash } from '../../../src/core/import/dataset-hash.ts';
import { experiment } from '../helpers.ts';
import { expectSameBits, importText } from './helpers.ts';

const join = (chunks: Iterable<string>) => [...chunks].join('');
const FORMATS: ExportFormat[] = ['csv', 'libsvm'];

/** Exports data in `format`, imports the text back (cut at `cuts`), as a Dataset. */
function roundTrip(data: Dataset, format: ExportFormat, cuts: number[] = []): Dataset {
  const back = importText(format, join(datasetText(data, format, 3)), {}, cuts);
  return { x: back.x, y: back.y, n: back.n, d: back.d, nPositive: back.nPositive };
}

const datasets = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 25 }))
  .chain(([d, n]) =>
    fc.record({
      d: fc.constant(d),
      n: fc.constant(n),
      x: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
        minLength: n * d,
        maxLength: n * d,
      }),
      // Both classes present: the first row +1, the second −1, the rest any.
      y: fc.array(fc.boolean(), { minLength: n - 2, maxLength: n - 2 }),
    }),
  )
  .map(({ d, n, x, y }): Dataset => {
    const labels = [1, -1, ...y.map((b) => (b ? 1 : -1))];
    return {
      x: Float64Array.from(x),
      y: Float64Array.from(labels),
      n,
      d,
      nPositive: labels.filter((v) => v > 0).length,
    };
  });

describe('import ∘ export', () => {
  it('gives back every double bit for bit (−0 included), any d, in both formats', () => {
    fc.assert(
      fc.property(datasets, fc.integer({ min: 1, max: 97 }), (data, step) => {
        for (const format of FORMATS) {
          const text = join(datasetText(data, format));
          const cuts = [];
          for (let k = step; k < text.length; k += step) cuts.push(k);
          const back = roundTrip(data, format, cuts);
          // LIBSVM's d is the largest index written: the exporter writes every feature.
          expect([back.n, back.d, back.nPositive]).toEqual([data.n, data.d, data.nPositive]);
          expectSameBits(back.x, data.x);
          expectSameBits(back.y, data.y);
          expect(datasetHash(back.x, back.y, back.n, back.d)).toBe(
            datasetHash(data.x, data.y, data.n, data.d),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('export ∘ import', () => {
  it("gives back a file in the exporter's own format byte for byte (d = 2 and 5)", () => {
    for (const trueW of [
      [1, -0.6],
      [0.5, -1, 2, 0.25, -3],
    ]) {
      const { data } = experiment({ trueW, nPerClass: 500 });
      for (const format of FORMATS) {
        const file = join(datasetText(data, format));
        const parsed = importText(format, file);
        expect(join(datasetText(parsed, format))).toBe(file);
        expect(parsed.d).toBe(trueW.length);
      }
    }
  });

  it('writes −0 as "-0" so it survives', () => {
    const data: Dataset = {
      x: Float64Array.from([-0, 0, 1, -0]),
      y: Float64Array.from([1, -1]),
      n: 2,
      d: 2,
      nPositive: 1,
    };
    expect(join(datasetText(data, 'csv'))).toBe('x0,x1,label\n-0,0,1\n1,-0,-1\n');
    expect(join(datasetText(data, 'libsvm'))).toBe('+1 1:-0 2:0\n-1 1:1 2:-0\n');
  });
});
