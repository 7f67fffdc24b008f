import { describe, expect, it } from 'vitest';
import { checkText, hintOf, readTexts, textsOf } from '../../src/settings/form.ts';
import { CHOICE_ENTRIES, CHOICE_SCHEMA, choiceSettings } from './choice-schema.ts';

const texts = (over: Record<string, string> = {}) => ({
  ...textsOf(CHOICE_SCHEMA, CHOICE_SCHEMA.defaults),
  ...over,
});

describe('a form over a schema with a choice', () => {
  it('writes each value as its text, a choice as its option id', () => {
    expect(texts()).toEqual({
      seed: '7',
      centre: '0,0',
      optimizer: 'gd',
      lr: '0.05',
      batchSize: '32',
    });
  });

  it('reads the texts back, a choice trimmed', () => {
    const read = readTexts(CHOICE_SCHEMA, texts({ optimizer: ' pegasos ', centre: '1,-0.5,2' }));
    expect(read).toEqual({
      settings: choiceSettings({ centre: [1, -0.5, 2] }, { optimizer: 'pegasos' }),
      errors: {},
    });
  });

  it('names a bad choice and its options; an empty one says so', () => {
    expect(readTexts(CHOICE_SCHEMA, texts({ optimizer: 'adam' }))).toEqual({
      settings: null,
      errors: {
        optimizer: 'optimizer must be one of gd, pegasos, sgd, momentum, dcd, got "adam"',
      },
    });
    expect(checkText(CHOICE_SCHEMA, 'optimizer', '')).toEqual({
      ok: false,
      message: 'optimizer must be one of gd, pegasos, sgd, momentum, dcd, got an empty field',
    });
    expect(checkText(CHOICE_SCHEMA, 'optimizer', 'dcd')).toEqual({ ok: true, value: 'dcd' });
  });

  it('gives one message per bad field in each group, quoting what is not a number', () => {
    const read = readTexts(CHOICE_SCHEMA, texts({ seed: 'x', centre: '1,,2', batchSize: '0' }));
    expect(read.settings).toBeNull();
    expect(read.errors).toEqual({
      seed: 'seed must be an integer in [0, 1000], got "x"',
      centre: 'centre must be 1 to 3 finite numbers, got "1,,2"',
      batchSize: 'batchSize must be an integer in [1, 4096], got 0',
    });
  });

  it('hints at the options by their labels, then the note', () => {
    const [, , optimizer, , batchSize] = CHOICE_ENTRIES;
    expect(hintOf(optimizer)).toBe(
      'One of: Gradient descent, Pegasos, sgd, momentum, Dual coordinate descent',
    );
    expect(hintOf(batchSize)).toBe('Integer, 1 to 4,096; rows per step');
  });

  it('refuses a name that is not a setting', () => {
    expect(() => checkText(CHOICE_SCHEMA, 'colour' as 'seed', '1')).toThrow('no setting colour');
  });
});
