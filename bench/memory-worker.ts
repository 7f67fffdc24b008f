/**
 * The worker side of bench/memory-bench.ts, in a worker thread: the trainer service trains the
 * article's 60 points for the epochs it is sent at full speed (the page's policy), forwards every
 * snapshot's curve chunk and churn to the main thread (as the browser worker does to the page),
 * and reports its own isolate's memory (JS heap + external buffers): idle, the peak sampled during
 * the run (garbage included), the peak held (collected once a second: the seconds' figures
 * include those collections), and after the run once collected.
 */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../src/core/recipe.ts';
import { snapshotPolicy } from '../src/ui/speeds.ts';
import { createTrainerService } from '../workers/trainer-service.ts';

const port = parentPort!;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mem = () => {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
};
const settle = () => {
  for (let i = 0; i < 3; i++) gc();
  return mem();
};

port.on('message', async (epochs: number) => {
  const service = createTrainerService({});
  await service.generate({ ...DEFAULT_RECIPE });
  await service.reset();
  const idle = settle();
  let peak = idle;
  let live = idle;
  let snapshots = 0;
  const t0 = performance.now();
  let nextGc = t0 + 1000;
  await service.train(
    { ...DEFAULT_HYPERPARAMETERS, epochs, snapshots: snapshotPolicy('full') },
    (s) => {
      snapshots++;
      peak = Math.max(peak, mem());
      if (performance.now() > nextGc) {
        live = Math.max(live, settle()); // what the run holds, once its garbage is collected
        nextGc = performance.now() + 1000;
      }
      const c = s.curve;
      port.postMessage({ curve: c, epoch: s.epoch, entered: s.entered, left: s.left }, [
        c.meanLoss.buffer,
        c.objective.buffer,
        c.svCount.buffer,
        c.accuracy.buffer,
      ] as ArrayBuffer[]);
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, mem());
  const after = settle();
  await service.dispose();
  port.postMessage({ done: { idle, peak, live, after, snapshots, seconds } });
});
