/**
 * What a reproduction script is written from: a run's settings, its data source and its final
 * weights with the objective the app computed for them. Plain data (the page builds it from the
 * Compare record, the tests from a training in Node), checked here so a script is never written
 * from numbers that do not fit together.
 */
import type { ExportFormat } from '../export-formats.ts';
import { BLOCK_ROWS } from '../blocked-sums.ts';
import type { Hyperparameters, Recipe } from '../recipe.ts';
import type { MappedRun } from './fit-params.ts';

export { BLOCK_ROWS };

/**
 * Where the rows come from: the generator's recipe (the script draws them again with Python's
 * random, bit for bit), or a file in the app's export format (CSV with the header x0,…,label, or
 * LIBSVM; labels ±1) that the script reads from beside itself.
 */
export type ScriptData =
  | { readonly kind: 'generator'; readonly recipe: Recipe }
  | {
      readonly kind: 'file';
      readonly fileName: string;
      readonly format: ExportFormat;
      readonly n: number;
      readonly d: number;
    };

export interface ScriptRun {
  /** The run's name (user text: written into the script only as a string literal). */
  readonly label: string;
  readonly data: ScriptData;
  readonly hp: Hyperparameters;
  /** Steps the run took: w and b are the weights after them. */
  readonly epoch: number;
  /** Final weights, length d. */
  readonly w: readonly number[];
  readonly b: number;
  /** The app's P(w, b) = mean hinge + reg/2·‖w‖² over all n rows (its metrics.objective). */
  readonly objective: number;
}

/** Rows of the run's data. */
export function rowsOf(data: ScriptData): number {
  return data.kind === 'generator' ? 2 * data.recipe.nPerClass : data.n;
}

/** Features of the run's data. */
export function featuresOf(data: ScriptData): number {
  return data.kind === 'generator' ? data.recipe.trueW.length : data.d;
}

/** The mapping's view of the run: settings, n, and the seed its estimators sample with. */
export function mappedRun(run: ScriptRun): MappedRun {
  const seed = run.data.kind === 'generator' ? run.data.recipe.seed : 0;
  return { hp: run.hp, n: rowsOf(run.data), seed, epochs: run.epoch };
}

/**
 * Throws a RangeError naming the first field that cannot make a script: weights of the wrong
 * length, a non-finite or negative λ or lr, an empty or non-integer row count, an empty file name.
 * Non-finite weights are allowed (a diverged run): the script prints what they give.
 */
export function checkScriptRun(run: ScriptRun): void {
  const n = rowsOf(run.data);
  const d = featuresOf(run.data);
  const fail = (field: string, allowed: string, got: unknown) => {
    throw new RangeError(`${field} must be ${allowed}, got ${String(got)}`);
  };
  if (!Number.isSafeInteger(n) || n < 1) fail('n', 'an integer >= 1', n);
  if (!Number.isSafeInteger(d) || d < 1) fail('d', 'an integer >= 1', d);
  if (run.w.length !== d) fail('w', `${d} numbers (one per feature)`, `${run.w.length}`);
  if (!Number.isFinite(run.hp.reg) || run.hp.reg < 0)
    fail('reg', 'a finite number >= 0', run.hp.reg);
  if (!Number.isFinite(run.hp.lr) || run.hp.lr <= 0) fail('lr', 'a finite number > 0', run.hp.lr);
  if (!Number.isSafeInteger(run.hp.epochs) || run.hp.epochs < 0) {
    fail('epochs', 'an integer >= 0', run.hp.epochs);
  }
  if (run.data.kind === 'file' && run.data.fileName.trim() === '') {
    fail('fileName', 'a file name', "''");
  }
}
