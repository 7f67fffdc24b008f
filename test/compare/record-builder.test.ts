import { describe, expect, it } from 'vitest';
import {
  buildRecord,
  runStatusOf,
  withSupportVectors,
  type RecordParts,
} from '../../src/compare/record-builder.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';

function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    runId: 1,
    status: 'done',
    epoch: 2,
    epochs: 2,
    w: Float64Array.of(1.5, -1),
    b: 0.5,
    meanLoss: 0.25,
    objective: 0.3,
    svCount: 2,
    accuracy: 0.9,
    sv: Uint32Array.of(4, 9),
    svIncluded: true,
    sampleSv: new Uint8Array(0),
    entered: 0,
    left: 0,
    churnCounted: true,
    curve: {
      from: 0,
      meanLoss: new Float64Array(0),
      objective: new Float64Array(0),
      svCount: new Float64Array(0),
      accuracy: new Float64Array(0),
      ms: new Float64Array(0),
    },
    elapsedMs: 1,
    throughput: 1,
    ...overrides,
  };
}

function parts(overrides: Partial<RecordParts> = {}): RecordParts {
  return {
    id: 'run',
    label: 'lr 0.05 · λ 0.01 · seed 7',
    createdAt: 1,
    updatedAt: 2,
    recipe: DEFAULT_RECIPE,
    hp: DEFAULT_HYPERPARAMETERS,
    status: 'done',
    snapshot: snapshot(),
    curves: {
      epochs: [0, 1, 2],
      meanLoss: [1, 0.5, 0.25],
      objective: [1.1, 0.6, 0.3],
      svCount: [9, 4, 2],
    },
    ...overrides,
  };
}

describe('runStatusOf', () => {
  it('maps the page’s statuses to a record’s', () => {
    expect(
      ['idle', 'training', 'paused', 'done', 'diverged', 'error'].map((s) =>
        runStatusOf(s as never),
      ),
    ).toEqual(['idle', 'running', 'paused', 'done', 'diverged', 'cancelled']);
  });
});

describe('buildRecord', () => {
  it('makes a checked record of the snapshot', () => {
    const built = buildRecord(parts({ status: 'training' }));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.record).toMatchObject({
      id: 'run',
      status: 'running',
      epoch: 2,
      metrics: { meanLoss: 0.25, objective: 0.3, svCount: 2, accuracy: 0.9 },
      w: [1.5, -1],
      b: 0.5,
    });
    expect(built.record.svIndices).toBeUndefined();
  });

  it('refuses a snapshot of other data and non-finite numbers', () => {
    expect(buildRecord(parts({ snapshot: snapshot({ w: Float64Array.of(1, 2, 3) }) }))).toEqual({
      ok: false,
      error: 'the snapshot has 3 weights, the recipe 2',
    });
    const blown = buildRecord(parts({ snapshot: snapshot({ meanLoss: Infinity }) }));
    expect(blown.ok).toBe(false);
  });
});

describe('withSupportVectors', () => {
  const record = () => {
    const built = buildRecord(parts());
    if (!built.ok) throw new Error(built.error);
    return built.record;
  };

  it('adds the indices when there are exactly svCount of them', () => {
    expect(withSupportVectors(record(), Uint32Array.of(4, 9)).svIndices).toEqual([4, 9]);
  });

  it('leaves them out when unknown, above the limit, or not svCount of them', () => {
    expect(withSupportVectors(record(), null).svIndices).toBeUndefined();
    expect(withSupportVectors(record(), Uint32Array.of(4, 9), 1).svIndices).toBeUndefined();
    expect(withSupportVectors(record(), Uint32Array.of(4)).svIndices).toBeUndefined();
  });
});
