import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIMIZER_CHOICE,
  fieldApplies,
  optimizerErrors,
} from '../../../src/core/optimizers/optimizer-limits.ts';
import { hyperparameterErrors, DEFAULT_HYPERPARAMETERS } from '../../../src/core/recipe.ts';

describe('which fields apply', () => {
  it.each([
    ['gd', ['lr', 'reg', 'optimizer'], ['project', 'batchSize', 'schedule', 'beta', 'momentum']],
    ['pegasos', ['lr', 'project'], ['batchSize', 'beta']],
    ['sgd', ['batchSize', 'schedule'], ['project', 'beta', 'momentum']],
    ['momentum', ['beta', 'momentum'], ['project', 'batchSize', 'schedule']],
    ['dcd', ['lr', 'reg'], ['project', 'batchSize', 'schedule', 'beta', 'momentum']],
    ['not an optimizer', ['lr', 'batchSize', 'beta', 'project'], []],
  ])('%s shows %j and hides %j', (optimizer, shown, hidden) => {
    for (const key of shown) expect(fieldApplies(optimizer, key), key).toBe(true);
    for (const key of hidden) expect(fieldApplies(optimizer, key), key).toBe(false);
  });
});

describe('optimizer settings errors', () => {
  const errors = (c: object, reg?: number) =>
    optimizerErrors({ ...DEFAULT_OPTIMIZER_CHOICE, ...c }, reg).map((e) => e.message);

  it('names the field and its range', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ beta: 1 })).toEqual(['beta must be a finite number in [0, 1), got 1']);
    expect(errors({ batchSize: 0 })).toEqual([
      'batchSize must be an integer in [1, 10000000], got 0',
    ]);
    expect(errors({ optimizer: 'adam' })).toEqual([
      'optimizer must be one of gd, pegasos, sgd, momentum, dcd, got "adam"',
    ]);
    expect(errors({ optimizer: 'pegasos' }, 0)).toEqual([
      'reg must be > 0 for pegasos (step 1/(reg·t)), got 0',
    ]);
    expect(errors({ optimizer: 'dcd' }, 0)).toEqual([
      'reg must be > 0 for dcd (w = Σ α_i y_i x_i / reg), got 0',
    ]);
    expect(errors({ optimizer: 'dcd' }, 0.01)).toEqual([]);
  });

  it('hyperparameterErrors: absent optimizer fields are the defaults; present ones are checked', () => {
    expect(hyperparameterErrors({ lr: 0.05, epochs: 400, reg: 0 })).toEqual([]);
    expect(
      hyperparameterErrors({ ...DEFAULT_HYPERPARAMETERS, schedule: 'cosine' as never }).map(
        (e) => e.field,
      ),
    ).toEqual(['schedule']);
  });
});
