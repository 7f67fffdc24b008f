import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.ts';
import { supportVectorIndices } from '../../src/core/support-vectors.ts';
import { textGrid } from '../../src/core/text-grid.ts';
import { experiment } from './helpers.ts';

const article = readFileSync(new URL('../fixtures/report/article.txt', import.meta.url), 'utf8');
/** The 21 grid lines after `heading` in the article's report. */
function gridAfter(heading: string): string {
  const lines = article.split('\n');
  const at = lines.indexOf(heading);
  return lines.slice(at + 1, at + 22).join('\n');
}

function dataset(points: number[][], labels: number[]): Dataset {
  return {
    x: Float64Array.from(points.flat()),
    y: Float64Array.from(labels),
    n: labels.length,
    d: 2,
    nPositive: labels.filter((v) => v > 0).length,
  };
}

describe('textGrid', () => {
  it('draws the article’s grid at random init (golden)', () => {
    const { data, model } = experiment();
    const sv = supportVectorIndices(data.x, data.y, model.w, model.b);
    expect(textGrid(model.w, model.b, data, sv, 21)).toBe(
      gridAfter('decision boundary at random init:'),
    );
  });

  it('draws band, sides and marks with the article’s glyphs', () => {
    // w = (1, 0), b = 0: x < -1 is ',', |x| < 1 is ':', x >= 1 is '.'.
    const data = dataset(
      [
        [-3, 3],
        [3, -3],
        [0, 0],
      ],
      [-1, 1, 1],
    );
    const sv = Uint32Array.of(2);
    expect(textGrid(Float64Array.of(1, 0), 0, data, sv, 5)).toBe(
      ['-,:..', ',,:..', ',,@..', ',,:..', ',,:.+'].join('\n'),
    );
  });

  it('rounds cells half to even and lets a later point overwrite an earlier one', () => {
    // (x + 3)/6·4 = 0.5 rounds to column 0; 1.5 rounds to 2. Point 2 lands on point 1's cell.
    const data = dataset(
      [
        [-2.25, 3],
        [-0.75, 3],
        [-0.75, 3],
      ],
      [1, 1, -1],
    );
    expect(textGrid(Float64Array.of(0, 0), 5, data, new Uint32Array(0), 5).split('\n')[0]).toBe(
      '+.-..',
    );
  });

  it('marks a point whose six-decimal key equals a support vector’s, as the reference does', () => {
    // Point 1 is not a support vector but rounds to the same key as point 0, which is.
    const data = dataset(
      [
        [0.1234561, 0],
        [0.12345649, 0],
      ],
      [1, 1],
    );
    expect(textGrid(Float64Array.of(0, 0), 5, data, Uint32Array.of(0), 3)).toBe('...\n.@.\n...');
    const apart = dataset(
      [
        [0.1234561, 0],
        [0.1234551, 0],
      ],
      [1, 1],
    );
    expect(textGrid(Float64Array.of(0, 0), 5, apart, Uint32Array.of(0), 3)).toBe('...\n.+.\n...');
  });

  it('refuses other dimensions and grids smaller than 2', () => {
    const { data, model } = experiment();
    expect(() => textGrid(model.w, 0, data, new Uint32Array(0), 1)).toThrow(/grid size/);
    expect(() => textGrid(Float64Array.of(1, 2, 3), 0, data, new Uint32Array(0), 5)).toThrow(
      /d = 2/,
    );
  });
});
