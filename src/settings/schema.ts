/**
 * Every setting of hinge-lab, once. The form (fields, labels, hints), the URL hash, the flags of
 * `npm run report`, the Compare table's columns and its diff, the run-file checks and the
 * equality helpers (sameRecipe, sameHyperparameters) all derive from this list.
 *
 * Adding a setting is one entry here plus its use:
 * 1. its field, default and limit in the core (src/core/recipe.ts: the Recipe or Hyperparameters
 *    interface, DEFAULT_RECIPE / DEFAULT_HYPERPARAMETERS, RECIPE_LIMITS / HYPERPARAMETER_LIMITS;
 *    a choice is `{ kind: 'choice', options: [...] }`);
 * 2. one entry below (key, group, label, heading, limit and default from the core, an optional
 *    note, option labels for a choice);
 * 3. the code that uses the value (the worker, the core).
 * The form shows it, the URL, the CLI (`--kebab-case`) and run files carry it, Compare lists it.
 */
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_RECIPE,
  HYPERPARAMETER_LIMITS,
  hyperparameterErrors,
  RECIPE_LIMITS,
  recipeErrors,
  type Hyperparameters,
  type Recipe,
} from '../core/recipe.ts';
import { OPTIMIZER_LIMITS as O } from '../core/optimizers/optimizer-limits.ts';
import { defineSchema, type GroupSpec, type SettingEntry } from './define.ts';

/** A whole experiment: how the data is drawn and how the classifier is trained. */
export interface Settings {
  recipe: Recipe;
  hp: Hyperparameters;
}

const GROUPS: readonly GroupSpec[] = [
  {
    key: 'recipe',
    legend: 'Dataset',
    errors: (v) => recipeErrors(v as unknown as Recipe),
  },
  {
    key: 'hp',
    legend: 'Training',
    errors: (v) => hyperparameterErrors(v as unknown as Hyperparameters),
  },
];

const R = RECIPE_LIMITS;
const H = HYPERPARAMETER_LIMITS;

/** The entries, in URL, form, CLI and table order. */
export const SETTING_ENTRIES = [
  {
    key: 'seed',
    group: 'recipe',
    label: 'Seed',
    heading: 'Seed',
    limit: R.seed,
    default: DEFAULT_RECIPE.seed,
  },
  {
    key: 'nPerClass',
    group: 'recipe',
    label: 'Points per class',
    heading: 'Points / class',
    limit: R.nPerClass,
    default: DEFAULT_RECIPE.nPerClass,
  },
  {
    key: 'trueW',
    group: 'recipe',
    label: 'True w',
    heading: 'True w',
    limit: R.trueW,
    default: DEFAULT_RECIPE.trueW,
    note: 'two for the plot, e.g. 1,-0.6',
    cliLength: 2,
  },
  {
    key: 'trueB',
    group: 'recipe',
    label: 'True b',
    heading: 'True b',
    limit: R.trueB,
    default: DEFAULT_RECIPE.trueB,
  },
  {
    key: 'noise',
    group: 'recipe',
    label: 'Label noise σ',
    heading: 'Noise σ',
    limit: R.noise,
    default: DEFAULT_RECIPE.noise,
  },
  {
    key: 'optimizer',
    group: 'hp',
    hashOmitsDefault: true,
    label: 'Optimizer',
    heading: 'Optimizer',
    limit: O.optimizer,
    default: DEFAULT_HYPERPARAMETERS.optimizer,
    optionLabels: {
      gd: 'Gradient descent',
      pegasos: 'Pegasos (SGD)',
      sgd: 'Mini-batch SGD',
      momentum: 'GD with momentum',
      dcd: 'Dual coordinate descent',
    },
  },
  {
    key: 'lr',
    group: 'hp',
    label: 'Learning rate',
    heading: 'Learning rate',
    limit: H.lr,
    default: DEFAULT_HYPERPARAMETERS.lr,
    note: 'dual coordinate descent ignores it',
  },
  {
    key: 'epochs',
    group: 'hp',
    label: 'Epochs',
    heading: 'Epochs',
    limit: H.epochs,
    default: DEFAULT_HYPERPARAMETERS.epochs,
  },
  {
    key: 'reg',
    group: 'hp',
    label: 'Regularisation λ',
    heading: 'λ',
    limit: H.reg,
    default: DEFAULT_HYPERPARAMETERS.reg,
    note: 'objective = loss + λ/2·‖w‖²',
  },
  {
    key: 'project',
    group: 'hp',
    hashOmitsDefault: true,
    label: 'Project onto ‖w‖ ≤ 1/√λ',
    heading: 'Project',
    limit: O.project,
    default: DEFAULT_HYPERPARAMETERS.project,
    optionLabels: { on: 'yes', off: 'no' },
    note: 'Pegasos steps 1/(λt), its bias lr/√t',
  },
  {
    key: 'batchSize',
    group: 'hp',
    hashOmitsDefault: true,
    label: 'Batch size',
    heading: 'Batch',
    limit: O.batchSize,
    default: DEFAULT_HYPERPARAMETERS.batchSize,
  },
  {
    key: 'schedule',
    group: 'hp',
    hashOmitsDefault: true,
    label: 'Step schedule',
    heading: 'Schedule',
    limit: O.schedule,
    default: DEFAULT_HYPERPARAMETERS.schedule,
    optionLabels: { constant: 'constant lr', inverse: 'lr/t', 'inverse-sqrt': 'lr/√t' },
    note: 't in epochs, from 1',
  },
  {
    key: 'beta',
    group: 'hp',
    hashOmitsDefault: true,
    label: 'Momentum β',
    heading: 'β',
    limit: O.beta,
    default: DEFAULT_HYPERPARAMETERS.beta,
    note: 'below 1',
  },
  {
    key: 'momentum',
    group: 'hp',
    hashOmitsDefault: true,
    label: 'Momentum kind',
    heading: 'Momentum',
    limit: O.momentum,
    default: DEFAULT_HYPERPARAMETERS.momentum,
    optionLabels: { 'heavy-ball': 'heavy ball', nesterov: 'Nesterov' },
  },
] as const satisfies readonly SettingEntry[];

/** A setting's name: its key in Settings, the URL and the form. */
export type FieldName = (typeof SETTING_ENTRIES)[number]['key'];

/** hinge-lab's settings schema. */
export const SETTINGS = defineSchema<Settings, FieldName>(GROUPS, SETTING_ENTRIES);

/** The article's experiment. */
export const DEFAULT_SETTINGS: Readonly<Settings> = SETTINGS.defaults;
