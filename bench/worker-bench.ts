/**
 * `npm run --silent bench:worker -- [--json] [--n 1000000]`: the trainer service across a real
 * thread boundary (worker_threads + comlink, as in the browser) against the core alone on the
 * same data. Prints throughput (points × epochs per second) both ways and their ratio, the
 * snapshot rate and interval, and the pause latency (an upper bound on one slice). Figures, not tests.
 */
import { proxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { initialModel } from '../src/core/classifier.ts';
import { generateDataset } from '../src/core/dataset.ts';
import { PyRandom } from '../src/core/py-random.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../src/core/recipe.ts';
import { Trainer } from '../src/core/trainer.ts';
import type { Snapshot, TrainerService } from '../workers/trainer-api.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const nArg = args.includes('--n') ? Number(args[args.indexOf('--n') + 1]) : 1_000_000;
const recipe = { ...DEFAULT_RECIPE, nPerClass: Math.round(nArg / 2) };
const hp = { ...DEFAULT_HYPERPARAMETERS, epochs: 1_000_000 };
const RUN_MS = 4000;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;

// The core alone: the same data, the same start, timed epochs after a warm-up.
const rng = new PyRandom(recipe.seed);
const data = generateDataset(recipe, rng);
const trainer = new Trainer(data, initialModel(2, rng), hp);
trainer.capture = false;
trainer.step(20);
const coreRates: number[] = [];
for (let k = 0; k < 7; k++) {
  const t0 = performance.now();
  trainer.step(20);
  coreRates.push((20 * data.n) / ((performance.now() - t0) / 1000));
}
const coreThroughput = median(coreRates);

// Through the worker.
const worker = new Worker(new URL('../test/workers/node-worker-boot.mjs', import.meta.url));
const remote = wrap<TrainerService>(nodeEndpoint(worker));
await remote.generate(recipe);
const arrivals: number[] = [];
let last: Snapshot | null = null;
const run = remote.train(
  hp,
  proxy((s: Snapshot) => {
    arrivals.push(performance.now());
    last = s;
  }),
);
await new Promise((r) => setTimeout(r, RUN_MS));
const pauses: number[] = [];
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  await remote.pause();
  pauses.push(performance.now() - t0);
  await remote.resume();
  await new Promise((r) => setTimeout(r, 100));
}
await remote.cancel();
await run;
await worker.terminate();

const final = last as Snapshot | null;
const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
const result = {
  n: data.n,
  workerThroughput: final?.throughput ?? NaN,
  coreThroughput,
  ratio: (final?.throughput ?? NaN) / coreThroughput,
  snapshotsPerSec: arrivals.length / (RUN_MS / 1000),
  medianSnapshotGapMs: median(gaps),
  medianPauseMs: median(pauses),
  maxPauseMs: Math.max(...pauses),
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`n = ${result.n}`);
  console.log(`core alone      ${(coreThroughput / 1e6).toFixed(1)} M points·epochs/s`);
  console.log(
    `through worker  ${(result.workerThroughput / 1e6).toFixed(1)} M points·epochs/s (${(100 * result.ratio).toFixed(1)}%)`,
  );
  console.log(
    `snapshots       ${result.snapshotsPerSec.toFixed(1)}/s, median gap ${result.medianSnapshotGapMs.toFixed(1)} ms`,
  );
  console.log(
    `pause latency   median ${result.medianPauseMs.toFixed(1)} ms, max ${result.maxPauseMs.toFixed(1)} ms`,
  );
}
