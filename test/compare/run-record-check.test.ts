import { describe, expect, it } from 'vitest';
import { checkRunRecord, shown } from '../../src/compare/run-record-check.ts';
import type { RunRecord } from '../../src/compare/run-record.ts';
import { makeRecord } from './records.ts';

/** The record as untrusted JSON-like data, with one path set (undefined deletes it). */
function edited(path: string, value: unknown): unknown {
  const data = JSON.parse(JSON.stringify(makeRecord())) as Record<string, unknown>;
  const keys = path.split('.');
  let o: Record<string, unknown> = data;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete o[last];
  else o[last] = value;
  return data;
}

const error = (value: unknown) => {
  const r = checkRunRecord(value);
  return r.ok ? 'ok' : r.error;
};

describe('checkRunRecord', () => {
  it('accepts a valid record and returns a fresh copy of only its known fields', () => {
    const record = makeRecord();
    const r = checkRunRecord({ ...record, extra: 'dropped', label: '  article  ' });
    expect(r).toEqual({ ok: true, record });
    if (!r.ok) return;
    expect(r.record).not.toHaveProperty('extra');
    expect(r.record.w).not.toBe(record.w);
    expect(r.record.curves.epochs).not.toBe(record.curves.epochs);
  });

  it('accepts a record without the optional churn and svIndices', () => {
    const bare = makeRecord();
    delete bare.svIndices;
    delete bare.curves.churn;
    expect(checkRunRecord(bare)).toEqual({ ok: true, record: bare });
  });

  it.each([
    // Settings: the messages of src/core/recipe.ts, prefixed with the path.
    ['hp.lr', -1, 'hp.lr must be a finite number > 0, got -1'],
    ['hp.epochs', 1.5, 'hp.epochs must be an integer in [0, 10000000], got 1.5'],
    ['hp.reg', '0.01', 'hp.reg must be a number, got "0.01"'],
    ['hp', undefined, 'hp is missing'],
    ['hp', [1], 'hp must be an object, got an array'],
    ['recipe.seed', -3, 'recipe.seed must be an integer in [0, 9007199254740991], got -3'],
    ['recipe.noise', undefined, 'recipe.noise is missing'],
    ['recipe.trueW', [], 'recipe.trueW must be 1 to 64 finite numbers, got '],
    ['recipe.trueW', [1, null], 'recipe.trueW[1] must be a number, got null'],
    ['recipe.trueW', new Array(65).fill(1), 'recipe.trueW must have at most 64 entries, got 65'],
    ['recipe.trueB', Infinity, 'recipe.trueB must be a finite number, got Infinity'],
    // The run.
    ['id', '', 'id must be text of 1 to 2048 characters, got ""'],
    ['id', 7, 'id must be text of 1 to 2048 characters, got 7'],
    ['label', undefined, 'label is missing'],
    ['label', ' ', 'label must be 1 to 80 characters, got nothing after trimming spaces'],
    [
      'status',
      'stopped',
      'status must be one of idle, running, paused, done, diverged, cancelled, got "stopped"',
    ],
    ['epoch', -1, 'epoch must be an integer in [0, 9007199254740991], got -1'],
    ['createdAt', null, 'createdAt must be a number, got null'],
    ['metrics.accuracy', 1.5, 'metrics.accuracy must be a finite number in [0, 1], got 1.5'],
    ['metrics.meanLoss', -0.1, 'metrics.meanLoss must be a finite number >= 0, got -0.1'],
    ['metrics.svCount', 61, 'metrics.svCount must be an integer in [0, 60], got 61'],
    ['w', [1], 'w must have 2 entries (recipe.trueW has 2), got 1'],
    ['w', [1, 2, 3], 'w must have at most 2 entries, got 3'],
    ['w', [1, Infinity], 'w[1] must be a finite number, got Infinity'],
    // NaN is no JSON, but another tab's message (structured clone) or IndexedDB can carry it.
    ['w', [NaN, 1], 'w[0] must be a finite number, got NaN'],
    ['w', [1, -Infinity], 'w[1] must be a finite number, got -Infinity'],
    ['b', true, 'b must be a number, got true'],
    ['b', NaN, 'b must be a finite number, got NaN'],
    ['b', -Infinity, 'b must be a finite number, got -Infinity'],
    // Curves.
    [
      'curves.epochs',
      [0, 1, 1, 2],
      'curves.epochs must be strictly ascending; curves.epochs[2] is 1 after 1',
    ],
    ['curves.objective', [1, 1, 1], 'curves.objective has 3 entries but curves.epochs has 4'],
    ['curves.churn', [0, 0, 0, 0, 0], 'curves.churn has 5 entries but curves.epochs has 4'],
    [
      'curves.meanLoss',
      [1, 1, 1, -Infinity],
      'curves.meanLoss[3] must be a finite number >= 0, got -Infinity',
    ],
    ['curves.svCount', [1, 1, 1, 0.5], 'curves.svCount[3] must be an integer in [0, 60], got 0.5'],
    [
      'curves.epochs',
      new Array(501).fill(0),
      'curves.epochs must have at most 500 entries, got 501',
    ],
    ['curves', 'none', 'curves must be an object, got "none"'],
    // Support vectors.
    ['svIndices', [3, 17], 'svIndices has 2 entries but metrics.svCount is 3'],
    ['svIndices', [3, 17, 60], 'svIndices[2] must be an integer in [0, 59], got 60'],
    ['svIndices', [3, 3, 4], 'svIndices must be strictly ascending; svIndices[1] is 3 after 3'],
  ])('%s = %o: %s', (path, value, message) => {
    expect(error(edited(path, value))).toBe(message);
  });

  it('reports the first problem in field order', () => {
    const bad = edited('hp.lr', -1) as RunRecord;
    (bad as { id: unknown }).id = 3;
    expect(error(bad)).toBe('id must be text of 1 to 2048 characters, got 3');
  });

  it('never throws on foreign values', () => {
    for (const value of [null, undefined, 0, 'x', [], [makeRecord()], new Date(), () => 1]) {
      expect(checkRunRecord(value).ok).toBe(false);
    }
    const hostile = Object.defineProperty({}, 'id', {
      get() {
        throw new Error('boom');
      },
    });
    expect(error(hostile)).toBe('unreadable run record (boom)');
  });
});

describe('shown', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [-0.5, '-0.5'],
    [false, 'false'],
    ['a"b', '"a\\"b"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
    [[1], 'an array'],
    [{}, 'an object'],
  ])('%j → %s', (v, text) => {
    expect(shown(v)).toBe(text);
  });
});
