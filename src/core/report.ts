/**
 * The article's experiment end to end, printed as the article prints it: draw the data, draw the
 * initial classifier from the same stream, report support vectors and loss, train, report again.
 */
import { initialModel } from './classifier.ts';
import { generateDataset } from './dataset.ts';
import { formatFixed } from './py-format.ts';
import { PyRandom } from './py-random.ts';
import { makeOptimizer } from './optimizers/make-optimizer.ts';
import { optimizerChoiceOf, type Hyperparameters, type Recipe } from './recipe.ts';
import { textGrid } from './text-grid.ts';
import { Trainer } from './trainer.ts';

/**
 * The report text, byte for byte what the Python reference prints (ends with a newline). Another
 * optimizer than GD (hp.optimizer) trains in the same format: its `epochs` epochs from the same
 * initial weights, its samplers seeded by the recipe's seed.
 */
export function articleReport(recipe: Recipe, hp: Hyperparameters, gridSize: number): string {
  if (recipe.trueW.length !== 2) throw new RangeError('the report needs a 2-D recipe (trueW a,b)');
  const choice = optimizerChoiceOf(hp);
  if (choice.optimizer !== 'gd') return otherReport(recipe, hp, gridSize);
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset(recipe, rng);
  const trainer = new Trainer(data, initialModel(2, rng), hp);
  const n = data.n;

  const before = trainer.evaluate();
  const lines = [
    `support vectors before training: ${before.svCount} of ${n}`,
    `initial mean hinge loss: ${formatFixed(before.meanLoss, 4)}`,
    ' ',
    'decision boundary at random init:',
    textGrid(trainer.w, trainer.b, data, trainer.supportVectors(), gridSize),
    ' ',
  ];
  trainer.step(hp.epochs);
  const after = trainer.evaluate();
  const [w0, w1] = trainer.w;
  lines.push(
    `support vectors after training:  ${after.svCount} of ${n}`,
    `final mean hinge loss:   ${formatFixed(after.meanLoss, 4)}`,
    `learned w = (${formatFixed(w0!, 3, true)}, ${formatFixed(w1!, 3, true)}), b = ${formatFixed(trainer.b, 3, true)}`,
    ' ',
    'decision boundary after training (@ = support vector):',
    textGrid(trainer.w, trainer.b, data, trainer.supportVectors(), gridSize),
  );
  return lines.join('\n') + '\n';
}

/** The report of a run by any optimizer through the Optimizer interface (not GD's exact path). */
function otherReport(recipe: Recipe, hp: Hyperparameters, gridSize: number): string {
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset(recipe, rng);
  const model = initialModel(2, rng);
  const opt = makeOptimizer(optimizerChoiceOf(hp), data, model, hp, recipe.seed);
  opt.setSettings(hp);
  const n = data.n;
  const before = opt.finishEpoch(true);
  const lines = [
    `support vectors before training: ${before.svCount} of ${n}`,
    `initial mean hinge loss: ${formatFixed(before.meanLoss, 4)}`,
    ' ',
    'decision boundary at random init:',
    textGrid(opt.w, opt.b, data, opt.capturedSupportVectors()!, gridSize),
    ' ',
  ];
  while (opt.epoch < hp.epochs || !opt.epochComplete) opt.advance(opt.rowsPerEpoch);
  const after = opt.finishEpoch(true);
  const [w0, w1] = opt.w;
  lines.push(
    `support vectors after training:  ${after.svCount} of ${n}`,
    `final mean hinge loss:   ${formatFixed(after.meanLoss, 4)}`,
    `learned w = (${formatFixed(w0!, 3, true)}, ${formatFixed(w1!, 3, true)}), b = ${formatFixed(opt.b, 3, true)}`,
    ' ',
    'decision boundary after training (@ = support vector):',
    textGrid(opt.w, opt.b, data, opt.capturedSupportVectors()!, gridSize),
  );
  return lines.join('\n') + '\n';
}
