import { describe, expect, it } from 'vitest';
import {
  ceilSignificant,
  defaultTarget,
  parseTarget,
  reachedFirst,
  reachOf,
  threshold,
  type Racer,
} from '../../src/compare/reached-first.ts';
import type { RunCurves } from '../../src/compare/run-record.ts';

/** Curves at `epochs` with objective `objective` and times `seconds` (omitted: no time). */
function curves(epochs: number[], objective: number[], seconds?: number[]): RunCurves {
  const c: RunCurves = { epochs, meanLoss: objective, objective, svCount: objective.map(() => 1) };
  if (seconds) c.seconds = seconds;
  return c;
}

// Fast in epochs, slow in time (a sampled optimizer), and the other way round.
const sampled: Racer = {
  curves: curves([0, 1, 2, 3], [1, 0.5, 0.3, 0.2], [0, 0.4, 0.8, 1.2]),
  pStar: 0.125,
};
const full: Racer = {
  curves: curves([0, 2, 4, 6], [1, 0.6, 0.4, 0.25], [0, 0.1, 0.2, 0.3]),
  pStar: 0.125,
};
const noTime: Racer = { curves: curves([0, 1, 5], [1, 0.28, 0.22]), pStar: null };

describe('reachOf', () => {
  it('is the first kept point at or below the limit, with its time', () => {
    expect(reachOf(sampled.curves, 0.3)).toEqual({ epoch: 2, seconds: 0.8 });
    expect(reachOf(sampled.curves, 1)).toEqual({ epoch: 0, seconds: 0 });
    expect(reachOf(sampled.curves, 0.1)).toEqual({ epoch: null, seconds: null });
    expect(reachOf(noTime.curves, 0.3)).toEqual({ epoch: 1, seconds: null });
    expect(reachOf(sampled.curves, null)).toEqual({ epoch: null, seconds: null });
  });
});

describe('reachedFirst', () => {
  it('can name one run first in epochs and another first in seconds', () => {
    const r = reachedFirst([sampled, full], { kind: 'objective', value: 0.3 });
    expect(r.reaches).toEqual([
      { epoch: 2, seconds: 0.8 },
      { epoch: 6, seconds: 0.3 },
    ]);
    expect([r.firstByEpoch, r.firstBySeconds]).toEqual([[0], [1]]);
  });

  it('leaves out of the time race a run without time, and shares a tie', () => {
    const r = reachedFirst([noTime, sampled, full], { kind: 'objective', value: 0.5 });
    expect(r.reaches.map((x) => x.epoch)).toEqual([1, 1, 4]);
    expect([r.firstByEpoch, r.firstBySeconds]).toEqual([[0, 1], [2]]);
  });

  it('with P − P* ≤ ε, races only the runs whose P* is known; nobody there yet gives none', () => {
    const r = reachedFirst([noTime, sampled, full], { kind: 'gap', eps: 0.175 });
    expect(threshold({ kind: 'gap', eps: 0.2 }, 0.1)).toBe(0.1 + 0.2);
    expect(r.reaches[0]).toEqual({ epoch: null, seconds: null });
    expect(r.firstByEpoch).toEqual([1]);
    const none = reachedFirst([sampled, full], { kind: 'gap', eps: 1e-6 });
    expect([none.firstByEpoch, none.firstBySeconds]).toEqual([[], []]);
  });
});

describe('defaultTarget', () => {
  it('is the weakest run’s best, rounded up, so every started run reached it', () => {
    const t = defaultTarget([sampled, full, noTime])!;
    expect(t).toEqual({ kind: 'objective', value: 0.25 });
    const r = reachedFirst([sampled, full, noTime], t);
    expect(r.reaches.every((x) => x.epoch !== null)).toBe(true);
  });

  it('is P − P* ≤ ε when every started run knows P*; null before any run started', () => {
    expect(defaultTarget([sampled, full])).toEqual({ kind: 'gap', eps: 0.13 });
    const idle: Racer = { curves: curves([0], [1]), pStar: 0.1 };
    expect(defaultTarget([idle])).toBeNull();
    expect(defaultTarget([idle, noTime])).toEqual({ kind: 'objective', value: 0.22 });
  });

  it('rounds up to significant digits', () => {
    expect(ceilSignificant(3.41e-4, 2)).toBe(3.5e-4);
    expect(ceilSignificant(0.165241, 4)).toBe(0.1653);
    expect(ceilSignificant(0.25, 2)).toBe(0.25);
    expect(ceilSignificant(1234, 2)).toBe(1300);
    expect(ceilSignificant(0.25 - 0.1, 2)).toBeGreaterThanOrEqual(0.25 - 0.1); // never below v
  });
});

describe('parseTarget', () => {
  it.each([
    ['objective', '', { ok: true, target: null }],
    ['objective', ' 0.16 ', { ok: true, target: { kind: 'objective', value: 0.16 } }],
    ['objective', '-1', { ok: false, error: 'Target objective must be a number ≥ 0, got “-1”' }],
    ['gap', '1e-3', { ok: true, target: { kind: 'gap', eps: 0.001 } }],
    ['gap', '0', { ok: false, error: 'Target ε must be a number > 0, got “0”' }],
    [
      'gap',
      'x'.repeat(30),
      { ok: false, error: `Target ε must be a number > 0, got “${'x'.repeat(20)}…”` },
    ],
  ] as const)('%s %j', (kind, text, expected) => {
    expect(parseTarget(kind, text)).toEqual(expected);
  });
});
