import { describe, expect, it } from 'vitest';
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { makeOptimizer } from '../../src/core/optimizers/make-optimizer.ts';
import { DEFAULT_OPTIMIZER_CHOICE } from '../../src/core/optimizers/optimizer-limits.ts';
import { formatFixed } from '../../src/core/py-format.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { articleReport } from '../../src/core/report.ts';

const GD_REPORT_SHAPE = articleReport(DEFAULT_RECIPE, DEFAULT_HYPERPARAMETERS, 21)
  .split('\n')
  .map((l) => l.replace(/[0-9.+-]+/g, '#').replace(/^[,:.@+\-~ #]+$/, 'GRID'));

describe('the report for any optimizer', () => {
  it.each(['pegasos', 'sgd', 'momentum', 'dcd'] as const)(
    '%s: the article format, with the numbers of that optimizer after `epochs` epochs',
    (optimizer) => {
      const hp = { ...DEFAULT_HYPERPARAMETERS, optimizer, epochs: 60 };
      const text = articleReport(DEFAULT_RECIPE, hp, 21);
      const shape = text
        .split('\n')
        .map((l) => l.replace(/[0-9.+-]+/g, '#').replace(/^[,:.@+\-~ #]+$/, 'GRID'));
      expect(shape).toEqual(GD_REPORT_SHAPE);
      const rng = new PyRandom(DEFAULT_RECIPE.seed);
      const data = generateDataset(DEFAULT_RECIPE, rng);
      const choice = { ...DEFAULT_OPTIMIZER_CHOICE, optimizer };
      const opt = makeOptimizer(choice, data, initialModel(2, rng), hp, DEFAULT_RECIPE.seed);
      opt.setSettings(hp);
      for (let e = 0; e < 60; e++) {
        opt.finishEpoch(false);
        opt.advance(0);
      }
      const m = opt.finishEpoch(false);
      expect(text).toContain(`final mean hinge loss:   ${formatFixed(m.meanLoss, 4)}\n`);
      expect(text).toContain(`b = ${formatFixed(opt.b, 3, true)}\n`);
      expect(text).not.toEqual(articleReport(DEFAULT_RECIPE, { ...hp, optimizer: 'gd' }, 21));
    },
  );
});
