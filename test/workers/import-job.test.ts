/**
 * Importing through the service (workers/import-job.ts): a File read as a stream becomes the
 * dataset only when all of it parsed; a refused or cancelled file changes nothing. Rows keep the
 * file's order: every pass over them is checked against plain loops for labels in any order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { datasetCsv, datasetLibsvm } from '../../src/core/export-formats.ts';
import { MAX_IMPORT_BYTES } from '../../src/core/import/import-limits.ts';
import { textGrid, TEXT_GRID_SIZE } from '../../src/core/text-grid.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { DEFAULT_IMPORT_CHOICES } from '../../workers/import-api.ts';
import type { DatasetSummary, TrainerService } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

const auto = { ...DEFAULT_IMPORT_CHOICES };
let services: TrainerService[] = [];
afterEach(async () => {
  for (const s of services) await s.dispose();
  services = [];
});
function service(sliceMs = 2): TrainerService {
  const s = createTrainerService({ sliceMs });
  services.push(s);
  return s;
}

/** A seeded xorshift in [0, 1): data without a generator's class-blocked layout. */
function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** n rows of d features, labels interleaved in random order (never class-blocked). */
function mixed(n: number, d: number, seed = 1) {
  const r = uniform(seed);
  const x = Float64Array.from({ length: n * d }, () => Math.round((r() * 6 - 3) * 1e6) / 1e6);
  const y = Float64Array.from({ length: n }, (_, i) => {
    let s = 0.3;
    for (let j = 0; j < d; j++) s += (j % 2 ? -0.6 : 1) * x[i * d + j]!;
    return s + (r() - 0.5) >= 0 ? 1 : -1;
  });
  return { x, y, n, d, nPositive: y.filter((v) => v > 0).length };
}

const csvOf = (data: ReturnType<typeof mixed>) => [...datasetCsv(data)].join('');
const libsvmOf = (data: ReturnType<typeof mixed>) => [...datasetLibsvm(data)].join('');
const fileOf = (text: string, name: string) => new File([text], name);

async function exported(s: TrainerService, format: 'csv' | 'libsvm'): Promise<string> {
  const chunks: string[] = [];
  await s.exportDataset(format, (t) => void chunks.push(t));
  return chunks.join('');
}

/** Plain loops: the support vectors, mean hinge loss and accuracy of (w, b). */
function plain(data: ReturnType<typeof mixed>, w: ArrayLike<number>, b: number) {
  const sv: number[] = [];
  let loss = 0;
  let right = 0;
  for (let i = 0; i < data.n; i++) {
    let s = b;
    for (let j = 0; j < data.d; j++) s += w[j]! * data.x[i * data.d + j]!;
    const l = 1 - data.y[i]! * s;
    if (l > 0) {
      sv.push(i);
      loss += l;
    }
    if ((s >= 0 ? 1 : -1) === data.y[i]) right++;
  }
  return { sv, meanLoss: loss / data.n, accuracy: right / data.n };
}

