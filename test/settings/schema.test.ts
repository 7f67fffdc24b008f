import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_RECIPE,
  HYPERPARAMETER_LIMITS,
  RECIPE_LIMITS,
} from '../../src/core/recipe.ts';
import { OPTIMIZER_LIMITS } from '../../src/core/optimizers/optimizer-limits.ts';
import {
  assemble,
  defineSchema,
  flagName,
  sameGroup,
  sameValue,
  valueOf,
} from '../../src/settings/define.ts';
import { hintOf, inputModeOf } from '../../src/settings/form.ts';
import { DEFAULT_SETTINGS, SETTINGS } from '../../src/settings/schema.ts';
import { CHOICE_ENTRIES, CHOICE_SCHEMA, choiceSettings } from './choice-schema.ts';

const CORE_LIMITS: Record<string, Record<string, unknown>> = {
  recipe: RECIPE_LIMITS,
  hp: { ...HYPERPARAMETER_LIMITS, ...OPTIMIZER_LIMITS },
};

describe("hinge-lab's schema", () => {
  it("takes every limit from the core's constants (the same objects, never a copy)", () => {
    for (const e of SETTINGS.entries) {
      expect(e.limit, e.key).toBe(CORE_LIMITS[e.group]![e.key]);
    }
    const keys = SETTINGS.entries.map((e) => e.key);
    expect(keys).toEqual([
      ...Object.keys(RECIPE_LIMITS),
      'optimizer',
      ...Object.keys(HYPERPARAMETER_LIMITS),
      ...Object.keys(OPTIMIZER_LIMITS).slice(1),
    ]);
  });

  it("has the core's defaults: the article's experiment", () => {
    expect(DEFAULT_SETTINGS).toEqual({ recipe: DEFAULT_RECIPE, hp: DEFAULT_HYPERPARAMETERS });
    expect(Object.isFrozen(DEFAULT_SETTINGS.recipe.trueW)).toBe(true);
  });

  it('gives each field its hint from the limit, and its keyboard', () => {
    const hints = Object.fromEntries(SETTINGS.entries.map((e) => [e.key, hintOf(e)]));
    expect(hints).toEqual({
      seed: 'Integer, 0 or more',
      nPerClass: 'Integer, 1 to 5,000,000',
      trueW: '1 to 64 comma-separated numbers; two for the plot, e.g. 1,-0.6',
      trueB: 'Any finite number',
      noise: '0 or more',
      optimizer:
        'One of: Gradient descent, Pegasos (SGD), Mini-batch SGD, GD with momentum, Dual coordinate descent',
      lr: 'Greater than 0; dual coordinate descent ignores it',
      epochs: 'Integer, 0 to 10,000,000',
      reg: '0 or more; objective = loss + λ/2·‖w‖²',
      project: 'One of: yes, no; Pegasos steps 1/(λt), its bias lr/√t',
      batchSize: 'Integer, 1 to 10,000,000',
      schedule: 'One of: constant lr, lr/t, lr/√t; t in epochs, from 1',
      beta: '0 or more; below 1',
      momentum: 'One of: heavy ball, Nesterov',
    });
    expect(SETTINGS.entries.map(inputModeOf)).toEqual([
      'numeric',
      'numeric',
      'text',
      'decimal',
      'decimal',
      'text',
      'decimal',
      'numeric',
      'decimal',
      'text',
      'numeric',
      'text',
      'decimal',
      'text',
    ]);
  });

  it('names CLI flags in kebab-case', () => {
    expect(SETTINGS.entries.map((e) => flagName(e.key))).toEqual([
      'seed',
      'n-per-class',
      'true-w',
      'true-b',
      'noise',
      'optimizer',
      'lr',
      'epochs',
      'reg',
      'project',
      'batch-size',
      'schedule',
      'beta',
      'momentum',
    ]);
  });
});

describe('defineSchema', () => {
  const group = { key: 'g', legend: 'G', errors: () => [] };
  const entry = {
    key: 'k',
    group: 'g',
    label: 'K',
    heading: 'K',
    limit: { kind: 'choice', options: ['a', 'b'] },
    default: 'a',
  } as const;

  it('builds frozen defaults from the entries', () => {
    const s = defineSchema([group], [entry]);
    expect(s.defaults).toEqual({ g: { k: 'a' } });
    expect(Object.isFrozen(s.defaults)).toBe(true);
  });

  it('refuses a repeated key, an unknown group and a default outside its limit', () => {
    expect(() => defineSchema([group], [entry, entry])).toThrow('setting k is defined twice');
    expect(() => defineSchema([group], [{ ...entry, group: 'h' }])).toThrow('no group h');
    expect(() => defineSchema([group], [{ ...entry, default: 'c' }])).toThrow(
      'the default c is outside its limit',
    );
  });
});

describe('reading and comparing settings by entry', () => {
  it('assembles fresh objects, lists copied', () => {
    const centre = [1, 2];
    const s = assemble(CHOICE_SCHEMA, {
      seed: 1,
      centre,
      optimizer: 'sgd',
      lr: 0.1,
      batchSize: 8,
    });
    expect(s).toEqual(
      choiceSettings({ seed: 1, centre: [1, 2] }, { optimizer: 'sgd', lr: 0.1, batchSize: 8 }),
    );
    expect(s.data.centre).not.toBe(centre);
    expect(valueOf(s, CHOICE_ENTRIES[2])).toBe('sgd');
  });

  it('tells −0 from 0, compares lists item by item and choices by id', () => {
    expect(sameValue(0, -0)).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue([1, 2], [1, 2])).toBe(true);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue('gd', 'gd')).toBe(true);
    expect(sameValue('gd', 'sgd')).toBe(false);
  });

  it('compares one group and ignores the others', () => {
    const a = choiceSettings({}, { optimizer: 'gd' });
    const b = choiceSettings({}, { optimizer: 'pegasos' });
    expect(sameGroup(CHOICE_SCHEMA, 'data', a, b)).toBe(true);
    expect(sameGroup(CHOICE_SCHEMA, 'train', a, b)).toBe(false);
    expect(sameGroup(CHOICE_SCHEMA, 'data', a, choiceSettings({ centre: [0, -0] }))).toBe(false);
  });
});
