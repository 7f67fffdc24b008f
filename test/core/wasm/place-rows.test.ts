/**
 * Rows in a row memory: the generator's allocator and placeRows put x and y there (or fall back
 * to plain arrays where the kernel cannot serve them), and a trainer over placed rows, whose full
 * passes the wasm kernel scans, keeps the reference's bits epoch after epoch, capturing or not.
 */
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../src/core/dataset.ts';
import { emptySums } from '../../../src/core/pass-sums.ts';
import { PyRandom } from '../../../src/core/py-random.ts';
import { DEFAULT_RECIPE } from '../../../src/core/recipe.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { placeRows, rowsAllocator } from '../../../src/core/wasm/place-rows.ts';
import { inRowMemory } from '../../../src/core/wasm/row-memory.ts';
import { scanInRowMemory } from '../../../src/core/wasm/row-scan.ts';
import { sleb, uleb } from '../../../src/core/wasm/wasm-encoding.ts';
import { randomRows } from '../blocked-reference.ts';
import { experiment, referenceTrain } from '../helpers.ts';

describe('row memory', () => {
  it('the generator draws into one (the same dataset as into plain arrays)', () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 500 };
    const plain = new DatasetBuilder(recipe, new PyRandom(recipe.seed));
    const mem = new DatasetBuilder(
      recipe,
      new PyRandom(recipe.seed),
      rowsAllocator(1000, 2, false),
    );
    plain.advance(1e9);
    mem.advance(1e9);
    expect(inRowMemory(mem.x, mem.y)).toBe(true);
    expect(inRowMemory(plain.x, plain.y)).toBe(false);
    expect(Array.from(mem.x)).toEqual(Array.from(plain.x));
    expect(Array.from(mem.y)).toEqual(Array.from(plain.y));
  });

  it('falls back to plain arrays past d = 64, and the kernel declines them', () => {
    const alloc = rowsAllocator(10, 65, false);
    const x = alloc(650);
    const y = alloc(10);
    expect(x.length).toBe(650);
    expect(inRowMemory(x, y)).toBe(false);
    expect(placeRows(randomRows(10, 65, 1), false)).toBeNull();
    const w = new Float64Array(65);
    expect(scanInRowMemory(x, y, w, 0, 0, 10, emptySums(65))).toBe(false);
  });

  it('placeRows copies once: placed rows come back as they are, or move to shared memory', () => {
    const data = randomRows(33, 3, 4);
    const p = placeRows(data, false)!;
    expect(inRowMemory(p.x, p.y)).toBe(true);
    expect(Array.from(p.x)).toEqual(Array.from(data.x));
    expect(Array.from(p.y)).toEqual(Array.from(data.y));
    expect(placeRows(p, false)).toBe(p);
    const shared = placeRows(p, true)!;
    expect(shared.x.buffer instanceof SharedArrayBuffer).toBe(true);
    expect(Array.from(shared.x)).toEqual(Array.from(data.x));
  });

  it('a trainer over placed rows keeps the reference bits (the article, 400 epochs)', () => {
    const { data, model } = experiment();
    const t = new Trainer(placeRows(data, false)!, model, { lr: 0.05, reg: 0.01 });
    t.capture = false;
    t.step(400);
    const ref = referenceTrain(data, model, 0.05, 0.01, 400);
    expect(Array.from(t.w)).toEqual(Array.from(ref.w));
    expect(t.b).toBe(ref.b);
  });

  it('placed and plain rows train alike: random order d = 2 and 5, class-blocked d = 2', () => {
    for (const [d, blocked] of [
      [2, false],
      [5, false],
      [2, true],
    ] as const) {
      const data = randomRows(3001, d, 50 + d, blocked);
      const model = { w: new Float64Array(d).fill(0.2), b: 0.1 };
      const a = new Trainer(data, model, { lr: 0.05, reg: 0.01 });
      const b = new Trainer(placeRows(data, false)!, model, { lr: 0.05, reg: 0.01 });
      for (let e = 0; e < 30; e++) {
        a.capture = b.capture = e % 3 === 0;
        a.step(1);
        b.step(1);
      }
      expect(Array.from(b.w)).toEqual(Array.from(a.w));
      expect(b.b).toBe(a.b);
      expect(b.evaluate()).toEqual(a.evaluate());
    }
  });

  it('encodes LEB128 as the WebAssembly specification does', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(65535)).toEqual([0xff, 0xff, 0x03]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-64)).toEqual([0x40]);
  });
});
