import { describe, expect, it } from 'vitest';
import { raceLinks } from '../../src/compare/race-links.ts';
import { DEFAULT_SETTINGS } from '../../src/settings/schema.ts';
import { parseHash } from '../../src/url-state.ts';

describe('raceLinks', () => {
  it('one link per optimizer: the same settings, only the optimizer differs', () => {
    const settings = {
      recipe: { ...DEFAULT_SETTINGS.recipe, seed: 3, nPerClass: 500 },
      hp: { ...DEFAULT_SETTINGS.hp, lr: 0.1, reg: 0.02, epochs: 90 },
    };
    const links = raceLinks(settings, 'http://x/app/');
    expect(links.map((l) => [l.optimizer, l.label])).toEqual([
      ['gd', 'Gradient descent'],
      ['pegasos', 'Pegasos (SGD)'],
      ['sgd', 'Mini-batch SGD'],
      ['momentum', 'GD with momentum'],
    ]);
    for (const link of links) {
      expect(link.href.startsWith('http://x/app/#seed=3&')).toBe(true);
      const read = parseHash(link.href.slice(link.href.indexOf('#')));
      expect(read.ignored).toEqual([]);
      expect(read.settings).toEqual({
        ...settings,
        hp: { ...settings.hp, optimizer: link.optimizer },
      });
    }
  });
});
