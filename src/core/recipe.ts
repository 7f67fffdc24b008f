/**
 * The experiment's settings and their allowed ranges, checked in one place so the CLI, the
 * worker and the form all say the same thing about bad input.
 */
import { limitErrors, type FieldError, type Limit } from './limits.ts';
import {
  DEFAULT_OPTIMIZER_CHOICE,
  optimizerErrors,
  type OptimizerChoice,
} from './optimizers/optimizer-limits.ts';

export type { FieldError } from './limits.ts';

/** How a dataset is drawn: the article's generate_two_class_data arguments plus the seed. */
export interface Recipe {
  /** Seed of the Python-compatible MT19937 stream (random.seed(seed)). */
  seed: number;
  /** Points drawn per class; n = 2·nPerClass. */
  nPerClass: number;
  /** The true normal vector; its length is the dimension d. */
  trueW: readonly number[];
  /** The true offset: label +1 where trueW·x + trueB + noise >= 0. */
  trueB: number;
  /** Standard deviation of the Gaussian label noise. */
  noise: number;
}

/**
 * Training settings: lr, epochs and reg, and which optimizer with its own settings
 * (optimizers/optimizer-limits.ts). An absent optimizer field takes its default (full-batch GD),
 * so settings written before there was a choice still mean what they meant.
 */
export interface Hyperparameters extends Partial<OptimizerChoice> {
  /** Learning rate (step size). */
  lr: number;
  /** Epochs of full-batch gradient descent. */
  epochs: number;
  /** L2 strength: the objective is mean hinge + reg/2·‖w‖² (the bias is not regularised). */
  reg: number;
}

/** The article's experiment. */
export const DEFAULT_RECIPE: Readonly<Recipe> = Object.freeze({
  seed: 7,
  nPerClass: 30,
  trueW: Object.freeze([1, -0.6]),
  trueB: 0.4,
  noise: 0.5,
});

export const DEFAULT_HYPERPARAMETERS: Readonly<Hyperparameters & OptimizerChoice> = Object.freeze({
  lr: 0.05,
  epochs: 400,
  reg: 0.01,
  ...DEFAULT_OPTIMIZER_CHOICE,
});

/** The optimizer choice of hp, every absent field at its default. */
export function optimizerChoiceOf(hp: Hyperparameters): OptimizerChoice {
  const c = { ...DEFAULT_OPTIMIZER_CHOICE } as Record<string, unknown>;
  for (const k of Object.keys(DEFAULT_OPTIMIZER_CHOICE)) {
    const v = (hp as unknown as Record<string, unknown>)[k];
    if (v !== undefined) c[k] = v;
  }
  return c as unknown as OptimizerChoice;
}

/** At most 10^7 points (5·10^6 per class): about 240 MB of float64 data. */
export const MAX_POINTS = 10_000_000;
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
export const MAX_EPOCHS = 10_000_000;
export const MAX_DIMENSION = 64;

/**
 * The allowed value of every recipe field, in the order the URL, the form and the CLI list them.
 * The settings schema (src/settings/schema.ts) reads these; nothing else writes a range.
 */
export const RECIPE_LIMITS = Object.freeze({
  seed: { kind: 'integer', min: 0, max: MAX_SEED },
  nPerClass: { kind: 'integer', min: 1, max: MAX_POINTS / 2 },
  trueW: { kind: 'numbers', minLength: 1, maxLength: MAX_DIMENSION },
  trueB: { kind: 'number' },
  noise: { kind: 'number', min: 0 },
} as const satisfies Record<keyof Recipe, Limit>);

/** The allowed value of lr, epochs and reg (the optimizer's own: OPTIMIZER_LIMITS). */
export const HYPERPARAMETER_LIMITS = Object.freeze({
  lr: { kind: 'number', min: 0, strict: true },
  epochs: { kind: 'integer', min: 0, max: MAX_EPOCHS },
  reg: { kind: 'number', min: 0 },
} as const satisfies Record<'lr' | 'epochs' | 'reg', Limit>);

/** Memory a point takes in the worker: d coordinates and a label (float64), two SV index slots. */
export function bytesPerPoint(d: number): number {
  return 8 * (d + 1) + 8;
}

/**
 * Every problem with a recipe; empty when it is valid. Too many points gets a message of its
 * own: the limit is about memory, so it says how much the recipe would need.
 */
export function recipeErrors(r: Recipe): FieldError[] {
  const out = limitErrors(RECIPE_LIMITS, r as unknown as Record<string, unknown>);
  const max = RECIPE_LIMITS.nPerClass.max;
  const i = out.findIndex((e) => e.field === 'nPerClass');
  if (i >= 0 && Number.isInteger(r.nPerClass) && r.nPerClass > max) {
    const mb = (k: number) => Math.round((k * bytesPerPoint(r.trueW.length)) / 1e6);
    out[i] = {
      field: 'nPerClass',
      message:
        `nPerClass must be at most ${max} (${2 * max} points, about ` +
        `${mb(2 * max)} MB); ${r.nPerClass} per class is ${2 * r.nPerClass} points and would ` +
        `need about ${mb(2 * r.nPerClass)} MB`,
    };
  }
  return out;
}

/** Every problem with the training settings (absent optimizer fields are their defaults). */
export function hyperparameterErrors(h: Hyperparameters): FieldError[] {
  const out = limitErrors(HYPERPARAMETER_LIMITS, h as unknown as Record<string, unknown>);
  const reg = typeof h.reg === 'number' ? h.reg : undefined;
  return out.concat(optimizerErrors(optimizerChoiceOf(h), reg));
}
