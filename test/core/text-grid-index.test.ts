import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.ts';
import { supportVectorIndices } from '../../src/core/support-vectors.ts';
import { textGrid } from '../../src/core/text-grid.ts';
import { TextGridIndex, TextGridIndexBuilder } from '../../src/core/text-grid-index.ts';
import { experiment } from './helpers.ts';

/** The reference path: the full support-vector list of (w, b), then textGrid. */
function reference(data: Dataset, w: Float64Array, b: number, g: number): string {
  return textGrid(w, b, data, supportVectorIndices(data.x, data.y, w, b), g);
}

/**
 * Points on a coarse lattice (so cells fill up and compete), some repeated exactly or within a
 * millionth (the six-decimal key-mates the reference marks together), perhaps with the other
 * label, a few outside [−3, 3]².
 */
const datasets = fc
  .array(
    fc.record({
      x0: fc.integer({ min: -70, max: 70 }),
      x1: fc.integer({ min: -70, max: 70 }),
      jitter: fc.constantFrom(0, 0, 0, 3e-7, -4e-7, 2e-6),
      copies: fc.integer({ min: 1, max: 3 }),
      positive: fc.boolean(),
      /** Copies alternate labels: a key-mate may be a support vector when the marker is not. */
      alternate: fc.boolean(),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((pts): Dataset => {
    const x: number[] = [];
    const y: number[] = [];
    for (const p of pts) {
      for (let k = 0; k < p.copies; k++) {
        x.push(p.x0 / 20 + k * p.jitter, p.x1 / 20 - k * p.jitter);
        y.push(p.positive !== (p.alternate && k % 2 === 1) ? 1 : -1);
      }
    }
    return {
      x: Float64Array.from(x),
      y: Float64Array.from(y),
      n: y.length,
      d: 2,
      nPositive: y.filter((v) => v > 0).length,
    };
  });

const weights = fc.tuple(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
);

describe('TextGridIndex', () => {
  it('renders the article’s grids exactly as textGrid does', () => {
    const { data, model } = experiment();
    const index = TextGridIndex.of(data, 21);
    expect(index.render(model.w, model.b)).toBe(reference(data, model.w, model.b, 21));
    const w = Float64Array.of(1.638, -1.006);
    expect(index.render(w, 0.545)).toBe(reference(data, w, 0.545, 21));
  });

  it('matches textGrid for any data, weights and grid size, however the scans are sliced', () => {
    fc.assert(
      fc.property(
        datasets,
        weights,
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 50 }),
        (data, [w0, w1, b], g, chunk) => {
          const builder = new TextGridIndexBuilder(data, g);
          while (!builder.done) builder.advance(chunk);
          const index = builder.index();
          const w = Float64Array.of(w0, w1);
          expect(index.render(w, b)).toBe(reference(data, w, b, g));
          // A second set of weights over the same index.
          const v = Float64Array.of(-w1, w0);
          expect(index.render(v, -b)).toBe(reference(data, v, -b, g));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what the grid cannot draw', () => {
    const { data } = experiment();
    expect(() => new TextGridIndexBuilder(data, 1)).toThrow(/grid size must be an integer >= 2/);
    expect(() => TextGridIndex.of(data, 21).render(Float64Array.of(1), 0)).toThrow(/d = 2/);
    expect(() => new TextGridIndexBuilder(data, 21).index()).toThrow(/not finished/);
  });
});
