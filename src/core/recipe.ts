/**
 * The experiment's settings and their allowed ranges, checked in one place so the CLI, the
 * worker and the form all say the same thing about bad input.
 */
import { limitErrors, type FieldError, type Limit } from './limits.ts';

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

/** Full-batch gradient descent settings. */
export interface Hyperparameters {
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

export const DEFAULT_HYPERPARAMETERS: Readonly<Hyperparameters> = Object.freeze({
  lr: 0.05,
  epochs: 400,
  reg: 0.01,
});

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

/** The allowed value of every training setting. */
export const HYPERPARAMETER_LIMITS = Object.freeze({
  lr: { kind: 'number', min: 0, strict: true },
  epochs: { kind: 'integer', min: 0, max: MAX_EPOCHS },
  reg: { kind: 'number', min: 0 },
} as const satisfies Record<keyof Hyperparameters, Limit>);

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

/** Every problem with the training settings; empty when they are valid. */
export function hyperparameterErrors(h: Hyperparameters): FieldError[] {
  return limitErrors(HYPERPARAMETER_LIMITS, h as unknown as Record<string, unknown>);
}
