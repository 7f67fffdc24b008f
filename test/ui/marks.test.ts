import { describe, expect, it } from 'vitest';
import {
  CellPaths,
  markCount,
  markPath,
  markRadius,
  gridCells,
  markSubpaths,
  pickSubpaths,
  pickSubpathsByCell,
  polygonPoints,
  project,
} from '../../src/ui/marks.ts';

describe('marks', () => {
  const screen = project(
    Float64Array.from([0, 0, 1, 1, 2, 2]),
    (v) => 10 * v,
    (v) => 100 - 10 * v,
  );

  it('projects row-major pairs through the scales', () => {
    expect(Array.from(screen)).toEqual([0, 100, 10, 90, 20, 80]);
  });

  it('draws one subpath per picked point', () => {
    const circles = markPath('circle', screen, (k) => k !== 1, 2);
    expect(circles).toBe('M-2,100a2,2 0 1,0 4,0a2,2 0 1,0 -4,0M18,80a2,2 0 1,0 4,0a2,2 0 1,0 -4,0');
    expect(markPath('triangle', screen, (k) => k === 1, 5)).toBe('M10,84L16,94.8H4Z');
    expect(markPath('ring', screen, () => false, 5)).toBe('');
    expect(markPath('dot', screen, (k) => k !== 1, 2)).toBe('M0,100h0M20,80h0');
    expect(markCount(markPath('dot', screen, () => true, 2))).toBe(3);
  });

  it('picks marks written once, giving the same path as drawing them', () => {
    const rings = markSubpaths('ring', screen, 3);
    const flags = Uint8Array.from([1, 0, 1]);
    expect(pickSubpaths(rings, flags)).toBe(markPath('ring', screen, (k) => flags[k] === 1, 3));
    expect(pickSubpaths(rings, new Uint8Array(3))).toBe('');
    const bad = markSubpaths('circle', Float64Array.from([NaN, 1, 2, 2]), 1);
    expect(bad[0]).toBe('');
  });

  it('splits picked marks by grid cell, each in one cell', () => {
    // screen: (0,100) (10,90) (20,80) on a 100-px square in 2×2 cells
    const cells = gridCells(screen, 100, 2);
    expect(Array.from(cells)).toEqual([2, 2, 2]);
    const edge = gridCells(Float64Array.from([99, 1, -5, 120, NaN, 3]), 100, 2);
    expect(Array.from(edge)).toEqual([1, 2, 0]);
    const rings = markSubpaths('ring', screen, 3);
    const flags = Uint8Array.from([1, 0, 1]);
    const byCell = pickSubpathsByCell(rings, flags, cells, 2);
    expect(byCell).toHaveLength(4);
    expect(byCell.join('')).toBe(pickSubpaths(rings, flags));
    expect(byCell[2]).toBe(pickSubpaths(rings, flags));
  });

  it('keeps per-cell paths up to date, rebuilding only cells whose flags changed', () => {
    const k = 500;
    const xy = Float64Array.from({ length: 2 * k }, (_, i) => (i * 7919) % 100);
    const subs = markSubpaths('ring', xy, 1);
    const cellOf = gridCells(xy, 100, 4);
    const paths = new CellPaths(subs, cellOf, 4);
    let flags = Uint8Array.from({ length: k }, (_, i) => +(i % 3 === 0));
    let got = paths.update(flags);
    expect(got).toEqual(pickSubpathsByCell(subs, flags, cellOf, 4));
    const before = got;
    flags = flags.slice();
    flags[10] = 1 - flags[10]!;
    got = paths.update(flags);
    expect(got).toEqual(pickSubpathsByCell(subs, flags, cellOf, 4));
    const changed = got.filter((d, c) => d !== before[c]);
    expect(changed).toHaveLength(1);
    expect(got).not.toBe(before);
    expect(paths.update(new Uint8Array(k))).toEqual(new Array(16).fill(''));
  });

  it('counts the marks of a path', () => {
    expect(markCount(markPath('circle', screen, () => true, 2))).toBe(3);
    expect(markCount(markPath('triangle', screen, (k) => k === 1, 5))).toBe(1);
    expect(markCount('')).toBe(0);
  });

  it('shrinks marks for big samples', () => {
    expect(markRadius(60)).toBe(4);
    expect(markRadius(4000)).toBe(1.8);
    expect(markRadius(1000)).toBeCloseTo(2.19, 2);
  });

  it('rounds coordinates to 0.1 px exactly as String(Math.round(10·v) / 10)', () => {
    const values = [0, -0, 0.04, -0.04, -0.05, 0.05, 1.25, -1.25, 12.34, -12.36, 699.95, 3e9, -3e9];
    const got = polygonPoints(
      values.map((v) => [v, v] as [number, number]),
      (v) => v,
      (v) => v,
    );
    const want = values.map((v) => String(Math.round(v * 10) / 10)).map((t) => `${t},${t}`);
    expect(got).toBe(want.join(' '));
  });

  it('writes polygon points rounded to 0.1 px', () => {
    expect(
      polygonPoints(
        [
          [0.123, 1],
          [1, 0],
        ],
        (v) => v * 10,
        (v) => v,
      ),
    ).toBe('1.2,1 10,0');
  });
});
