import { describe, expect, it } from 'vitest';
import { inRowMemory } from '../../src/core/wasm/row-memory.ts';
import { PassThreads } from '../../workers/pass-threads.ts';
import { randomRows } from '../core/blocked-reference.ts';

describe('PassThreads.adopt', () => {
  it('moves an imported dataset’s rows into a shared row memory once (the wasm kernel’s)', () => {
    for (const spawn of [null, undefined]) {
      const threads = new PassThreads(spawn);
      const plain = randomRows(1000, 3, 5);
      const adopted = threads.adopt(plain);
      expect(inRowMemory(adopted.x, adopted.y)).toBe(true);
      expect(adopted.x.buffer).toBeInstanceOf(SharedArrayBuffer); // Node shares memory
      expect(Array.from(adopted.x)).toEqual(Array.from(plain.x));
      expect(Array.from(adopted.y)).toEqual(Array.from(plain.y));
      expect(threads.adopt(adopted)).toBe(adopted); // already there: no second copy
      threads.stop();
    }
  });
});
