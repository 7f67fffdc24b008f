import { describe, expect, it } from 'vitest';
import { recipeErrors } from '../../src/core/recipe.ts';
import {
  DEFAULT_SETTINGS,
  checkField,
  readFields,
  sameHyperparameters,
  sameRecipe,
  settingsTexts,
} from '../../src/fields.ts';
import { parseNumber, parseNumberList } from '../../src/settings/text.ts';

describe('parseNumber', () => {
  it.each([
    ['7', 7],
    [' -0.6 ', -0.6],
    ['+.5', 0.5],
    ['1e-7', 1e-7],
    ['1E+21', 1e21],
    ['3.', 3],
  ])('reads %j', (text, v) => expect(parseNumber(text)).toBe(v));

  it.each(['', ' ', 'abc', '0x10', '1,5', 'Infinity', 'NaN', '1e', '--1', '.'])(
    'rejects %j',
    (text) => expect(parseNumber(text)).toBeNaN(),
  );

  it('reads lists, with NaN for a bad item and [] for nothing', () => {
    expect(parseNumberList('1,-0.6')).toEqual([1, -0.6]);
    expect(parseNumberList('1,,2')).toEqual([1, NaN, 2]);
    expect(parseNumberList('  ')).toEqual([]);
  });
});

describe('checkField', () => {
  it("uses the core's messages, quoting text that is not a number", () => {
    expect(checkField('noise', '-0.5')).toEqual({
      ok: false,
      message: 'noise must be a finite number >= 0, got -0.5',
    });
    expect(checkField('epochs', 'many')).toEqual({
      ok: false,
      message: 'epochs must be an integer in [0, 10000000], got "many"',
    });
    expect(checkField('lr', '')).toEqual({
      ok: false,
      message: 'lr must be a finite number > 0, got an empty field',
    });
  });

  it('accepts values at the edges of their ranges', () => {
    expect(checkField('epochs', '0')).toEqual({ ok: true, value: 0 });
    expect(checkField('nPerClass', '5000000')).toEqual({ ok: true, value: 5_000_000 });
    expect(checkField('reg', '0')).toEqual({ ok: true, value: 0 });
    expect(checkField('trueW', '1,2,3')).toEqual({ ok: true, value: [1, 2, 3] });
  });
});

describe('readFields', () => {
  it('reads the default texts back as the defaults', () => {
    expect(readFields(settingsTexts(DEFAULT_SETTINGS))).toEqual({
      settings: DEFAULT_SETTINGS,
      errors: {},
    });
  });

  it("checks the fields together, so messages are the worker's for the same recipe", () => {
    const texts = { ...settingsTexts(DEFAULT_SETTINGS), trueW: '1,2,3', nPerClass: '6000000' };
    const recipe = { ...DEFAULT_SETTINGS.recipe, trueW: [1, 2, 3], nPerClass: 6_000_000 };
    const worker = recipeErrors(recipe).find((e) => e.field === 'nPerClass')!.message;
    expect(readFields(texts).errors).toEqual({ nPerClass: worker });
  });

  it('gives no settings and a message per bad field', () => {
    const texts = { ...settingsTexts(DEFAULT_SETTINGS), seed: '-1', reg: 'x' };
    const { settings, errors } = readFields(texts);
    expect(settings).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['reg', 'seed']);
  });
});

describe('sameRecipe', () => {
  it('compares every recipe field, trueW element by element', () => {
    const r = DEFAULT_SETTINGS.recipe;
    expect(sameRecipe(r, { ...r, trueW: [1, -0.6] })).toBe(true);
    expect(sameRecipe(r, { ...r, trueW: [1, -0.6, 0] })).toBe(false);
    expect(sameRecipe(r, { ...r, noise: 0.25 })).toBe(false);
  });
});

describe('sameHyperparameters', () => {
  it('compares every training setting, −0 apart from 0', () => {
    const h = DEFAULT_SETTINGS.hp;
    expect(sameHyperparameters(h, { ...h })).toBe(true);
    expect(sameHyperparameters(h, { ...h, epochs: 401 })).toBe(false);
    expect(sameHyperparameters(h, { ...h, lr: 0.1 })).toBe(false);
    expect(sameHyperparameters({ ...h, reg: 0 }, { ...h, reg: -0 })).toBe(false);
  });
});
