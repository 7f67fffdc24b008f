/**
 * Importing a dataset for the service: the page hands over a File (structured-cloneable), and
 * this job reads `file.stream()` chunk by chunk into the core's streaming parser
 * (src/core/import/), yielding between slices so other calls (a cancel, a ping, a running
 * training's slices) get through, then builds the same summary the generator's data gets. The
 * parser writes new buffers: nothing of the service's current dataset is touched, so a refused
 * or cancelled file leaves it as it was (the service swaps only on success).
 *
 * The imported rows keep the file's order (an export gives the file back); the core's passes
 * take rows in any order (EvalPass uses its class-blocked kernels only when the labels happen to
 * come +1 first).
 */
import type { LinearModel } from '../src/core/classifier.ts';
import type { Dataset } from '../src/core/dataset.ts';
import { density2d } from '../src/core/density.ts';
import {
  columnBounds,
  columnMeans,
  gatherRows,
  sampleRows,
  SAMPLE_SIZE,
} from '../src/core/display-sample.ts';
import { DatasetHasher } from '../src/core/import/dataset-hash.ts';
import { createImporter, guessFormat } from '../src/core/import/import-data.ts';
import { checkImportSize } from '../src/core/import/import-limits.ts';
import type { ImportedData, ImportOptions } from '../src/core/import/types.ts';
import { TEXT_GRID_SIZE } from '../src/core/text-grid.ts';
import { TextGridIndexBuilder } from '../src/core/text-grid-index.ts';
import type { DatasetJobDeps, GeneratedDataset } from './dataset-job.ts';
import type { DataFormat, DataSource, ImportChoices, ImportProgress } from './import-api.ts';
import type { DatasetSummary } from './trainer-api.ts';

/** The density layer of imported data: bins per side over the square holding features 0 and 1. */
const DENSITY_BINS = 120;

/** Rows indexed for the text grid between clock checks. */
const INDEX_CHUNK = 8192;
/** Bytes hashed between clock checks (about 0.2 ms of work). */
const HASH_CHUNK_BYTES = 1 << 16;

/** The parser's options for the choices (the label column 1-based there, 0-based here). */
function optionsFor(format: DataFormat, choices: ImportChoices, size: number): ImportOptions {
  if (format === 'libsvm') return { sizeHint: size };
  const labelColumn = choices.labelColumn > 0 ? choices.labelColumn - 1 : -1;
  return { header: choices.header, labelColumn, sizeHint: size };
}

/** The first 64 kB of the file (the format's guess reads its first line). */
async function headOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 65536).arrayBuffer());
}

/**
 * Reads and parses the whole file in slices (a size over the limit refused before reading),
 * then summarises it. Rejects with the parser's ImportError (its message as the page shows it),
 * or with deps.checkAlive's reason when a cancel or a newer load came first.
 */
export async function importInSlices(
  file: File,
  choices: ImportChoices,
  deps: DatasetJobDeps,
  onProgress?: (p: ImportProgress) => void,
): Promise<GeneratedDataset> {
  const { now, sliceMs } = deps;
  const started = now();
  checkImportSize(file.size);
  const format =
    choices.format === 'auto' ? guessFormat(file.name, await headOf(file)) : choices.format;
  const importer = createImporter(format, optionsFor(format, choices, file.size));
  const progress = (accepted: number) =>
    void Promise.resolve(onProgress?.({ accepted, n: file.size })).catch(() => undefined);
  const reader = file.stream().getReader();
  let deadline = now() + sliceMs;
  let lastReport = started;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      importer.push(value);
      if (now() > deadline) {
        if (now() - lastReport > 50) {
          lastReport = now();
          progress(importer.bytesRead);
        }
        await deps.yieldToEvents();
        deps.checkAlive();
        deadline = now() + sliceMs;
      }
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  // Each whole-data step below is one pass (up to 10^7 rows): the worker answers between them.
  const pause = async () => {
    await deps.yieldToEvents();
    deps.checkAlive();
  };
  const parsed = importer.finish();
  progress(file.size);
  await pause();
  const data: Dataset = {
    x: parsed.x,
    y: parsed.y,
    n: parsed.n,
    d: parsed.d,
    nPositive: parsed.nPositive,
  };
  const grid = data.d === 2 ? new TextGridIndexBuilder(data, TEXT_GRID_SIZE) : null;
  while (grid && !grid.done) {
    const end = now() + sliceMs;
    while (!grid.done && now() < end) grid.advance(INDEX_CHUNK);
    if (grid.done) break;
    await pause();
  }
  // Hashing 10^7 rows takes about 0.7 s: in slices, so pings and cancels get through.
  const hasher = new DatasetHasher(data.x, data.y, data.n, data.d);
  for (;;) {
    const end = now() + sliceMs;
    let hashed = false;
    while (!hashed && now() < end) hashed = hasher.advance(HASH_CHUNK_BYTES);
    if (hashed) break;
    await pause();
  }
  const source = sourceOf(file, format, choices, parsed, hasher.digest());
  await pause();
  const bounds = columnBounds(data.x, data.d);
  await pause();
  const mean = columnMeans(data.x, data.n, data.d);
  await pause();
  const model: LinearModel = { w: new Float64Array(data.d), b: 0 };
  const summary = summarise(data, model, source, { ...bounds, mean }, now() - started);
  return { data, model, gridIndex: grid?.index() ?? null, sample: summary.sample, summary };
}

/** What the page, the URL and Compare say of the file. */
function sourceOf(
  file: File,
  format: DataFormat,
  choices: ImportChoices,
  parsed: ImportedData,
  hash: string,
): DataSource {
  const header = parsed.header !== null;
  let labelColumn = 0;
  if (format === 'csv') {
    const columns = parsed.d + 1;
    labelColumn = choices.labelColumn > 0 ? choices.labelColumn : columns;
  }
  return {
    name: file.name,
    format,
    rows: parsed.n,
    d: parsed.d,
    hash,
    bytes: file.size,
    labels: parsed.labels.map((l) => ({ text: l.text, y: l.y })),
    featureNames: header ? [...parsed.featureNames] : null,
    choices: { format, header: header ? 'yes' : 'no', labelColumn },
  };
}

/**
 * The summary the page draws from: the generator's (dataset-job.ts) with the initial weights at
 * zero (an imported dataset has no seed to draw them from), the per-feature means (the plot's
 * slice), the display sample seeded by the content hash (the same file, the same sample), and the
 * density of features 0 and 1 over the square that holds both.
 */
function summarise(
  data: Dataset,
  model: LinearModel,
  source: DataSource,
  bounds: { min: number[]; max: number[]; mean: number[] },
  ms: number,
): DatasetSummary {
  const { x, y, n, d } = data;
  const sample = sampleRows(n, SAMPLE_SIZE, Number.parseInt(source.hash.slice(0, 8), 16) || 0);
  let density = null;
  if (d >= 2) {
    const lo = Math.min(bounds.min[0]!, bounds.min[1]!);
    const hi = Math.max(bounds.max[0]!, bounds.max[1]!);
    if (hi > lo) density = density2d(x, y, d, DENSITY_BINS, lo, hi);
  }
  return {
    n,
    d,
    nPositive: data.nPositive,
    nNegative: n - data.nPositive,
    min: bounds.min,
    max: bounds.max,
    mean: bounds.mean,
    source,
    sample,
    sampleX: gatherRows(x, d, sample),
    sampleY: Float64Array.from(sample, (i) => y[i]!),
    density,
    w0: Float64Array.from(model.w),
    b0: model.b,
    generationMs: ms,
  };
}
