/**
 * `npm run --silent bench:memory -- [--json] [--epochs 100000,1000000,10000000]`: memory of a run
 * of many epochs on the article's 60 points, in the worker and in the page, against their idle
 * level. The worker is the trainer service in a Node worker thread (bench/memory-worker.ts); the
 * page is the page's CurveStore in the main thread, fed every snapshot's chunk as the page is.
 * Each side measures its own isolate (v8 heap statistics: used JS heap + external buffers): the
 * peak sampled during the run (garbage included, no forced collection) and what stays after a
 * collection at the end. Figures, not tests; run with node --expose-gc (the npm script does).
 */
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { CurveStore } from '../src/ui/curve-store.ts';
import type { CurveChunk } from '../workers/trainer-api.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const list = args.includes('--epochs') ? args[args.indexOf('--epochs') + 1]! : '';
const sizes = list ? list.split(',').map(Number) : [100_000, 1_000_000, 10_000_000];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory)');
const mem = () => {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
};
const settle = () => {
  for (let i = 0; i < 3; i++) gc();
  return mem();
};
const MB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

interface Done {
  idle: number;
  peak: number;
  live: number;
  after: number;
  snapshots: number;
  seconds: number;
}

async function measure(epochs: number) {
  const worker = new Worker(new URL('./memory-worker-boot.mjs', import.meta.url));
  const store = new CurveStore();
  const idle = settle();
  let peak = idle;
  let live = idle;
  let nextGc = performance.now() + 1000;
  let received = 0;
  const done = await new Promise<Done>((resolve, reject) => {
    worker.on('error', reject);
    worker.on(
      'message',
      (m: { curve?: CurveChunk; epoch: number; entered: number; left: number; done?: Done }) => {
        if (m.done) return resolve(m.done);
        store.addChunk(m.curve!);
        if (m.epoch > 0) store.addChurn(m.epoch, m.entered, m.left);
        if (++received % 16 === 0) {
          store.meanLoss.drawIndices(); // what a frame draws
          store.kept(); // what Compare samples
          peak = Math.max(peak, mem());
        }
        if (performance.now() > nextGc) {
          live = Math.max(live, settle()); // what the page holds, once its garbage is collected
          nextGc = performance.now() + 1000;
        }
      },
    );
    worker.postMessage(epochs);
  });
  peak = Math.max(peak, mem());
  const after = settle();
  await worker.terminate();
  return {
    epochs,
    seconds: Math.round(done.seconds * 10) / 10,
    snapshots: done.snapshots,
    curveEpochs: store.length,
    workerMB: {
      idle: MB(done.idle),
      peakAboveIdle: MB(done.peak - done.idle),
      heldAboveIdle: MB(done.live - done.idle),
      afterAboveIdle: MB(done.after - done.idle),
    },
    pageMB: {
      idle: MB(idle),
      peakAboveIdle: MB(peak - idle),
      heldAboveIdle: MB(live - idle),
      afterAboveIdle: MB(after - idle),
    },
  };
}

const rows = [];
for (const e of sizes) rows.push(await measure(e));
if (json) console.log(JSON.stringify(rows));
else {
  console.log('MB above idle: peak sampled (garbage included) / peak held / after the run');
  console.log('epochs      run s  snapshots              worker                page');
  const cell = (m: { peakAboveIdle: number; heldAboveIdle: number; afterAboveIdle: number }) =>
    `${m.peakAboveIdle} / ${m.heldAboveIdle} / ${m.afterAboveIdle}`.padStart(22);
  for (const r of rows) {
    const head = `${String(r.epochs).padEnd(11)} ${String(r.seconds).padStart(5)}`;
    console.log(
      `${head}  ${String(r.snapshots).padStart(9)}  ${cell(r.workerMB)}${cell(r.pageMB)}`,
    );
  }
}
