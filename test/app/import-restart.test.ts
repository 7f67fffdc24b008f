/**
 * A worker that dies with a file's data on it: the client's restart() reads the same File again
 * in the new worker (a real worker thread), so the page carries on with the same data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { datasetCsv } from '../../src/core/export-formats.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/recipe.ts';
import type { TrainerClient } from '../../src/trainer-client.ts';
import { DEFAULT_IMPORT_CHOICES } from '../../workers/import-api.ts';
import { createThreadClient, type ThreadWorker } from '../helpers/thread-worker.ts';

let workers: ThreadWorker[] = [];
let client: TrainerClient | null = null;
afterEach(async () => {
  await client?.dispose();
  for (const w of workers.splice(0)) w.terminate();
});

describe('a restart after a file was imported', () => {
  it('imports the same file again in the new worker', async () => {
    const started = createThreadClient();
    ({ client, workers } = started);
    const c = started.client;
    const n = 50;
    const x = Float64Array.from({ length: 3 * n }, (_, k) => ((k * 31) % 19) - 9);
    const y = Float64Array.from({ length: n }, (_, i) => (x[3 * i]! > x[3 * i + 2]! ? 1 : -1));
    const text = [...datasetCsv({ x, y, n, d: 3, nPositive: 0 })].join('');
    const first = await c.importData(new File([text], 'mine.csv'), { ...DEFAULT_IMPORT_CHOICES });
    const before = await c.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 30 }, () => undefined);
    workers[0]!.crash('out of memory');
    await expect(c.pause()).rejects.toThrow(/crashed/);
    const again = await c.restart();
    expect(again?.source).toEqual(first.source);
    expect(workers).toHaveLength(2);
    const after = await c.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 30 }, () => undefined);
    expect(after.w).toEqual(before.w);
    expect(after.b).toBe(before.b);
  });
});
