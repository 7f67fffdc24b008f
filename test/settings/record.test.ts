import { describe, expect, it } from 'vitest';
import { readGroup } from '../../src/settings/record.ts';
import { Invalid } from '../../src/settings/untrusted.ts';
import { CHOICE_SCHEMA } from './choice-schema.ts';

const TRAIN = { optimizer: 'sgd', lr: 0.1, batchSize: 8 };

function refusal(v: unknown): string {
  try {
    readGroup(CHOICE_SCHEMA, 'train', v);
  } catch (e) {
    expect(e).toBeInstanceOf(Invalid);
    return (e as Error).message;
  }
  return 'accepted';
}

describe('settings read from an untrusted record, with a choice', () => {
  it('gives a fresh object of exactly the entries of the group', () => {
    const read = readGroup(CHOICE_SCHEMA, 'train', { ...TRAIN, extra: 1 });
    expect(read).toEqual(TRAIN);
    expect(Object.keys(read)).toEqual(['optimizer', 'lr', 'batchSize']);
    const data = { seed: 3, centre: [1, 2] };
    expect(readGroup(CHOICE_SCHEMA, 'data', data).centre).not.toBe(data.centre);
  });

  it.each([
    [
      { ...TRAIN, optimizer: 3 },
      'train.optimizer must be one of gd, pegasos, sgd, momentum, dcd, got 3',
    ],
    [
      { ...TRAIN, optimizer: ['gd'] },
      'train.optimizer must be one of gd, pegasos, sgd, momentum, dcd, got an array',
    ],
    [
      { ...TRAIN, optimizer: 'adam' },
      'train.optimizer must be one of gd, pegasos, sgd, momentum, dcd, got "adam"',
    ],
    [{ lr: 0.1, batchSize: 8 }, 'train.optimizer is missing'],
    [{ ...TRAIN, lr: '0.1' }, 'train.lr must be a number, got "0.1"'],
    [{ ...TRAIN, batchSize: 0.5 }, 'train.batchSize must be an integer in [1, 4096], got 0.5'],
    [[], 'train must be an object, got an array'],
  ])('%j: %s', (v, message) => {
    expect(refusal(v)).toBe(message);
  });

  it('checks a list entry by entry and its length before the values', () => {
    const data = (centre: unknown) => {
      try {
        return readGroup(CHOICE_SCHEMA, 'data', { seed: 1, centre });
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(data([1, null])).toBe('data.centre[1] must be a number, got null');
    expect(data([1, 2, 3, 4])).toBe('data.centre must have at most 3 entries, got 4');
    expect(data([])).toBe('data.centre must be 1 to 3 finite numbers, got ');
  });
});
