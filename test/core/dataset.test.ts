import { describe, expect, it } from 'vitest';
import { DatasetBuilder, generateDataset } from '../../src/core/dataset.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_RECIPE } from '../../src/core/recipe.ts';

describe('generateDataset', () => {
  it('follows the reference draw order: coordinates, then noise; accepted by class', () => {
    // Replay the stream by hand for the article's recipe and compare every point.
    const data = generateDataset(DEFAULT_RECIPE, new PyRandom(7));
    const rng = new PyRandom(7);
    const pos: number[][] = [];
    const neg: number[][] = [];
    while (pos.length < 30 || neg.length < 30) {
      const p = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
      let score = 0.4;
      score += 1 * p[0]!;
      score += -0.6 * p[1]!;
      score += rng.gauss(0, 0.5);
      if (score >= 0) {
        if (pos.length < 30) pos.push(p);
      } else if (neg.length < 30) neg.push(p);
    }
    expect(Array.from(data.x)).toEqual([...pos, ...neg].flat());
    expect(Array.from(data.y)).toEqual([...Array(30).fill(1), ...Array(30).fill(-1)]);
    expect([data.n, data.d, data.nPositive]).toEqual([60, 2, 30]);
  });

  it('gives the same points however the drawing is sliced', () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 500, trueW: [0.3, -1, 2] };
    const whole = generateDataset(recipe, new PyRandom(99));
    const builder = new DatasetBuilder(recipe, new PyRandom(99));
    let slices = 0;
    while (!builder.advance(37)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(Array.from(builder.result().x)).toEqual(Array.from(whole.x));
    expect(builder.result().d).toBe(3);
  });

  it('gives up with a clear message on a recipe that almost never draws one class', () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 2, trueB: 100, noise: 0 };
    expect(() => generateDataset(recipe, new PyRandom(1))).toThrow(
      /almost never draws negative points: 0 of 2 after 1000000 candidates/,
    );
  });

  it('will not hand out an unfinished dataset', () => {
    const b = new DatasetBuilder(DEFAULT_RECIPE, new PyRandom(7));
    b.advance(3);
    expect(() => b.result()).toThrow(/before the dataset is complete/);
  });
});
