import { describe, expect, it } from 'vitest';
import { raceView, reachText, targetText } from '../../src/compare/race-view.ts';
import type { RunRecord } from '../../src/compare/run-record.ts';
import { makeRecord } from './records.ts';

/** A finished run of `epochs` epochs whose objective falls to `best` (times: `secondsPerEpoch`). */
function run(
  id: string,
  objective: number[],
  secondsPerEpoch: number,
  extra: Partial<RunRecord> = {},
) {
  const epochs = objective.map((_, t) => t);
  const record = makeRecord({
    id,
    epoch: epochs.length - 1,
    hp: { ...makeRecord().hp, epochs: epochs.length - 1 },
    metrics: { ...makeRecord().metrics, meanLoss: objective.at(-1)!, objective: objective.at(-1)! },
    curves: {
      epochs,
      meanLoss: objective,
      objective,
      svCount: objective.map(() => 3),
      seconds: epochs.map((t) => t * secondsPerEpoch),
    },
    ...extra,
  });
  return { key: `tab:${id}`, record };
}

describe('raceView', () => {
  const a = run('a', [1, 0.4, 0.3, 0.2], 0.5); // first in epochs
  const b = run('b', [1, 0.8, 0.5, 0.3, 0.25, 0.2], 0.01); // first in seconds
  it('defaults to a target every run reached, and names who was first each way', () => {
    const v = raceView([a, b], 'objective', '');
    expect([v.target, v.isDefault, v.error]).toEqual([{ kind: 'objective', value: 0.2 }, true, '']);
    expect(v.rows.map((r) => [r.epoch, r.seconds])).toEqual([
      [3, 1.5],
      [5, 0.05],
    ]);
    expect([v.firstByEpoch, v.firstBySeconds]).toEqual([['tab:a'], ['tab:b']]);
    expect(v.rows.map((r) => [r.firstInEpochs, r.firstInSeconds])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('takes a typed target; a refused one says why and the default stays', () => {
    const v = raceView([a, b], 'objective', '0.3');
    expect(v.rows.map((r) => r.epoch)).toEqual([2, 3]);
    const bad = raceView([a, b], 'objective', 'abc');
    expect(bad.error).toBe('Target objective must be a number ≥ 0, got “abc”');
    expect([bad.target, bad.isDefault]).toEqual([{ kind: 'objective', value: 0.2 }, true]);
  });

  it('reads the typed text as the chosen kind, else as the default’s', () => {
    const solved = run('s', [1, 0.5, 0.19], 0.1, { optimum: { primal: 0.15, gap: 1e-9 } });
    expect(raceView([a, solved], null, '').kind).toBe('gap');
    expect(raceView([a, solved], null, '0.05').target).toEqual({ kind: 'gap', eps: 0.05 });
    expect(raceView([a, solved], 'objective', '0.25').target).toEqual({
      kind: 'objective',
      value: 0.25,
    });
    expect(raceView([a, b], null, '0.25').kind).toBe('objective');
  });

  it('a row whose P* nobody knows cannot reach P − P* ≤ ε', () => {
    const solved = run('s', [1, 0.5, 0.19], 0.1, { optimum: { primal: 0.15, gap: 1e-9 } });
    const other = run('o', [1, 0.2], 0.1, { hp: { ...makeRecord().hp, reg: 0.02, epochs: 1 } });
    const v = raceView([solved, other], 'gap', '0.1');
    expect(v.rows.map((r) => reachText(v, r))).toEqual(['epoch 2, 200 ms', 'P* not known']);
    expect(v.oneProblem).toBe(false);
    expect(raceView([solved, a], 'gap', '0.1').oneProblem).toBe(true);
  });

  it('measures P − P* with the P* any row of the same data and λ knows', () => {
    const solved = run('s', [1, 0.5, 0.19], 0.1, { optimum: { primal: 0.15, gap: 1e-9 } });
    const v = raceView([a, solved], 'gap', '0.1');
    expect(v.rows.map((r) => r.pStar)).toEqual([0.15, 0.15]);
    expect(v.rows.map((r) => r.limit)).toEqual([0.15 + 0.1, 0.15 + 0.1]);
    expect(v.firstByEpoch).toEqual(['tab:s']); // epoch 2 (0.19); a at epoch 3 (0.2)
    expect(raceView([a, solved], 'objective', '').target?.kind).toBe('gap');
  });

  it('has no target before any run took a step', () => {
    const idle = run('i', [1], 0);
    const v = raceView([idle], 'objective', '');
    expect([v.target, v.firstByEpoch, v.rows[0]!.epoch]).toEqual([null, [], null]);
  });

  it('writes a row’s reach', () => {
    const v = raceView([a, b], 'objective', '');
    expect(v.rows.map((r) => reachText(v, r))).toEqual(['epoch 3, 1.5 s', 'epoch 5, 50 ms']);
    const row = v.rows[0]!;
    expect(reachText(v, { ...row, epoch: 1200, seconds: null })).toBe('epoch 1,200');
    expect(reachText(v, { ...row, epoch: null, seconds: null })).toBe('not yet');
    expect(reachText(v, { ...row, epoch: null, seconds: null, limit: null })).toBe('P* not known');
    expect(reachText(raceView([], 'objective', ''), undefined)).toBe('—');
  });

  it('writes the target', () => {
    expect(targetText({ kind: 'objective', value: 0.1653 })).toBe('objective ≤ 0.1653');
    expect(targetText({ kind: 'gap', eps: 0.001 })).toBe('P − P* ≤ 1e-3');
    expect(targetText({ kind: 'gap', eps: 0.0015 })).toBe('P − P* ≤ 1.5e-3');
  });
});
