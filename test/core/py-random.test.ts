import { describe, expect, it } from 'vitest';
import { PyRandom } from '../../src/core/py-random.ts';

// Values printed by CPython 3.11 (`random.seed(n)` then the call), listed in shared/seed/README.md.
describe('PyRandom (CPython random, bit for bit)', () => {
  it('seed 7: the first three 32-bit outputs', () => {
    const r = new PyRandom(7);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([
      1390851128, 4071050724, 647892279,
    ]);
  });

  it('seed 7: the first three random()', () => {
    const r = new PyRandom(7);
    expect([r.random(), r.random(), r.random()]).toEqual([
      0.32383276483316237, 0.15084917392450192, 0.6509344730398537,
    ]);
  });

  it('seed 7: the first three gauss(0, 1), with the cached second value', () => {
    const r = new PyRandom(7);
    expect([r.gauss(0, 1), r.gauss(0, 1), r.gauss(0, 1)]).toEqual([
      -0.2558802884476004, 0.511431512516514, -0.2260961647831047,
    ]);
  });

  it('gauss matches CPython where V8’s Math.log/cos/sin would be off by an ulp', () => {
    // random.seed(12345); draws 69, 83 and 110 of gauss(0, 1) (0-based), printed by CPython.
    const r = new PyRandom(12345);
    const draws = Array.from({ length: 111 }, () => r.gauss(0, 1));
    expect([draws[69], draws[83], draws[110]]).toEqual([
      1.1129534554490752, 0.2894184649546944, 0.006873658312051819,
    ]);
  });

  it.each([
    [0, 0.8444218515250481],
    [4294967295, 0.6353574441341173],
    [2 ** 40 + 5, 0.5043802970418443],
  ])('seed %d: first random() is %d (multi-word keys like CPython)', (seed, first) => {
    expect(new PyRandom(seed).random()).toBe(first);
  });

  it('uniform(a, b) = a + (b - a)·random()', () => {
    const a = new PyRandom(7);
    const b = new PyRandom(7);
    expect(a.uniform(-3, 3)).toBe(-3 + 6 * b.random());
  });

  it('re-seeding restarts the stream and drops the cached gauss value', () => {
    const r = new PyRandom(7);
    r.gauss(0, 1);
    r.seed(7);
    expect(r.gauss(0, 1)).toBe(-0.2558802884476004);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('rejects seed %d with its allowed range', (seed) => {
    expect(() => new PyRandom(seed)).toThrow(/seed must be an integer in \[0, 9007199254740991\]/);
  });
});
