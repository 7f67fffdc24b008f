import { describe, expect, it } from 'vitest';
import { compareRows, recipeGroups } from '../../src/compare/compare-rows.ts';
import { makeRecord } from './records.ts';

const mine = makeRecord({ id: 'a', status: 'running', epoch: 120 });
const other = makeRecord({ id: 'b', hp: { lr: 0.2, epochs: 400, reg: 0.01 } });

describe('compareRows', () => {
  it('lists this tab, the other tabs, then the saved runs', () => {
    const saved = makeRecord({ id: 'c' });
    const rows = compareRows(
      { tabId: 't1', record: mine },
      [{ tabId: 't2', record: other, hidden: true }],
      [saved],
      [],
    );
    expect(rows.map((r) => [r.key, r.source, r.saved, r.hidden])).toEqual([
      ['tab:t1', 'this-tab', false, false],
      ['tab:t2', 'other-tab', false, true],
      ['saved:c', 'saved', true, false],
    ]);
  });

  it('folds a saved copy of the same state into its live row', () => {
    const done = makeRecord({ id: 'a' });
    const rows = compareRows(
      { tabId: 't1', record: done },
      [],
      [makeRecord({ id: 'a', label: 'old name' })],
      [],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.source).toBe('this-tab');
    expect(rows[0]!.saved).toBe(true);
  });

  it('keeps a saved copy of another state in its own row (a reloaded tab at epoch 0)', () => {
    const fresh = makeRecord({ id: 'a', status: 'idle', epoch: 0 });
    const rows = compareRows({ tabId: 't1', record: fresh }, [], [makeRecord({ id: 'a' })], []);
    expect(rows.map((r) => [r.key, r.source, r.saved])).toEqual([
      ['tab:t1', 'this-tab', false],
      ['saved:a', 'saved', true],
    ]);
  });

  it('marks imported runs, saved or not', () => {
    const unfinished = makeRecord({ id: 'u', status: 'paused', epoch: 3 });
    const rows = compareRows(
      null,
      [],
      [makeRecord({ id: 's' }), makeRecord({ id: 'i' })],
      [unfinished],
      ['i'],
    );
    expect(rows.map((r) => [r.key, r.source])).toEqual([
      ['saved:s', 'saved'],
      ['saved:i', 'imported'],
      ['imported:u', 'imported'],
    ]);
  });
});

describe('compareRows on several datasets', () => {
  it('puts the runs on the same data side by side, this tab’s group first', () => {
    const seed3 = (id: string) => makeRecord({ id, recipe: { ...mine.recipe, seed: 3 } });
    const file = (id: string) =>
      makeRecord({ id, data: { name: 'f.csv', rows: 60, d: 2, hash: '0123456789abcdef' } });
    const rows = compareRows(
      { tabId: 't1', record: mine },
      [
        { tabId: 't2', record: seed3('x') },
        { tabId: 't3', record: file('c') },
        { tabId: 't4', record: other },
      ],
      [seed3('e'), file('f'), makeRecord({ id: 'g' })],
      [],
    );
    expect(rows.map((r) => r.record.id)).toEqual(['a', 'b', 'g', 'x', 'e', 'c', 'f']);
  });
});

describe('recipeGroups', () => {
  it('groups runs on the same data, in order of first appearance', () => {
    const seed3 = makeRecord({ id: 'd', recipe: { ...mine.recipe, seed: 3 } });
    const groups = recipeGroups([{ record: mine }, { record: seed3 }, { record: other }]);
    expect(groups.map((g) => g.map((r) => r.record.id))).toEqual([['a', 'b'], ['d']]);
  });
});
