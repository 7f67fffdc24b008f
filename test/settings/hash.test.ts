import { describe, expect, it } from 'vitest';
import { defineSchema } from '../../src/settings/define.ts';
import { limitErrors } from '../../src/core/limits.ts';
import { parseHashWith, serialiseHashWith } from '../../src/settings/hash.ts';
import { CHOICE_SCHEMA, choiceSettings, OPTIMIZERS } from './choice-schema.ts';

/** A choice whose ids need escaping (a data source's name, say). */
const LIMIT = { kind: 'choice', options: ['plain', 'a b&c=d#é%'] } as const;

describe('a URL hash over a schema with a choice', () => {
  it('writes every entry in schema order, the choice as its id', () => {
    const s = choiceSettings({ centre: [1, -0] }, { optimizer: 'momentum' });
    expect(serialiseHashWith(CHOICE_SCHEMA, s)).toBe(
      '#seed=7&centre=1,-0&optimizer=momentum&lr=0.05&batchSize=32',
    );
  });

  it.each(OPTIMIZERS)('round-trips optimizer=%s', (optimizer) => {
    const s = choiceSettings({ seed: 3 }, { optimizer });
    expect(parseHashWith(CHOICE_SCHEMA, serialiseHashWith(CHOICE_SCHEMA, s))).toEqual({
      settings: s,
      ignored: [],
    });
  });

  it('ignores an unknown option, naming the options, and keeps the default', () => {
    expect(parseHashWith(CHOICE_SCHEMA, '#optimizer=adam&lr=0.5')).toEqual({
      settings: choiceSettings({}, { lr: 0.5 }),
      ignored: [
        {
          name: 'optimizer',
          raw: 'adam',
          reason: 'optimizer must be one of gd, pegasos, sgd, momentum, dcd, got "adam"',
        },
      ],
    });
  });

  it('escapes what would break the hash in an option id, and reads it back', () => {
    const odd = defineSchema<{ g: { src: string } }>(
      [{ key: 'g', legend: 'G', errors: (v) => limitErrors({ src: LIMIT }, v) }],
      [{ key: 'src', group: 'g', label: 'S', heading: 'S', limit: LIMIT, default: 'a b&c=d#é%' }],
    );
    const hash = serialiseHashWith(odd, odd.defaults);
    expect(hash).toBe('#src=a%20b%26c%3Dd%23%C3%A9%25');
    expect(parseHashWith(odd, hash)).toEqual({ settings: odd.defaults, ignored: [] });
  });
});
