/**
 * `npx tsx bench/import-bench.ts [--json] [--rows 1e6]`: the dataset importers in Node on 10^6
 * rows (issue 17: the browser's whole import of 10^6 CSV rows must take under 3 s, so the parser
 * alone should take well under 1 s). The data are the generator's (the article's recipe at d = 2,
 * five weights at d = 5), written by the app's own exporter (export-formats.ts), so every number
 * has the 16-17 digits String() gives. The bytes are pushed in 64 kB chunks, as a browser File's
 * stream() hands them over, with the file's size as sizeHint (as the worker does) and without.
 * Beside them: a naive reader (decode, split lines and fields, Number()) for scale, and
 * datasetHash over the parsed data. Each figure is the median of 5 timed runs after a warm-up,
 * in wall-clock and in CPU time (on a shared machine the CPU time is the one to read).
 * Benchmark figures, not tests.
 */
import { performance } from 'node:perf_hooks';
import { generateDataset } from '../src/core/dataset.ts';
import { datasetText, type ExportFormat } from '../src/core/export-formats.ts';
import { datasetHash } from '../src/core/import/dataset-hash.ts';
import { createImporter } from '../src/core/import/import-data.ts';
import type { ImportedData } from '../src/core/import/types.ts';
import { PyRandom } from '../src/core/py-random.ts';
import { DEFAULT_RECIPE } from '../src/core/recipe.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const rowsArg = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 1e6;
const RUNS = 5;
const CHUNK = 64 * 1024;

interface Row {
  case: string;
  format: ExportFormat;
  d: number;
  rows: number;
  megabytes: number;
  /** Wall-clock time; cpuMs: this process's CPU time (the figure to read on a busy machine). */
  ms: number;
  cpuMs: number;
  mbPerSecond: number;
}

function fileBytes(d: number, format: ExportFormat): Uint8Array {
  const trueW = d === 2 ? DEFAULT_RECIPE.trueW : [1, -0.6, 0.5, 2, -1.5];
  const recipe = { ...DEFAULT_RECIPE, trueW, nPerClass: Math.round(rowsArg / 2) };
  const data = generateDataset(recipe, new PyRandom(recipe.seed));
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const chunk of datasetText(data, format)) {
    const bytes = encoder.encode(chunk);
    parts.push(bytes);
    length += bytes.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function importBytes(bytes: Uint8Array, format: ExportFormat, hint: boolean): ImportedData {
  const importer = createImporter(format, hint ? { sizeHint: bytes.length } : {});
  for (let at = 0; at < bytes.length; at += CHUNK) {
    importer.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
  }
  return importer.finish();
}

/** The obvious way: decode, split, Number() — for scale. */
function naiveCsv(bytes: Uint8Array): number {
  const lines = new TextDecoder().decode(bytes).split('\n');
  let sum = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    for (const f of lines[i]!.split(',')) sum += Number(f);
  }
  return sum;
}

/** Median wall and CPU (user + system) milliseconds of f over RUNS runs after a warm-up. */
function median(f: () => unknown): { wall: number; cpu: number } {
  f(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (a: number[]) => a.sort((p, q) => p - q)[RUNS >> 1]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

const rows: Row[] = [];
const add = (
  name: string,
  format: ExportFormat,
  d: number,
  bytes: Uint8Array,
  t: { wall: number; cpu: number },
) => {
  const megabytes = bytes.length / 1e6;
  rows.push({
    case: name,
    format,
    d,
    rows: rowsArg,
    megabytes: Number(megabytes.toFixed(1)),
    ms: Number(t.wall.toFixed(1)),
    cpuMs: Number(t.cpu.toFixed(1)),
    mbPerSecond: Math.round(megabytes / (t.wall / 1000)),
  });
};

for (const [format, d] of [
  ['csv', 2],
  ['csv', 5],
  ['libsvm', 5],
] as const) {
  const bytes = fileBytes(d, format);
  add(
    'import, sizeHint',
    format,
    d,
    bytes,
    median(() => importBytes(bytes, format, true)),
  );
  add(
    'import, no sizeHint',
    format,
    d,
    bytes,
    median(() => importBytes(bytes, format, false)),
  );
  if (format === 'csv')
    add(
      'naive split + Number()',
      format,
      d,
      bytes,
      median(() => naiveCsv(bytes)),
    );
  const data = importBytes(bytes, format, true);
  add(
    'datasetHash of the result',
    format,
    d,
    bytes,
    median(() => datasetHash(data.x, data.y, data.n, data.d)),
  );
}

if (json) console.log(JSON.stringify(rows, null, 2));
else {
  console.log(`${rowsArg} rows, 64 kB chunks; median of ${RUNS} runs`);
  console.log(
    'case'.padEnd(28) +
      'format'.padEnd(8) +
      'd'.padStart(3) +
      'MB'.padStart(8) +
      'ms'.padStart(9) +
      'cpu ms'.padStart(9) +
      'MB/s'.padStart(7),
  );
  for (const r of rows) {
    console.log(
      r.case.padEnd(28) +
        r.format.padEnd(8) +
        String(r.d).padStart(3) +
        String(r.megabytes).padStart(8) +
        String(r.ms).padStart(9) +
        String(r.cpuMs).padStart(9) +
        String(r.mbPerSecond).padStart(7),
    );
  }
}
