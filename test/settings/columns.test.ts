import { describe, expect, it } from 'vitest';
import { cellText, differingKeys } from '../../src/settings/columns.ts';
import { CHOICE_ENTRIES, CHOICE_SCHEMA, choiceSettings } from './choice-schema.ts';

const [, centre, optimizer, lr] = CHOICE_ENTRIES;

describe('settings as table columns, with a choice', () => {
  it('names the entries that differ, a choice among them', () => {
    const a = choiceSettings();
    expect(differingKeys(CHOICE_SCHEMA, [])).toEqual(new Set());
    expect(differingKeys(CHOICE_SCHEMA, [a])).toEqual(new Set());
    expect(differingKeys(CHOICE_SCHEMA, [a, choiceSettings()])).toEqual(new Set());
    const b = choiceSettings({ centre: [0, -0] }, { optimizer: 'dcd' });
    expect(differingKeys(CHOICE_SCHEMA, [a, a, b])).toEqual(new Set(['centre', 'optimizer']));
  });

  it('shows a choice by its label (its id without one), numbers as the URL writes them', () => {
    expect(cellText(optimizer, 'dcd')).toBe('Dual coordinate descent');
    expect(cellText(optimizer, 'sgd')).toBe('sgd');
    expect(cellText(centre, [1, -0])).toBe('1, -0');
    expect(cellText(lr, 1e-7)).toBe('1e-7');
  });
});
