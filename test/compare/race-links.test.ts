import { describe, expect, it } from 'vitest';
import { raceLinks, raceTitle, readRaceHash } from '../../src/compare/race-links.ts';
import { OPTIMIZER_NAMES } from '../../src/core/optimizers/optimizer-limits.ts';
import { DEFAULT_SETTINGS } from '../../src/settings/schema.ts';
import { parseHash, serialiseHash } from '../../src/url-state.ts';

describe('raceLinks', () => {
  it('one link per optimizer: the same settings, only the optimizer differs, and race=1', () => {
    const settings = {
      recipe: { ...DEFAULT_SETTINGS.recipe, seed: 3, nPerClass: 500 },
      hp: { ...DEFAULT_SETTINGS.hp, lr: 0.1, reg: 0.02, epochs: 90 },
    };
    const links = raceLinks(settings, 'http://x/app/');
    expect(links.map((l) => l.optimizer)).toEqual([...OPTIMIZER_NAMES]);
    expect(links.slice(0, 4).map((l) => [l.optimizer, l.label])).toEqual([
      ['gd', 'Gradient descent'],
      ['pegasos', 'Pegasos (SGD)'],
      ['sgd', 'Mini-batch SGD'],
      ['momentum', 'GD with momentum'],
    ]);
    for (const link of links) {
      expect(link.href.startsWith('http://x/app/#seed=3&')).toBe(true);
      expect(link.href.endsWith('&race=1')).toBe(true);
      const { race, settings: hash } = readRaceHash(link.href.slice(link.href.indexOf('#')));
      expect(race).toBe(true);
      const read = parseHash(hash);
      expect(read.ignored).toEqual([]);
      expect(read.settings).toEqual({
        ...settings,
        hp: { ...settings.hp, optimizer: link.optimizer },
      });
    }
  });
});

describe('readRaceHash', () => {
  it('leaves a link without a race entry exactly as it was', () => {
    const hash = serialiseHash(DEFAULT_SETTINGS);
    expect(readRaceHash(hash)).toEqual({ race: false, settings: hash });
    expect(readRaceHash('')).toEqual({ race: false, settings: '' });
    expect(readRaceHash('#seed=3&racer=1')).toEqual({ race: false, settings: '#seed=3&racer=1' });
  });

  it('takes every race entry off; only race=1 starts a race', () => {
    expect(readRaceHash('#race=1&seed=3')).toEqual({ race: true, settings: '#seed=3' });
    expect(readRaceHash('#seed=3&race=0')).toEqual({ race: false, settings: '#seed=3' });
    expect(readRaceHash('#race=1')).toEqual({ race: true, settings: '' });
    expect(readRaceHash('#seed=3&race=yes&race=1')).toEqual({ race: true, settings: '#seed=3' });
  });

  it('names the tab after its optimizer', () => {
    expect(raceTitle('pegasos')).toBe('Pegasos (SGD) · race · hinge-lab');
  });
});
