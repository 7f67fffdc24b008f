import { describe, expect, it } from 'vitest';
import {
  limitError,
  limitErrors,
  rangeText,
  withinLimit,
  type Limit,
} from '../../src/core/limits.ts';
import { OPTIMIZER_LIMITS } from '../../src/core/optimizers/optimizer-limits.ts';
import {
  HYPERPARAMETER_LIMITS,
  hyperparameterErrors,
  RECIPE_LIMITS,
  recipeErrors,
  DEFAULT_RECIPE,
  DEFAULT_HYPERPARAMETERS,
} from '../../src/core/recipe.ts';

const INT: Limit = { kind: 'integer', min: 1, max: 10 };
const ANY: Limit = { kind: 'number' };
const AT_LEAST: Limit = { kind: 'number', min: 0 };
const ABOVE: Limit = { kind: 'number', min: 0, strict: true };
const LIST: Limit = { kind: 'numbers', minLength: 1, maxLength: 3 };
const CHOICE: Limit = { kind: 'choice', options: ['gd', 'sgd'] };

describe('withinLimit', () => {
  it.each<[Limit, unknown[], unknown[]]>([
    [INT, [1, 10, 5], [0, 11, 1.5, NaN, '3', Infinity]],
    [ANY, [0, -0, -1e300, 5e-324], [NaN, Infinity, -Infinity, '1', null]],
    [AT_LEAST, [0, -0, 3], [-1e-300, NaN, Infinity]],
    [ABOVE, [5e-324, 1], [0, -0, -1, Infinity]],
    [LIST, [[1], [1, 2, 3], [-0]], [[], [1, 2, 3, 4], [1, NaN], [Infinity], ['1'], 1]],
    [CHOICE, ['gd', 'sgd'], ['GD', ' gd', '', 0, null, ['gd']]],
  ])('%j allows exactly what it says', (limit, allowed, refused) => {
    for (const v of allowed) expect(withinLimit(limit, v), String(v)).toBe(true);
    for (const v of refused) expect(withinLimit(limit, v), String(v)).toBe(false);
  });
});

describe('limitError', () => {
  it.each<[Limit, unknown, string]>([
    [INT, 0, 'x must be an integer in [1, 10], got 0'],
    [ANY, NaN, 'x must be a finite number, got NaN'],
    [AT_LEAST, -1, 'x must be a finite number >= 0, got -1'],
    [ABOVE, 0, 'x must be a finite number > 0, got 0'],
    [LIST, [1, NaN], 'x must be 1 to 3 finite numbers, got 1,NaN'],
    [CHOICE, 'adam', 'x must be one of gd, sgd, got "adam"'],
  ])('%j, %j: %s', (limit, v, message) => {
    expect(limitError('x', limit, v)).toEqual({ field: 'x', message });
    expect(message).toContain(rangeText(limit));
  });

  it('is null for an allowed value, and limitErrors keeps the order of the limits', () => {
    expect(limitError('x', CHOICE, 'gd')).toBeNull();
    expect(limitErrors({ b: INT, a: ABOVE }, { a: 0, b: 0 }).map((e) => e.field)).toEqual([
      'b',
      'a',
    ]);
  });
});

describe("the core's limits", () => {
  it('cover every field of the recipe and the training settings, in their order', () => {
    expect(Object.keys(RECIPE_LIMITS)).toEqual(Object.keys(DEFAULT_RECIPE));
    expect([...Object.keys(HYPERPARAMETER_LIMITS), ...Object.keys(OPTIMIZER_LIMITS)]).toEqual(
      Object.keys(DEFAULT_HYPERPARAMETERS),
    );
  });

  it('are what the validators check: each bound allowed, one step past it refused', () => {
    const { seed, nPerClass } = RECIPE_LIMITS;
    const recipe = (r: object) => recipeErrors({ ...DEFAULT_RECIPE, ...r }).map((e) => e.field);
    expect(recipe({ seed: seed.max, nPerClass: nPerClass.max })).toEqual([]);
    expect(recipe({ seed: seed.min - 1, nPerClass: nPerClass.max + 1 })).toEqual([
      'seed',
      'nPerClass',
    ]);
    // Too many points names the memory; a fraction is refused as any other non-integer.
    const big = recipeErrors({ ...DEFAULT_RECIPE, nPerClass: nPerClass.max + 1 })[0]!.message;
    expect(big).toMatch(/^nPerClass must be at most 5000000 \(10000000 points, about 320 MB\)/);
    expect(recipeErrors({ ...DEFAULT_RECIPE, nPerClass: nPerClass.max + 0.5 })).toEqual([
      {
        field: 'nPerClass',
        message: 'nPerClass must be an integer in [1, 5000000], got 5000000.5',
      },
    ]);
    const { epochs } = HYPERPARAMETER_LIMITS;
    const hp = (h: object) =>
      hyperparameterErrors({ ...DEFAULT_HYPERPARAMETERS, ...h }).map((e) => e.field);
    expect(hp({ epochs: epochs.max, lr: 5e-324, reg: 0 })).toEqual([]);
    expect(hp({ epochs: epochs.max + 1, lr: 0, reg: -1e-300 })).toEqual(['lr', 'epochs', 'reg']);
  });
});