describe('importData', () => {
  it.each([
    ['csv', 2],
    ['csv', 5],
    ['libsvm', 2],
    ['libsvm', 5],
  ] as const)(
    'reads %s with d = %i as the dataset, in file order, and exports it back',
    async (format, d) => {
      const data = mixed(300, d);
      const text = format === 'csv' ? csvOf(data) : libsvmOf(data);
      const s = service();
      const progress: number[] = [];
      const summary = await s.importData(fileOf(text, `data.${format}`), auto, (p) => {
        progress.push(p.accepted / p.n);
      });
      expect(summary).toMatchObject({ n: 300, d, nPositive: data.nPositive });
      expect(summary.source).toMatchObject({ name: `data.${format}`, format, rows: 300, d });
      expect(summary.source!.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(Array.from(summary.w0)).toEqual(new Array<number>(d).fill(0));
      expect(summary.b0).toBe(0);
      // The sample's labels are the file's rows' own (no class-blocked assumption).
      summary.sample.forEach((i, k) => expect(summary.sampleY[k]).toBe(data.y[i]));
      expect(progress.at(-1)).toBe(1);
      expect(await exported(s, format)).toBe(text);
    },
  );

  it('summarises every column: bounds and means over all rows, a density of features 1 and 2', async () => {
    const data = mixed(500, 3, 7);
    const s = service();
    const summary = await s.importData(fileOf(csvOf(data), 'a.csv'), auto);
    for (let j = 0; j < 3; j++) {
      const col = Array.from({ length: 500 }, (_, i) => data.x[i * 3 + j]!);
      expect(summary.min[j]).toBe(Math.min(...col));
      expect(summary.max[j]).toBe(Math.max(...col));
      expect(summary.mean![j]).toBeCloseTo(col.reduce((a, v) => a + v, 0) / 500, 12);
    }
    const density = summary.density!;
    let counted = 0;
    for (let k = 0; k < density.positive.length; k++) {
      counted += density.positive[k]! + density.negative[k]!;
    }
    expect(counted).toBe(500);
  });

  it('trains on rows in any order as plain loops say: metrics, support vectors, text grid', async () => {
    const data = mixed(400, 2, 3);
    const s = service();
    await s.importData(fileOf(csvOf(data), 'mixed.csv'), auto);
    const last = await s.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 50 }, () => undefined);
    const ref = plain(data, last.w, last.b);
    expect(last.meanLoss).toBeCloseTo(ref.meanLoss, 12);
    expect(last.accuracy).toBe(ref.accuracy);
    expect(last.svCount).toBe(ref.sv.length);
    expect(Array.from(await s.supportVectors(last.w, last.b))).toEqual(ref.sv);
    const grid = await s.textGrid(TEXT_GRID_SIZE);
    expect(grid).toBe(textGrid(last.w, last.b, data, Uint32Array.from(ref.sv), TEXT_GRID_SIZE));
    // The exact optimum does not depend on the rows' order either.
    const order = Array.from({ length: 400 }, (_, i) => i).sort((a, b) => data.y[b]! - data.y[a]!);
    const blocked = {
      ...data,
      x: Float64Array.from(order.flatMap((i) => [data.x[2 * i]!, data.x[2 * i + 1]!])),
      y: Float64Array.from(order, (i) => data.y[i]!),
    };
    const mixedOpt = await s.solve(0.01, 1e-10);
    const t = service();
    await t.importData(fileOf(csvOf(blocked), 'blocked.csv'), auto);
    const blockedOpt = await t.solve(0.01, 1e-10);
    expect(Math.abs(mixedOpt.primal - blockedOpt.primal)).toBeLessThan(1e-9);
  });

  it('refuses a bad file with the parser’s exact message, keeping the dataset and the run', async () => {
    const s = service();
    const before = await s.generate({ ...DEFAULT_RECIPE });
    const run = await s.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 20 }, () => undefined);
    const text = await exported(s, 'csv');
    await expect(s.importData(fileOf('x0,label\n1,1\nabc,-1\n', 'bad.csv'), auto)).rejects.toThrow(
      /^Line 3, column 1: expected a number/,
    );
    await expect(s.importData(fileOf('', 'empty.csv'), auto)).rejects.toThrow(/empty file/);
    expect(await exported(s, 'csv')).toBe(text);
    const again = await s.reset();
    expect(again.w).toEqual(before.w0);
    const rerun = await s.train({ ...DEFAULT_HYPERPARAMETERS, epochs: 20 }, () => undefined);
    expect(rerun.w).toEqual(run.w);
  });

  it('refuses a file over the limit before reading a byte of it', async () => {
    const s = service();
    let read = false;
    const huge = {
      name: 'huge.csv',
      size: 2 ** 30,
      stream: () => {
        read = true;
        return new Blob(['']).stream();
      },
      slice: () => {
        read = true;
        return new Blob(['']);
      },
    } as unknown as File;
    expect(2 ** 30).toBeGreaterThan(MAX_IMPORT_BYTES);
    await expect(s.importData(huge, auto)).rejects.toThrow(
      'The file: expected at most 800 MB, found 1.07 GB (1073741824 bytes).',
    );
    expect(read).toBe(false);
  });

  it('is cancelled by cancel() or a new generate(), keeping the old dataset', async () => {
    const s = service(1);
    await s.generate({ ...DEFAULT_RECIPE });
    const text = await exported(s, 'csv');
    const big = fileOf(csvOf(mixed(40_000, 2)), 'big.csv');
    const first = s.importData(big, auto);
    first.catch(() => undefined);
    await s.cancel(); // in the same task: whenever the reading stands, nothing is swapped in
    await expect(first).rejects.toThrow('generation cancelled');
    expect(await exported(s, 'csv')).toBe(text);
    const second = s.importData(big, auto);
    second.catch(() => undefined);
    const summary: DatasetSummary = await s.generate({ ...DEFAULT_RECIPE, seed: 3 });
    await expect(second).rejects.toThrow('generation cancelled');
    expect(summary.source).toBeUndefined();
  });

  it("gives the generator's d = 3 data its means too (the plot's slice), none for d = 2", async () => {
    const s = service();
    const three = await s.generate({ ...DEFAULT_RECIPE, trueW: [1, -0.6, 0.3] });
    const text = await exported(s, 'csv');
    const rows = text
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map(Number));
    for (let j = 0; j < 3; j++) {
      const plainMean = rows.reduce((a, r) => a + r[j]!, 0) / rows.length;
      expect(three.mean![j]).toBeCloseTo(plainMean, 12);
    }
    expect((await s.generate({ ...DEFAULT_RECIPE })).mean).toBeUndefined();
  });

  it('chooses the CSV label column (1-based; 0 is the last)', async () => {
    const s = service();
    const text = 'label,a,b\nyes,1,2\nno,3,4\nyes,5,6\n';
    const summary = await s.importData(fileOf(text, 'l.csv'), { ...auto, labelColumn: 1 });
    expect(summary).toMatchObject({ n: 3, d: 2, nPositive: 2 });
    expect(summary.source!.labels).toEqual([
      { text: 'yes', y: 1 },
      { text: 'no', y: -1 },
    ]);
    expect(summary.source!.featureNames).toEqual(['a', 'b']);
    expect(summary.source!.choices).toEqual({ format: 'csv', header: 'yes', labelColumn: 1 });
  });
});
