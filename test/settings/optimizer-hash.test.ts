import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/schema.ts';
import { parseHash, serialiseHash } from '../../src/url-state.ts';

const ARTICLE = '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=400&reg=0.01';

describe('the optimizer in the URL hash', () => {
  it('leaves the optimizer settings out at their defaults: the article link is unchanged', () => {
    expect(serialiseHash(DEFAULT_SETTINGS)).toBe(ARTICLE);
    expect(parseHash(ARTICLE)).toEqual({ settings: DEFAULT_SETTINGS, ignored: [] });
  });

  it('writes the ones that differ, in schema order, and reads them back', () => {
    const hp = { ...DEFAULT_SETTINGS.hp, optimizer: 'sgd' as const, batchSize: 8 };
    const s = { ...DEFAULT_SETTINGS, hp };
    const hash = serialiseHash(s);
    expect(hash).toBe(
      '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&optimizer=sgd&lr=0.05&epochs=400' +
        '&reg=0.01&batchSize=8',
    );
    expect(parseHash(hash)).toEqual({ settings: s, ignored: [] });
  });

  it('reports an unknown optimizer and keeps the default', () => {
    const read = parseHash(ARTICLE + '&optimizer=adam');
    expect(read.settings.hp.optimizer).toBe('gd');
    expect(read.ignored.map((e) => e.name)).toEqual(['optimizer']);
  });
});
