/**
 * `npx tsx bench/generate-bench.ts [--json] [--points 10000000] [--threads 1,2] [--reps 2]`:
 * time to generate the article's recipe (d = 2) at --points points, with 1 thread (the
 * sequential DatasetBuilder, as the training worker draws today) and with T generation threads
 * (Node worker threads running the pass workers' job table; this thread accepts the rounds, as the
 * training worker does). Runs alternate between the thread counts; each line gives every run's
 * time and the fastest, and the CPU time of each (all threads: on a shared machine it shows
 * whether the threads got the cores), then a control: one thread drawing alone against two
 * drawing at once, no coordination (the cores this process actually got). Every threaded dataset and its initial weights are checked equal to the
 * sequential ones, bit for bit. Figures, not tests: the machine is shared, so read ratios.
 */
import { performance } from 'node:perf_hooks';
import { initialModel } from '../src/core/classifier.ts';
import { DatasetBuilder, type Dataset } from '../src/core/dataset.ts';
import { PyRandom } from '../src/core/py-random.ts';
import { DEFAULT_RECIPE, type Recipe } from '../src/core/recipe.ts';
import { nodePassThreads, type nodePassThread } from '../test/helpers/node-pass-thread.ts';
import { generateOnThreads } from '../workers/generate-rounds.ts';
import { createShardThreads, type ShardRunner } from '../workers/generate-threads.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const arg = (name: string, fallback: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
const points = Number(arg('--points', '10000000'));
const threadCounts = arg('--threads', '1,2').split(',').map(Number);
const reps = Number(arg('--reps', '2'));

interface Generated {
  data: Dataset;
  w0: Float64Array;
}

function sequential(recipe: Recipe): Generated {
  const rng = new PyRandom(recipe.seed);
  const b = new DatasetBuilder(recipe, rng);
  b.advance(Infinity);
  const data = b.result();
  return { data, w0: initialModel(data.d, rng).w };
}

async function threaded(recipe: Recipe, runner: ShardRunner): Promise<Generated> {
  const deps = { now: () => performance.now(), checkAlive: () => undefined };
  const { data, rng } = await generateOnThreads(recipe, runner, deps, () => undefined);
  return { data, w0: initialModel(data.d, rng).w };
}

function same(a: Generated, b: Generated): boolean {
  const eq = (u: Float64Array, v: Float64Array) =>
    u.length === v.length && u.every((x, i) => Object.is(x, v[i]));
  return eq(a.data.x, b.data.x) && eq(a.data.y, b.data.y) && eq(a.w0, b.w0);
}

const recipe: Recipe = { ...DEFAULT_RECIPE, nPerClass: Math.round(points / 2) };
const spawned: ReturnType<typeof nodePassThread>[] = [];
const runners = new Map<number, ShardRunner>();
for (const t of threadCounts) {
  if (t > 1) runners.set(t, createShardThreads(nodePassThreads(spawned), t));
}
const generate = (t: number) =>
  t > 1 ? threaded(recipe, runners.get(t)!) : Promise.resolve(sequential(recipe));

// Warm-up: V8 compiles the loops and the threads boot.
const small = { ...recipe, nPerClass: 50_000 };
for (const t of threadCounts) {
  if (t > 1) await threaded(small, runners.get(t)!);
  else sequential(small);
}

const times = new Map<number, number[]>(threadCounts.map((t) => [t, []]));
/** CPU seconds of the whole process (every thread) per run, beside the wall times. */
const cpu = new Map<number, number[]>(threadCounts.map((t) => [t, []]));
let reference: Generated | null = null;
for (let r = 0; r < reps; r++) {
  for (const t of threadCounts) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const g = await generate(t);
    times.get(t)!.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.get(t)!.push((c.user + c.system) / 1e6);
    if (t === 1) reference ??= g;
    else if (!same(g, (reference ??= sequential(recipe)))) {
      throw new Error(`${t} threads drew a different dataset`);
    }
  }
}

/**
 * The control: how many cores this process actually got. Two threads each draw a whole stream of
 * the same length (no coordination, nothing shared), against one thread alone; 2 × alone / both
 * is 2 on two free cores and 1 when the machine gives the process only one core's worth.
 */
async function parallelCapacity(): Promise<{ alone: number; both: number; capacity: number }> {
  const control = createShardThreads(nodePassThreads(spawned), 2);
  const count = Math.min(2 * recipe.nPerClass, 5_000_000);
  const job = { seed: 1, trueW: recipe.trueW, trueB: recipe.trueB, noise: recipe.noise };
  const draw = (t: number) => control.draw(t, { ...job, start: 0, count });
  await Promise.all([0, 1].map((t) => control.draw(t, { ...job, start: 0, count: 100_000 })));
  let t0 = performance.now();
  await draw(0);
  const alone = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await Promise.all([draw(0), draw(1)]);
  const both = (performance.now() - t0) / 1000;
  control.dispose();
  return { alone, both, capacity: (2 * alone) / both };
}
const capacity = threadCounts.some((t) => t > 1) ? await parallelCapacity() : null;

for (const runner of runners.values()) runner.dispose();
await Promise.all(spawned.map((w) => w.thread.terminate()));

const base = Math.min(...(times.get(1) ?? [NaN]));
for (const t of threadCounts) {
  const all = times.get(t)!;
  const seconds = Math.min(...all);
  const row = {
    impl: 'generate',
    n: 2 * recipe.nPerClass,
    d: recipe.trueW.length,
    threads: t,
    seconds: Number(seconds.toFixed(3)),
    runs: all.map((s) => Number(s.toFixed(3))),
    cpuSeconds: cpu.get(t)!.map((s) => Number(s.toFixed(3))),
    speedup: Number((base / seconds).toFixed(2)),
  };
  if (json) process.stdout.write(JSON.stringify(row) + '\n');
  else console.log(`threads ${t}: ${row.seconds} s (runs ${row.runs.join(', ')}), ${row.speedup}×`);
}
if (capacity) {
  const row = {
    impl: 'control: one thread drawing, then two at once (cores this process got)',
    alone: Number(capacity.alone.toFixed(3)),
    both: Number(capacity.both.toFixed(3)),
    parallelCapacity: Number(capacity.capacity.toFixed(2)),
  };
  if (json) process.stdout.write(JSON.stringify(row) + '\n');
  else
    console.log(
      `control: ${row.alone} s alone, ${row.both} s two at once: ${row.parallelCapacity} cores`,
    );
}
