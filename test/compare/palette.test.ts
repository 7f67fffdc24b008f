import { describe, expect, it } from 'vitest';
import { RUN_COLOURS, runStyle, StyleBook, styleKeys } from '../../src/compare/palette.ts';

describe('runStyle', () => {
  it('uses each colour once, then again dashed', () => {
    const n = RUN_COLOURS.length;
    const first = Array.from({ length: n }, (_, k) => runStyle(k));
    expect(new Set(first.map((s) => s.colour)).size).toBe(n);
    expect(first.every((s) => s.dash === '')).toBe(true);
    expect(runStyle(n)).toEqual({ colour: RUN_COLOURS[0], dash: '7 4' });
    expect(runStyle(2 * n + 1).dash).toBe('2 3');
  });
});

describe('StyleBook', () => {
  it('keeps a key’s slot while it stays, and reuses freed slots lowest first', () => {
    const book = new StyleBook();
    expect(book.assign(['a', 'b', 'c'])).toEqual([0, 1, 2]);
    expect(book.assign(['c', 'a'])).toEqual([2, 0]);
    expect(book.assign(['c', 'a', 'd', 'e'])).toEqual([2, 0, 1, 3]);
  });
});

describe('styleKeys', () => {
  it('tells apart rows that share a run id', () => {
    expect(styleKeys(['x', 'y', 'x', 'x'])).toEqual(['x', 'y', 'x#1', 'x#2']);
  });
});
