import { expose, proxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/core/dataset.ts';
import { datasetCsv, datasetLibsvm } from '../../src/core/export-formats.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE, type Recipe } from '../../src/core/recipe.ts';
import type { ExportFormat, TrainerService } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

/** The text the core writes for the recipe's dataset. */
function coreText(recipe: Recipe, format: ExportFormat): string {
  const data = generateDataset(recipe, new PyRandom(recipe.seed));
  return [...(format === 'csv' ? datasetCsv(data) : datasetLibsvm(data))].join('');
}

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('exportDataset', () => {
  it.each(['csv', 'libsvm'] as const)(
    'streams the dataset as %s, equal to the core’s text',
    async (format) => {
      const service = createTrainerService();
      await service.generate({ ...DEFAULT_RECIPE });
      const chunks: string[] = [];
      const result = await service.exportDataset(format, (text) => void chunks.push(text));
      const text = chunks.join('');
      expect(text).toBe(coreText(DEFAULT_RECIPE, format));
      expect(result).toEqual({ rows: 60, bytes: text.length });
      expect(new TextEncoder().encode(text).length).toBe(result.bytes);
      await service.dispose();
    },
  );

  it('waits for each chunk to be taken (back-pressure) while training goes on', async () => {
    const recipe = { ...DEFAULT_RECIPE, nPerClass: 25_000 };
    const service = createTrainerService({ sliceMs: 1 });
    await service.generate(recipe);
    let snapshots = 0;
    const run = service.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 1_000_000 }, () => {
      snapshots++;
    });
    const chunks: string[] = [];
    let busy = false;
    let snapshotsDuringExport = 0;
    const result = await service.exportDataset('csv', async (text) => {
      expect(busy).toBe(false); // the next chunk never arrives before this one is taken
      busy = true;
      const before = snapshots;
      // Hold the chunk until training sends a snapshot (or 2 s pass: then it did not go on).
      const t0 = Date.now();
      while (snapshots === before && Date.now() - t0 < 2000) await tick();
      snapshotsDuringExport += snapshots - before;
      chunks.push(text);
      busy = false;
    });
    expect(chunks.length).toBe(5); // 50 000 rows in chunks of 10 000
    expect(chunks.join('')).toBe(coreText(recipe, 'csv'));
    expect(result.rows).toBe(50_000);
    expect(snapshotsDuringExport).toBeGreaterThan(0);
    await service.cancel();
    expect((await run).status).toBe('cancelled');
    await service.dispose();
  });

  it('stops when a new dataset replaces the one being exported', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE, nPerClass: 20_000 });
    let regenerated: Promise<unknown> | null = null;
    const exported = service.exportDataset('libsvm', () => {
      regenerated ??= service.generate({ ...DEFAULT_RECIPE, seed: 8 });
      return regenerated;
    });
    await expect(exported).rejects.toThrow('export stopped: a new dataset replaced this one');
    await service.dispose();
  });

  it('stops when the service is disposed, and passes on a failing onChunk', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE, nPerClass: 20_000 });
    const disposed = service.exportDataset('csv', () => service.dispose());
    await expect(disposed).rejects.toThrow('export stopped: the trainer service was disposed');

    const other = createTrainerService();
    await other.generate({ ...DEFAULT_RECIPE });
    const failing = other.exportDataset('csv', () => Promise.reject(new Error('disk full')));
    await expect(failing).rejects.toThrow('disk full');
    await other.dispose();
  });

  it('refuses an unknown format and a service without a dataset', async () => {
    const service = createTrainerService();
    await expect(service.exportDataset('csv', () => undefined)).rejects.toThrow(
      'no dataset yet: call generate(recipe) first',
    );
    await service.generate({ ...DEFAULT_RECIPE });
    await expect(service.exportDataset('xlsx' as ExportFormat, () => undefined)).rejects.toThrow(
      "format must be 'csv' or 'libsvm', got 'xlsx'",
    );
    await service.dispose();
  });

  it('streams across a comlink boundary with a proxied callback', async () => {
    const { port1, port2 } = new MessageChannel();
    const service = createTrainerService();
    expose(service, nodeEndpoint(port1));
    const remote = wrap<TrainerService>(nodeEndpoint(port2));
    try {
      await remote.generate({ ...DEFAULT_RECIPE });
      const chunks: string[] = [];
      const result = await remote.exportDataset(
        'libsvm',
        proxy(async (text: string) => {
          await tick();
          chunks.push(text);
        }),
      );
      expect(chunks.join('')).toBe(coreText(DEFAULT_RECIPE, 'libsvm'));
      expect(result.rows).toBe(60);
    } finally {
      await service.dispose();
      port1.close();
      port2.close();
    }
  });
});
