/**
 * `npm run --silent bench -- [--json] [--sizes 1e4,1e6,1e7]`: nanoseconds per point per epoch of
 * the core trainer (also driven through the Optimizer interface, as the worker does), each
 * optimizer of src/core/optimizers (opt-gd, opt-pegasos, opt-sgd, opt-momentum, opt-dcd), the
 * article-style naive port and (when gcc is present) a tight C loop, all in
 * one run on the same kind of data, d = 2, starting near the optimum (w = (1.5, −0.85), b = 0.42,
 * about a fifth of the points support vectors). Then the general kernel on rows in random order
 * for d = 2, 8 and 32 beside C loops of the same shapes (rows-bench.ts: core-rows, c-rows-*; d > 2
 * at n <= 10^6 only, to keep the data under 256 MB). Each figure is the median of several timed
 * batches after a warm-up; every row has threads = 1. Benchmark figures, not tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../src/core/dataset.ts';
import type { Optimizer } from '../src/core/optimizer.ts';
import { makeOptimizer } from '../src/core/optimizers/make-optimizer.ts';
import {
  DEFAULT_OPTIMIZER_CHOICE,
  OPTIMIZER_NAMES,
} from '../src/core/optimizers/optimizer-limits.ts';
import { warmPassKernels } from '../src/core/kernel-warmup.ts';
import { Trainer } from '../src/core/trainer.ts';
import { classBlockedData as makeData, plainData, START, writeData } from './bench-data.ts';
import { naiveEpoch, type Sample } from './naive-port.ts';
import { benchThreads } from './threads-bench.ts';
import {
  benchCoreRows,
  benchCRows,
  makeRowsData,
  ROW_DIMS,
  warmRows,
  type Row,
} from './rows-bench.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes =
  args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1e4, 1e6, 1e7];
const BATCHES = 7;
const settings = { lr: 0.05, reg: 0.01 };

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * Times `run(epochs)` in BATCHES batches, each about `targetMs` long; median ns/point/epoch of
 * wall time, and of this process's CPU time (the figure to read on a shared machine, where the
 * wall time also counts the time other processes held the core).
 */
function measure(
  impl: string,
  n: number,
  d: number,
  run: (epochs: number) => void,
  targetMs: number,
): Row {
  const t0 = performance.now();
  run(1);
  const once = Math.max(performance.now() - t0, 1e-3);
  const epochs = Math.max(1, Math.round(targetMs / once));
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < BATCHES; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    run(epochs);
    const used = process.cpuUsage(c);
    times.push(((performance.now() - t) * 1e6) / (n * epochs));
    cpu.push(((used.user + used.system) * 1e3) / (n * epochs));
  }
  return {
    impl,
    n,
    d,
    threads: 1,
    nsPerPointEpoch: median(times),
    cpuNsPerPointEpoch: median(cpu),
    batches: BATCHES,
    epochsPerBatch: epochs,
  };
}

/**
 * The core trainer; `capture` also writes support-vector indices every pass (as a snapshot needs).
 * `core` on the app's rows (a row memory: the wasm kernel), `core-js` on the same rows as plain
 * arrays (the JavaScript class kernels, the path where WebAssembly is missing).
 */
function benchCore(data: Dataset, capture: boolean, impl = capture ? 'core-capture' : 'core'): Row {
  const t = new Trainer(data, START, settings);
  t.capture = capture;
  return measure(impl, data.n, 2, (k) => t.step(k), 400);
}

/**
 * The core driven as the worker's run loop drives any optimizer: advance() by chunks of rows
 * (16,384, the loop's starting chunk) until the epoch is complete. The same passes as `core`.
 */
function benchAdvance(data: Dataset): Row {
  const t = new Trainer(data, START, settings);
  t.capture = false;
  const opt: Optimizer = t;
  const run = (k: number) => {
    const goal = opt.epoch + k;
    do opt.advance(16_384);
    while (!(opt.epochComplete && opt.epoch >= goal));
  };
  return measure('core-advance', data.n, 2, run, 400);
}

/**
 * Each optimizer (src/core/optimizers/) driven the same way, from START with the article's lr and
 * λ: ns per point per epoch, an epoch being each one's pass over the n points (for Pegasos and
 * SGD, n sampled updates and the evaluation pass of the end weights; for dcd, one sweep of n
 * coordinate steps, the dual sums and the evaluation pass).
 */
function benchOptimizers(data: Dataset): Row[] {
  return OPTIMIZER_NAMES.map((optimizer) => {
    const opt = makeOptimizer({ ...DEFAULT_OPTIMIZER_CHOICE, optimizer }, data, START, settings, 7);
    opt.setSettings(settings);
    opt.capture = false;
    const run = (k: number) => {
      const goal = opt.epoch + k;
      do opt.advance(16_384);
      while (!(opt.epochComplete && opt.epoch >= goal));
    };
    return measure(`opt-${optimizer}`, data.n, 2, run, 400);
  });
}

