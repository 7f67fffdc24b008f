import { describe, expect, it } from 'vitest';
import {
  compareRows,
  differingSettings,
  recipeGroups,
  settingOf,
} from '../../src/compare/compare-rows.ts';
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

describe('differingSettings', () => {
  it('names the settings that are not the same in every run', () => {
    expect(differingSettings([])).toEqual(new Set());
    expect(differingSettings([mine])).toEqual(new Set());
    expect(differingSettings([mine, makeRecord()])).toEqual(new Set());
    expect(differingSettings([mine, other])).toEqual(new Set(['lr']));
    const tilted = makeRecord({
      recipe: { ...mine.recipe, trueW: [1, -0.5] },
      hp: { lr: 0.05, epochs: 10, reg: 0 },
    });
    expect(differingSettings([mine, tilted])).toEqual(new Set(['trueW', 'epochs', 'reg']));
  });

  it('tells −0 from 0 (they are different settings in the URL)', () => {
    const zero = makeRecord({ recipe: { ...mine.recipe, trueB: 0 } });
    const negZero = makeRecord({ recipe: { ...mine.recipe, trueB: -0 } });
    expect(differingSettings([zero, negZero])).toEqual(new Set(['trueB']));
    expect(settingOf(zero, 'trueW')).toEqual([1, -0.6]);
  });
});

describe('recipeGroups', () => {
  it('groups runs on the same data, in order of first appearance', () => {
    const seed3 = makeRecord({ id: 'd', recipe: { ...mine.recipe, seed: 3 } });
    const groups = recipeGroups([{ record: mine }, { record: seed3 }, { record: other }]);
    expect(groups.map((g) => g.map((r) => r.record.id))).toEqual([['a', 'b'], ['d']]);
  });
});
