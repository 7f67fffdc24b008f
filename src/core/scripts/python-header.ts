/**
 * The run's constants as Python assignments, shared by both scripts: its name, data source,
 * settings, weights and objective. Every number is written with Python's repr (pyFloat), every
 * user text as a string literal (pyStr), so the script holds the exact doubles the app had.
 */
import { optimizerChoiceOf } from '../recipe.ts';
import { pyFloat, pyFloatList, pyInt, pyStr } from './python-literal.ts';
import { BLOCK_ROWS, featuresOf, type ScriptRun } from './script-run.ts';

/** The optimizer's own settings that apply to it, as a Python dict literal. */
function optimizerSettings(run: ScriptRun): string {
  const c = optimizerChoiceOf(run.hp);
  switch (c.optimizer) {
    case 'pegasos':
      return `{'project': ${pyStr(c.project)}}`;
    case 'sgd':
      return `{'batch_size': ${pyInt(c.batchSize)}, 'schedule': ${pyStr(c.schedule)}}`;
    case 'momentum':
      return `{'beta': ${pyFloat(c.beta)}, 'momentum': ${pyStr(c.momentum)}}`;
    default:
      return '{}';
  }
}

/** RECIPE (a dict, or None for a file) and DATA_FILE (a file name, or None for a recipe). */
function dataSource(run: ScriptRun): string[] {
  const { data } = run;
  if (data.kind === 'file') {
    return [
      'RECIPE = None',
      `DATA_FILE = ${pyStr(data.fileName)}  # hinge-lab's export of the run's data, beside this script`,
    ];
  }
  const r = data.recipe;
  return [
    "# The generator recipe: the rows are drawn again with Python's random, bit for bit.",
    'RECIPE = {',
    `    'seed': ${pyInt(r.seed)},`,
    `    'n_per_class': ${pyInt(r.nPerClass)},`,
    `    'true_w': ${pyFloatList(r.trueW)},`,
    `    'true_b': ${pyFloat(r.trueB)},`,
    `    'noise': ${pyFloat(r.noise)},`,
    '}',
    "DATA_FILE = None  # or pass --data with hinge-lab's CSV or LIBSVM export of these rows",
  ];
}

/** The constants block: name, data, settings, weights, objective, and the summation block. */
export function pythonRunConstants(run: ScriptRun): string {
  const c = optimizerChoiceOf(run.hp);
  return [
    `RUN_NAME = ${pyStr(run.label)}`,
    ...dataSource(run),
    `D = ${pyInt(featuresOf(run.data))}  # features`,
    `LAM = ${pyFloat(run.hp.reg)}  # λ, hinge-lab's reg`,
    `LR = ${pyFloat(run.hp.lr)}  # hinge-lab's lr`,
    `EPOCHS = ${pyInt(run.hp.epochs)}  # hinge-lab's epochs setting`,
    `OPTIMIZER = ${pyStr(c.optimizer)}`,
    `OPTIMIZER_SETTINGS = ${optimizerSettings(run)}`,
    `EPOCH = ${pyInt(run.epoch)}  # steps the run took: the weights below are after them`,
    `HINGE_LAB_W = ${pyFloatList(run.w)}`,
    `HINGE_LAB_B = ${pyFloat(run.b)}`,
    `HINGE_LAB_OBJECTIVE = ${pyFloat(run.objective)}  # P(w, b) as hinge-lab computed it`,
    `BLOCK_ROWS = ${pyInt(BLOCK_ROWS)}  # hinge-lab sums rows in blocks of this many`,
  ].join('\n');
}
