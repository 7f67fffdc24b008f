import { describe, expect, it } from 'vitest';
import type { CompareRow } from '../../src/compare/compare-rows.ts';
import {
  isStored,
  rowTags,
  settingCells,
  settingColumns,
} from '../../src/compare/compare-table.ts';
import type { RunRecord } from '../../src/compare/run-record.ts';
import { makeRecord } from './records.ts';

const article = makeRecord({ id: 'a' });
const tilted = makeRecord({
  id: 'b',
  recipe: { ...article.recipe, trueW: [1, -0.5], trueB: -0 },
  hp: { ...article.hp, lr: 0.2 },
});

describe('settingColumns', () => {
  it('lists every setting with its heading, none differing for one run', () => {
    expect(settingColumns([article])).toEqual([
      { key: 'seed', heading: 'Seed', differs: false },
      { key: 'nPerClass', heading: 'Points / class', differs: false },
      { key: 'trueW', heading: 'True w', differs: false },
      { key: 'trueB', heading: 'True b', differs: false },
      { key: 'noise', heading: 'Noise σ', differs: false },
      { key: 'optimizer', heading: 'Optimizer', differs: false },
      { key: 'lr', heading: 'Learning rate', differs: false },
      { key: 'epochs', heading: 'Epochs', differs: false },
      { key: 'reg', heading: 'λ', differs: false },
    ]);
  });

  it('marks the settings that differ, and each row’s cells under them', () => {
    const columns = settingColumns([article, tilted]);
    expect(columns.filter((c) => c.differs).map((c) => c.key)).toEqual(['trueW', 'trueB', 'lr']);
    const cells = settingCells(tilted, columns);
    expect(cells.map((c) => c.text)).toEqual([
      '7',
      '30',
      '1, -0.5',
      '-0',
      '0.5',
      'Gradient descent',
      '0.2',
      '400',
      '0.01',
    ]);
    expect(cells.map((c) => c.differs)).toEqual(columns.map((c) => c.differs));
  });
});

describe('optimizer columns', () => {
  it("shows an optimizer's own settings only when a row's optimizer reads them, '–' elsewhere", () => {
    const sgd = makeRecord({ id: 's', hp: { ...article.hp, optimizer: 'sgd', batchSize: 8 } });
    expect(settingColumns([article]).map((c) => c.key)).not.toContain('batchSize');
    const columns = settingColumns([article, sgd]);
    const keys = columns.map((c) => c.key);
    expect(keys).toContain('batchSize');
    expect(keys).toContain('schedule');
    expect(keys).not.toContain('beta');
    const cell = (r: RunRecord, key: string) =>
      settingCells(r, columns).find((c) => c.key === key)!;
    expect(cell(sgd, 'optimizer').text).toBe('Mini-batch SGD');
    expect(cell(sgd, 'batchSize').text).toBe('8');
    expect(cell(article, 'batchSize')).toEqual({ key: 'batchSize', text: '–', differs: false });
    expect(cell(article, 'optimizer').differs).toBe(true);
  });
});

describe('which settings differ', () => {
  const differing = (...records: RunRecord[]) =>
    settingColumns(records)
      .filter((c) => c.differs)
      .map((c) => c.key);

  it('none for fewer than two runs or the same settings', () => {
    expect(differing()).toEqual([]);
    expect(differing(article)).toEqual([]);
    expect(differing(article, makeRecord({ id: 'c', status: 'running', epoch: 3 }))).toEqual([]);
  });

  it('each setting whose value is not the same in every run, −0 apart from 0', () => {
    const other = makeRecord({
      recipe: { ...article.recipe, trueW: [1, -0.5] },
      hp: { ...article.hp, lr: 0.05, epochs: 10, reg: 0 },
    });
    expect(differing(article, article, other)).toEqual(['trueW', 'epochs', 'reg']);
    const zero = makeRecord({ recipe: { ...article.recipe, trueB: 0 } });
    expect(differing(zero, makeRecord({ recipe: { ...article.recipe, trueB: -0 } }))).toEqual([
      'trueB',
    ]);
  });
});

describe('rowTags', () => {
  const row = (over: Partial<CompareRow>): CompareRow => ({
    key: 'k',
    record: article,
    source: 'this-tab',
    saved: false,
    hidden: false,
    ...over,
  });

  it.each<[Partial<CompareRow>, string, boolean]>([
    [{}, 'this tab', false],
    [{ saved: true }, 'this tab · saved', false],
    [{ source: 'other-tab', hidden: true }, 'other tab · in the background', false],
    [
      { source: 'other-tab', saved: true, hidden: true },
      'other tab · saved · in the background',
      false,
    ],
    [{ source: 'saved', saved: true }, 'saved', true],
    [{ source: 'imported', saved: true }, 'imported', true],
  ])('%j: %s', (over, tags, stored) => {
    expect(rowTags(row(over))).toBe(tags);
    expect(isStored(row(over))).toBe(stored);
  });
});
