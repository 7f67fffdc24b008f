import { describe, expect, it } from 'vitest';
import { CurveSampler } from '../../src/compare/curve-sampler.ts';
import {
  downsampleCurve,
  FINISHED_STATUSES,
  MAX_CURVE_POINTS,
  newRunId,
  RUN_STATUSES,
} from '../../src/compare/run-record.ts';

describe('downsampleCurve', () => {
  it('is a fresh CurveSampler of 500 points over the whole source', () => {
    const meanLoss = Float64Array.from({ length: 123_457 }, (_, t) => Math.cos(t / 1000) ** 2);
    const s = { meanLoss, objective: meanLoss, svCount: meanLoss.map(Math.round) };
    const c = downsampleCurve(s);
    expect(c).toEqual(new CurveSampler(MAX_CURVE_POINTS).sample(s));
    expect(c.epochs.length).toBeLessThanOrEqual(500);
    expect([c.epochs[0], c.epochs.at(-1)]).toEqual([0, 123_456]);
    expect(downsampleCurve(s)).toEqual(c);
  });

  it('accepts plain arrays and an empty curve', () => {
    expect(downsampleCurve({ meanLoss: [3, 2], objective: [4, 3], svCount: [9, 8] })).toEqual({
      epochs: [0, 1],
      meanLoss: [3, 2],
      objective: [4, 3],
      svCount: [9, 8],
    });
    expect(downsampleCurve({ meanLoss: [], objective: [], svCount: [] }).epochs).toEqual([]);
  });
});

describe('statuses', () => {
  it('names every worker status; the finished ones are those a run ends with', () => {
    expect(RUN_STATUSES).toEqual(['idle', 'running', 'paused', 'done', 'diverged', 'cancelled']);
    expect(FINISHED_STATUSES).toEqual(['done', 'diverged', 'cancelled']);
  });
});

describe('newRunId', () => {
  it('is 32 hex digits, fresh each time', () => {
    const ids = Array.from({ length: 100 }, newRunId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(100);
  });
});
