import { describe, expect, it } from 'vitest';
import {
  FlagError,
  flagRangeText,
  parseFlags,
  schemaFlags,
  settingsFromFlags,
  usageLine,
} from '../../src/settings/flags.ts';
import { CHOICE_ENTRIES, CHOICE_SCHEMA, choiceSettings } from './choice-schema.ts';

const FLAGS = schemaFlags(CHOICE_SCHEMA);
const read = (argv: string[]) => settingsFromFlags(CHOICE_SCHEMA, parseFlags(FLAGS, argv));
const refusal = (argv: string[]) => {
  try {
    read(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(FlagError);
    return (e as Error).message;
  }
  return 'accepted';
};

describe('CLI flags over a schema with a choice', () => {
  it('names each flag in kebab-case; a list of cliLength takes exactly that many', () => {
    expect(FLAGS.map((f) => f.flag)).toEqual(['seed', 'centre', 'optimizer', 'lr', 'batch-size']);
    expect(FLAGS[1]!.limit).toEqual({ kind: 'numbers', minLength: 2, maxLength: 2 });
    expect(FLAGS[2]!.limit).toBe(CHOICE_ENTRIES[2].limit);
  });

  it('writes the usage with a placeholder per kind, wrapped', () => {
    expect(usageLine('usage: x --', FLAGS, 60)).toBe(
      'usage: x -- [--seed N] [--centre a,b]\n' +
        '       [--optimizer {gd,pegasos,sgd,momentum,dcd}] [--lr v]\n' +
        '       [--batch-size N]',
    );
  });

  it('keeps every usage line within the width when its items fit', () => {
    for (let width = 50; width <= 100; width++) {
      const lines = usageLine('usage: x --', FLAGS, width).split('\n');
      for (const line of lines) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it('reads a choice (trimmed) and fills the rest with defaults', () => {
    expect(read(['--optimizer', ' pegasos', '--batch-size=1_024', '--centre', '1,-2'])).toEqual(
      choiceSettings({ centre: [1, -2] }, { optimizer: 'pegasos', batchSize: 1024 }),
    );
    expect(read([])).toEqual(CHOICE_SCHEMA.defaults);
  });

  it.each([
    [
      ['--optimizer', 'adam'],
      "--optimizer must be one of gd, pegasos, sgd, momentum, dcd, got 'adam'",
    ],
    [['--optimizer', 'GD'], "--optimizer must be one of gd, pegasos, sgd, momentum, dcd, got 'GD'"],
    [['--optimizer'], '--optimizer needs a value: one of gd, pegasos, sgd, momentum, dcd'],
    [['--centre', '1'], "--centre must be two finite numbers a,b, got '1'"],
    [['--centre', '1,nan'], '--centre must be two finite numbers a,b, got nan'],
    [['--batch-size', '0'], "--batch-size must be an integer in [1, 4096], got '0'"],
    [['--lr', '0'], "--lr must be a finite number > 0, got '0'"],
    [['--batch'], 'unknown flag --batch; known: --seed --centre --optimizer --lr --batch-size'],
  ])('%j: %s', (argv, message) => {
    expect(refusal(argv)).toBe(message);
  });

  it('says how many numbers a list of varying length takes', () => {
    expect(flagRangeText({ kind: 'numbers', minLength: 1, maxLength: 3 })).toBe(
      '1 to 3 finite numbers',
    );
    expect(flagRangeText({ kind: 'numbers', minLength: 3, maxLength: 3 })).toBe(
      'three finite numbers a,b,c',
    );
  });
});