function benchNaive(data: Dataset): Row {
  const samples: Sample[] = [];
  for (let i = 0; i < data.n; i++) samples.push([[data.x[2 * i]!, data.x[2 * i + 1]!], data.y[i]!]);
  let w = Array.from(START.w);
  let b = START.b;
  const row = measure(
    'naive',
    data.n,
    2,
    (k) => {
      for (let e = 0; e < k; e++) ({ w, b } = naiveEpoch(samples, w, b, 0.05, 0.01));
    },
    data.n >= 1e7 ? 1500 : 600,
  );
  return row;
}

/** The C loop on the same data file, compiled here when gcc exists (no fast-math, no FMA). */
function benchC(data: Dataset): Row[] {
  const src = new URL('./epoch.c', import.meta.url).pathname;
  mkdirSync('.bench', { recursive: true });
  const file = `.bench/data-${data.n}.bin`;
  writeData(data, file);
  const rows: Row[] = [];
  try {
    for (const [variant, flags] of [
      ['branch', []],
      ['mask', ['-DMASK']],
    ] as const) {
      const bin = `.bench/epoch-${variant}`;
      try {
        execFileSync('gcc', [
          '-O3',
          '-march=native',
          '-ffp-contract=off',
          ...flags,
          '-o',
          bin,
          src,
        ]);
      } catch {
        return rows;
      }
      if (!existsSync(bin)) return rows;
      const out = execFileSync(bin, [String(data.n), file], { encoding: 'utf8' });
      const r = JSON.parse(out.trim()) as Row;
      rows.push({ ...r, d: 2, threads: 1, batches: BATCHES, epochsPerBatch: r.epochsPerBatch });
    }
  } finally {
    rmSync(file, { force: true });
  }
  return rows;
}

function report(row: Row): void {
  if (json) console.log(JSON.stringify(row));
  else
    console.log(
      `${row.impl.padEnd(14)} n=${String(row.n).padEnd(9)} d=${String(row.d).padEnd(3)}` +
        ` ${row.nsPerPointEpoch.toFixed(2)} ns/point/epoch`,
    );
}

// Warm the kernels on a small input first: V8 may leave a huge first call's loop un-optimised.
warmPassKernels(); // as every pass thread does (kernel-warmup.ts): every kernel, every tail
{
  // Short passes first: kernels first met on a long pass may stay slower (PERF-NOTES).
  const tiny = makeData(64);
  for (const capture of [false, true]) {
    const t = new Trainer(tiny, START, settings);
    t.capture = capture;
    t.step(3000);
  }
  const warm = makeData(20_000);
  for (const capture of [false, true]) {
    const t = new Trainer(warm, START, settings);
    t.capture = capture;
    t.step(300);
  }
  warmRows();
}

const rows: Row[] = [];
for (const n of sizes) {
  const data = makeData(n);
  for (const row of [
    benchCore(data, false),
    benchCore(plainData(data), false, 'core-js'),
    benchCore(data, true),
    benchAdvance(data),
    ...benchOptimizers(data),
    benchNaive(data),
    ...benchC(data),
  ]) {
    rows.push(row);
    report(row);
  }
}
for (const n of sizes) {
  for (const d of ROW_DIMS) {
    if (d > 2 && n > 1e6) continue;
    const data = makeRowsData(n, d);
    for (const row of [...benchCoreRows(data, measure), ...benchCRows(data, BATCHES)]) {
      rows.push(row);
      report(row);
    }
  }
}
rows.push(...(await benchThreads(Math.max(...sizes), report))); // 1 and 2 threads, threads-bench.ts
if (!json) {
  for (const n of sizes) {
    const core = rows.find((r) => r.impl === 'core' && r.n === n)!;
    const capture = rows.find((r) => r.impl === 'core-capture' && r.n === n)!;
    const naive = rows.find((r) => r.impl === 'naive' && r.n === n)!;
    const cs = rows.filter((r) => r.impl.startsWith('c-') && r.n === n);
    const c = cs.length ? Math.min(...cs.map((r) => r.nsPerPointEpoch)) : NaN;
    console.log(
      `n=${n}: core is ${(naive.nsPerPointEpoch / core.nsPerPointEpoch).toFixed(1)}x the naive port` +
        (cs.length ? `, ${(core.nsPerPointEpoch / c).toFixed(2)}x the best C loop` : '') +
        ` (with capture ${(capture.nsPerPointEpoch / core.nsPerPointEpoch).toFixed(2)}x core)`,
    );
    for (const d of ROW_DIMS) {
      const js = rows.find((r) => r.impl === 'core-rows' && r.n === n && r.d === d);
      const cr = rows.filter((r) => r.impl.startsWith('c-rows-') && r.n === n && r.d === d);
      if (!js || !cr.length) continue;
      const best = Math.min(...cr.map((r) => r.nsPerPointEpoch));
      const bestCpu = Math.min(...cr.map((r) => r.cpuNsPerPointEpoch ?? NaN));
      console.log(
        `n=${n} d=${d}, rows in random order: core ${js.nsPerPointEpoch.toFixed(2)} ns, ` +
          `${(js.nsPerPointEpoch / best).toFixed(2)}x the best C loop (${best.toFixed(2)} ns); ` +
          `CPU time ${(js.cpuNsPerPointEpoch! / bestCpu).toFixed(2)}x`,
      );
    }
  }
}
