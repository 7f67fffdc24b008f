import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/fields.ts';
import { describeIgnored, parseHash, serialiseHash } from '../../src/url-state.ts';

const ARTICLE = '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=400&reg=0.01';

describe('serialiseHash', () => {
  it("writes the article's experiment with the documented names", () => {
    expect(serialiseHash(DEFAULT_SETTINGS)).toBe(ARTICLE);
  });

  it('keeps the sign of −0 and writes big and small numbers as JavaScript does', () => {
    const s: Settings = {
      recipe: { seed: 2 ** 53 - 1, nPerClass: 1, trueW: [1e21, -0], trueB: -0, noise: 1e-7 },
      hp: { lr: 5e-324, epochs: 0, reg: 0 },
    };
    expect(serialiseHash(s)).toBe(
      '#seed=9007199254740991&nPerClass=1&trueW=1e+21,-0&trueB=-0&noise=1e-7&lr=5e-324&epochs=0&reg=0',
    );
  });
});

describe('parseHash', () => {
  it("reads the article's URL as the defaults, ignoring nothing", () => {
    expect(parseHash(ARTICLE)).toEqual({ settings: DEFAULT_SETTINGS, ignored: [] });
  });

  it.each(['', '#', '#&&'])('gives the defaults for an empty hash %j', (hash) => {
    expect(parseHash(hash)).toEqual({ settings: DEFAULT_SETTINGS, ignored: [] });
  });

  it('fills missing fields with defaults silently', () => {
    const { settings, ignored } = parseHash('#seed=3&lr=0.1');
    expect(ignored).toEqual([]);
    expect(settings.recipe).toEqual({ ...DEFAULT_SETTINGS.recipe, seed: 3 });
    expect(settings.hp).toEqual({ ...DEFAULT_SETTINGS.hp, lr: 0.1 });
  });

  it('reads a three-dimensional trueW and percent-escaped values', () => {
    const { settings, ignored } = parseHash('#trueW=1%2C2%2C-3&trueB=%2D1.5');
    expect(ignored).toEqual([]);
    expect(settings.recipe.trueW).toEqual([1, 2, -3]);
    expect(settings.recipe.trueB).toBe(-1.5);
  });

  it.each([
    ['seed=abc', 'seed', /seed must be an integer in \[0, 9007199254740991\], got "abc"/],
    ['seed=1.5', 'seed', /got 1.5$/],
    ['nPerClass=0', 'nPerClass', /nPerClass must be an integer in \[1, 5000000\], got 0/],
    ['trueW=1,x', 'trueW', /trueW must be 1 to 64 finite numbers, got "1,x"/],
    ['trueW=', 'trueW', /got an empty field/],
    ['trueB=Infinity', 'trueB', /trueB must be a finite number/],
    ['noise=-1', 'noise', /noise must be a finite number >= 0, got -1/],
    ['lr=0', 'lr', /lr must be a finite number > 0, got 0/],
    ['lr=0x10', 'lr', /got "0x10"/],
    ['epochs=1e8', 'epochs', /epochs must be an integer in \[0, 10000000\]/],
    ['reg=%E0%A4%A', 'reg', /malformed escape/],
  ])('falls back to the default for %s only, naming it', (entry, field, reason) => {
    const other = field === 'seed' ? 'epochs=11' : 'seed=11';
    const { settings, ignored } = parseHash(`#${entry}&${other}`);
    const defaults = parseHash(`#${other}`).settings;
    expect(settings).toEqual(defaults);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.name).toBe(field);
    expect(ignored[0]!.reason).toMatch(reason);
  });

  it('reports unknown names and keeps the known ones', () => {
    const { settings, ignored } = parseHash('#colour=red&epochs=10&bare');
    expect(settings.hp.epochs).toBe(10);
    expect(ignored.map((e) => e.name)).toEqual(['colour', 'bare']);
    expect(ignored.every((e) => e.reason === 'not a setting')).toBe(true);
  });

  it('round-trips any valid settings exactly', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const settings = fc.record({
      recipe: fc.record({
        seed: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        nPerClass: fc.integer({ min: 1, max: 5_000_000 }),
        trueW: fc.array(finite, { minLength: 1, maxLength: 64 }),
        trueB: finite,
        noise: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
      }),
      hp: fc.record({
        lr: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
        epochs: fc.integer({ min: 0, max: 10_000_000 }),
        reg: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
        optimizer: fc.constantFrom('gd', 'sgd', 'momentum' as const),
        project: fc.constantFrom('on', 'off' as const),
        batchSize: fc.integer({ min: 1, max: 10_000_000 }),
        schedule: fc.constantFrom('constant', 'inverse', 'inverse-sqrt' as const),
        beta: fc.double({ min: 0, max: 0.999, noNaN: true }),
        momentum: fc.constantFrom('heavy-ball', 'nesterov' as const),
      }),
    });
    fc.assert(
      fc.property(settings, (s) => {
        const back = parseHash(serialiseHash(s));
        expect(back.ignored).toEqual([]);
        expect(back.settings).toEqual(s);
        expect(serialiseHash(back.settings)).toBe(serialiseHash(s));
      }),
    );
  });
});

describe('describeIgnored', () => {
  it('is empty when nothing was ignored and names each entry otherwise', () => {
    expect(describeIgnored([])).toBe('');
    const { ignored } = parseHash('#seed=abc&lr=-1');
    expect(describeIgnored(ignored)).toBe(
      'Ignored from the link (defaults used instead): seed=abc, lr=-1.',
    );
  });
});
