/**
 * A run's distance to the optimum of its dataset in Compare: the record's optimum (checked,
 * built from the tab's Solve) and the lookup across records of the same dataset and λ.
 */
import { describe, expect, it } from 'vitest';
import { buildRecord } from '../../src/compare/record-builder.ts';
import { distanceToOptimum, optimumOf } from '../../src/compare/optimum-distance.ts';
import { checkRunRecord } from '../../src/compare/run-record-check.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { makeRecord } from './records.ts';

const P_STAR = { primal: 0.16172920066728, gap: 4e-12 };

describe('distanceToOptimum', () => {
  const solved = makeRecord({ id: 'solved', optimum: P_STAR });
  const sameProblem = makeRecord({ id: 'same', metrics: { ...solved.metrics, objective: 0.2 } });
  const otherReg = makeRecord({ id: 'reg', hp: { ...DEFAULT_HYPERPARAMETERS, reg: 0.02 } });
  const otherData = makeRecord({ id: 'seed', recipe: { ...solved.recipe, seed: 8 } });
  const all = [solved, sameProblem, otherReg, otherData];

  it('is objective − P* from the record’s own optimum', () => {
    expect(distanceToOptimum(solved, all)).toBe(0.166 - P_STAR.primal);
  });

  it('borrows P* from a record of the same dataset and λ', () => {
    expect(optimumOf(sameProblem, all)).toBe(P_STAR);
    expect(distanceToOptimum(sameProblem, all)).toBe(0.2 - P_STAR.primal);
  });

  it('is unknown before a run has taken a step', () => {
    expect(distanceToOptimum(makeRecord({ optimum: P_STAR, epoch: 0 }), all)).toBeNull();
  });

  it('is unknown for another λ or another dataset', () => {
    expect(distanceToOptimum(otherReg, all)).toBeNull();
    expect(distanceToOptimum(otherData, all)).toBeNull();
    expect(distanceToOptimum(sameProblem, [sameProblem])).toBeNull();
  });
});

describe('a record’s optimum', () => {
  it('round-trips through the check, and a bad one is refused naming the field', () => {
    const r = makeRecord({ optimum: P_STAR });
    expect(checkRunRecord(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, record: r });
    const bad = { ...r, optimum: { primal: 'x', gap: 0 } };
    expect(checkRunRecord(bad)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/optimum\.primal/),
    });
    const negative = { ...r, optimum: { primal: 0.1, gap: -1 } };
    expect(checkRunRecord(negative)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/optimum\.gap/),
    });
    expect(checkRunRecord({ ...r, optimum: 3 })).toMatchObject({ ok: false });
  });

  it('is written by the record builder when the tab has one, and left out otherwise', () => {
    const snapshot = {
      runId: 1,
      status: 'done',
      epoch: 2,
      epochs: 2,
      w: Float64Array.of(1.5, -1),
      b: 0.5,
      meanLoss: 0.25,
      objective: 0.3,
      svCount: 2,
      accuracy: 1,
      sv: new Uint32Array(0),
      svIncluded: false,
      sampleSv: new Uint8Array(0),
      entered: 0,
      left: 0,
      churnCounted: false,
      curve: {
        from: 0,
        meanLoss: new Float64Array(0),
        objective: new Float64Array(0),
        svCount: new Float64Array(0),
        accuracy: new Float64Array(0),
        ms: new Float64Array(0),
      },
      elapsedMs: 0,
      throughput: 0,
    } satisfies Snapshot;
    const parts = {
      id: 'run',
      label: 'run',
      createdAt: 1,
      updatedAt: 2,
      recipe: DEFAULT_RECIPE,
      hp: DEFAULT_HYPERPARAMETERS,
      status: 'done' as const,
      snapshot,
      curves: {
        epochs: [0, 1, 2],
        meanLoss: [1, 0.5, 0.25],
        objective: [1.1, 0.6, 0.3],
        svCount: [9, 4, 2],
      },
    };
    const withOptimum = buildRecord({ ...parts, optimum: { ...P_STAR } });
    expect(withOptimum.ok && withOptimum.record.optimum).toEqual(P_STAR);
    const without = buildRecord({ ...parts, optimum: null });
    expect(without.ok && 'optimum' in without.record).toBe(false);
  });
});
