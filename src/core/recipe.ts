/**
 * The experiment's settings and their allowed ranges, checked in one place so the CLI, the
 * worker and the form all say the same thing about bad input.
 */

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

/** Memory a point takes in the worker: d coordinates and a label (float64), two SV index slots. */
export function bytesPerPoint(d: number): number {
  return 8 * (d + 1) + 8;
}

/** A field that failed validation, with a sentence naming it and its allowed range. */
export interface FieldError {
  field: string;
  message: string;
}

function integerIn(field: string, v: number, lo: number, hi: number, out: FieldError[]): void {
  if (!Number.isInteger(v) || v < lo || v > hi) {
    out.push({ field, message: `${field} must be an integer in [${lo}, ${hi}], got ${v}` });
  }
}

function finiteAtLeast(field: string, v: number, lo: number, strict: boolean, out: FieldError[]) {
  const ok = Number.isFinite(v) && (strict ? v > lo : v >= lo);
  if (!ok) {
    const range = strict ? `> ${lo}` : `>= ${lo}`;
    out.push({ field, message: `${field} must be a finite number ${range}, got ${v}` });
  }
}

/** Every problem with a recipe; empty when it is valid. */
export function recipeErrors(r: Recipe): FieldError[] {
  const out: FieldError[] = [];
  integerIn('seed', r.seed, 0, MAX_SEED, out);
  if (Number.isInteger(r.nPerClass) && r.nPerClass > MAX_POINTS / 2) {
    const mb = (k: number) => Math.round((k * bytesPerPoint(r.trueW.length)) / 1e6);
    out.push({
      field: 'nPerClass',
      message:
        `nPerClass must be at most ${MAX_POINTS / 2} (${MAX_POINTS} points, about ` +
        `${mb(MAX_POINTS)} MB); ${r.nPerClass} per class is ${2 * r.nPerClass} points and would ` +
        `need about ${mb(2 * r.nPerClass)} MB`,
    });
  } else integerIn('nPerClass', r.nPerClass, 1, MAX_POINTS / 2, out);
  if (r.trueW.length < 1 || r.trueW.length > MAX_DIMENSION || !r.trueW.every(Number.isFinite)) {
    out.push({
      field: 'trueW',
      message: `trueW must be 1 to ${MAX_DIMENSION} finite numbers, got ${r.trueW.join(',')}`,
    });
  }
  if (!Number.isFinite(r.trueB)) {
    out.push({ field: 'trueB', message: `trueB must be a finite number, got ${r.trueB}` });
  }
  finiteAtLeast('noise', r.noise, 0, false, out);
  return out;
}

/** Every problem with the training settings; empty when they are valid. */
export function hyperparameterErrors(h: Hyperparameters): FieldError[] {
  const out: FieldError[] = [];
  finiteAtLeast('lr', h.lr, 0, true, out);
  integerIn('epochs', h.epochs, 0, MAX_EPOCHS, out);
  finiteAtLeast('reg', h.reg, 0, false, out);
  return out;
}
