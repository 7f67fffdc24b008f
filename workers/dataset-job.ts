/**
 * Generating a dataset in slices for the service: the points, the text grid's index and the
 * summary the page draws from, with a yield between slices so other calls get through. The maths
 * is the core's (dataset.ts, text-grid-index.ts, display-sample.ts, density.ts).
 */
import { initialModel, type LinearModel } from '../src/core/classifier.ts';
import { DatasetBuilder, type Dataset } from '../src/core/dataset.ts';
import {
  columnBounds,
  columnMeans,
  gatherRows,
  sampleRows,
  SAMPLE_SIZE,
} from '../src/core/display-sample.ts';
import { density2d } from '../src/core/density.ts';
import { PyRandom } from '../src/core/py-random.ts';
import type { Recipe } from '../src/core/recipe.ts';
import { TEXT_GRID_SIZE } from '../src/core/text-grid.ts';
import { TextGridIndexBuilder, type TextGridIndex } from '../src/core/text-grid-index.ts';
import { generateOnThreads } from './generate-rounds.ts';
import { rowsAllocator } from '../src/core/wasm/place-rows.ts';
import { canShareMemory } from './pass-runner.ts';
import type { ShardRunner } from './generate-threads.ts';
import type { DatasetSummary, GenerateProgress } from './trainer-api.ts';

/** The density layer: 120×120 cells over [−3.5, 3.5]², a little beyond the data's [−3, 3]². */
const DENSITY_BINS = 120;
const DENSITY_EXTENT = 3.5;

const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(8 * length));

/** Fewer points are drawn here even with threads: starting them would cost more than it saves. */
export const THREADED_MIN_POINTS = 65_536;

/** Candidates drawn (or rows indexed) between clock checks while generating. */
const GENERATE_CHUNK = 8192;

export interface DatasetJobDeps {
  now: () => number;
  sliceMs: number;
  yieldToEvents: () => Promise<void>;
  /** Throws (with the reason) when the job must stop; checked after every yield. */
  checkAlive: () => void;
  /**
   * The threads to draw the candidates on (generate-threads.ts), asked for only when the recipe
   * has at least THREADED_MIN_POINTS points; absent, or null: drawn here, in slices. Either way
   * the same dataset, bit for bit.
   */
  shards?: () => ShardRunner | null;
}

export interface GeneratedDataset {
  data: Dataset;
  model: LinearModel;
  gridIndex: TextGridIndex | null;
  sample: Uint32Array;
  summary: DatasetSummary;
}

/** Work done a chunk at a time: DatasetBuilder, TextGridIndexBuilder. */
interface Sliceable {
  readonly done: boolean;
  advance(rows: number): void;
}

/** Draws the recipe's dataset and initial weights in slices (recipe already validated). */
export async function generateInSlices(
  recipe: Recipe,
  deps: DatasetJobDeps,
  onProgress?: (p: GenerateProgress) => void,
): Promise<GeneratedDataset> {
  const { now, sliceMs } = deps;
  const started = now();
  const n = 2 * recipe.nPerClass;
  let lastReport = started;
  const sliced = async (work: Sliceable, report: () => void) => {
    for (;;) {
      const deadline = now() + sliceMs;
      while (!work.done && now() < deadline) work.advance(GENERATE_CHUNK);
      if (work.done) return;
      if (now() - lastReport > 50) {
        lastReport = now();
        report();
      }
      await deps.yieldToEvents();
      deps.checkAlive();
    }
  };
  const progress = (accepted: number) =>
    void Promise.resolve(onProgress?.({ accepted, n })).catch(() => undefined);
  let d: Dataset;
  let rng: PyRandom;
  const runner = n >= THREADED_MIN_POINTS ? (deps.shards?.() ?? null) : null;
  // Drawn straight into a row memory (the wasm kernel's), shared where it can be: the pass
  // threads then copy nothing.
  const share = canShareMemory();
  const alloc = rowsAllocator(n, recipe.trueW.length, share, share ? sharedFloat64 : undefined);
  if (runner) {
    ({ data: d, rng } = await generateOnThreads(recipe, runner, { ...deps, alloc }, progress));
  } else {
    rng = new PyRandom(recipe.seed);
    const builder = new DatasetBuilder(recipe, rng, alloc);
    await sliced(builder, () => progress(builder.accepted));
    d = builder.result();
  }
  // The text grid's view of the data, so that a grid costs the worker microseconds later.
  const grid = d.d === 2 ? new TextGridIndexBuilder(d, TEXT_GRID_SIZE) : null;
  if (grid) await sliced(grid, () => progress(d.n));
  const model = initialModel(d.d, rng);
  const sample = sampleRows(d.n, SAMPLE_SIZE, recipe.seed);
  const bounds = columnBounds(d.x, d.d);
  const summary: DatasetSummary = {
    n: d.n,
    d: d.d,
    nPositive: d.nPositive,
    nNegative: d.n - d.nPositive,
    min: bounds.min,
    max: bounds.max,
    // The plot's slice through the other features (d != 2 only: d = 2 draws the model itself).
    ...(d.d === 2 ? {} : { mean: columnMeans(d.x, d.n, d.d) }),
    sample,
    sampleX: gatherRows(d.x, d.d, sample),
    sampleY: Float64Array.from(sample, (i) => d.y[i]!),
    density:
      d.d === 2 ? density2d(d.x, d.y, 2, DENSITY_BINS, -DENSITY_EXTENT, DENSITY_EXTENT) : null,
    w0: Float64Array.from(model.w),
    b0: model.b,
    generationMs: now() - started,
  };
  return { data: d, model, gridIndex: grid?.index() ?? null, sample, summary };
}
