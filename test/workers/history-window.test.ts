import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/core/evaluate.ts';
import { MetricHistory } from '../../src/core/metric-history.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { SnapshotBuilder } from '../../workers/snapshot-builder.ts';
import { HISTORY_WINDOW } from '../../workers/snapshot-pacing.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

describe('the worker holds only the epochs since its last snapshot', () => {
  it('10^6 epochs, a snapshot every 1000: at most 1000 entries held, chunks continuous', () => {
    const data = { x: new Float64Array(2), y: Float64Array.of(1), n: 1, d: 2, nPositive: 1 };
    const sb = new SnapshotBuilder(data, Uint32Array.of(0));
    const h = new MetricHistory();
    const info = { runId: 1, status: 'running' as const, epochs: 1e6, elapsedMs: 0, rows: 0 };
    const w = Float64Array.of(1, 0);
    let next = 0;
    let most = 0;
    for (let epoch = 0; epoch <= 1e6; epoch++) {
      if (epoch % 1000 === 0) {
        const m: Metrics = { meanLoss: epoch, objective: 0, svCount: 0, accuracy: 1 };
        const s = sb.build({ epoch, w, b: 0, m, sv: null, history: h }, info);
        expect(s.curve.from).toBe(next);
        expect(s.curve.meanLoss.length).toBe(epoch - next + 1);
        expect(s.curve.meanLoss[0]).toBe(next);
        expect(s.curve.meanLoss.at(-1)).toBe(epoch);
        next = epoch + 1;
      }
      h.push(epoch, 0, 0, 1);
      most = Math.max(most, h.length - h.base);
    }
    expect(most).toBe(1000);
    expect(h.meanLoss.length).toBeLessThanOrEqual(2048);
  });
});

describe('a page slow to take snapshots', () => {
  it('bounds what the worker holds: a full window of epochs makes the next snapshot wait for it', async () => {
    // A frozen clock: no slice ever ends by time, no paced snapshot is ever due, so only the
    // window can make the run stop and send; the page takes each snapshot a task later.
    const service = createTrainerService({ now: () => 0 });
    await service.generate({ ...DEFAULT_RECIPE });
    const lengths: number[] = [];
    let covered = 0;
    const s = await service.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 600_000 }, (snap) => {
      lengths.push(snap.curve.meanLoss.length);
      expect(snap.curve.from).toBe(covered);
      covered = snap.epoch + 1;
      return new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(s.epoch).toBe(600_000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(HISTORY_WINDOW + 1);
    expect(lengths.length).toBeGreaterThanOrEqual(600_000 / (HISTORY_WINDOW + 1));
    expect(covered).toBe(600_001); // every epoch sent, the last with the end
  });
});
