/**
 * Data-parallel epochs: ns per point per epoch of full-batch GD with 1 and 2 threads on the same
 * data in one run (Node worker threads: the pass worker's job table behind a ThreadPool, as the
 * training worker runs it; rows in a SharedArrayBuffer, d = 2 in the generator's class layout,
 * starting near the optimum). The epochs are driven as the run loop drives them: advance() in
 * chunks, awaiting the threads when a pass waits for them; batches of the two alternate, so a
 * change of the machine's load falls on both. Called by core-bench.ts (rows impl 'core-threads').
 */
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../src/core/dataset.ts';
import type { Optimizer } from '../src/core/optimizer.ts';
import { setPassRunner } from '../src/core/sharded-pass.ts';
import { Trainer } from '../src/core/trainer.ts';
import { ThreadPool } from '../workers/pass-pool.ts';
import { PoolPassRunner, shareDataset } from '../workers/pass-runner.ts';
import { nodePassThreads } from '../test/helpers/node-pass-thread.ts';
import { classBlockedData, START } from './bench-data.ts';
import type { Row } from './rows-bench.ts';

const BATCHES = 7;
const CHUNK_ROWS = 1 << 18;

/** core-bench's data (bench-data.ts), its rows in shared memory as the pass threads read them. */
function makeData(n: number): Dataset {
  return shareDataset(classBlockedData(n));
}

/** k epochs as training-run.ts drives them. */
async function epochs(opt: Optimizer, k: number, runner: PoolPassRunner | null): Promise<void> {
  const goal = opt.epoch + k;
  while (opt.epoch < goal || !opt.epochComplete) {
    if (opt.advance(CHUNK_ROWS) === 0 && !opt.epochComplete) await runner!.ready();
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

/** Rows for 1 and 2 threads at n points (the run's largest size), reported as they come. */
export async function benchThreads(n: number, report: (row: Row) => void): Promise<Row[]> {
  const data = makeData(n);
  const pool = new ThreadPool(nodePassThreads(), 1);
  const runner = new PoolPassRunner(pool, data);
  setPassRunner(data, runner);
  try {
    const settings = { lr: 0.05, reg: 0.01 };
    const runs = [
      { threads: 1, opt: new Trainer({ ...data }, START, settings), runner: null },
      { threads: 2, opt: new Trainer(data, START, settings), runner },
    ];
    for (const r of runs) {
      r.opt.capture = false;
      await epochs(r.opt, 3, r.runner); // warm-up (and the threads' first rows)
    }
    const t0 = performance.now();
    await epochs(runs[0]!.opt, 1, null);
    const per = Math.max(1, Math.round(1000 / (performance.now() - t0))); // ~1 s a batch
    const times: number[][] = runs.map(() => []);
    for (let b = 0; b < BATCHES; b++) {
      for (const [i, r] of runs.entries()) {
        const t = performance.now();
        await epochs(r.opt, per, r.runner);
        times[i]!.push(((performance.now() - t) * 1e6) / (n * per));
      }
    }
    return runs.map((r, i) => {
      const row: Row = {
        impl: 'core-threads',
        n,
        d: 2,
        threads: r.threads,
        nsPerPointEpoch: median(times[i]!),
        batches: BATCHES,
        epochsPerBatch: per,
      };
      report(row);
      return row;
    });
  } finally {
    setPassRunner(data, null);
    runner.dispose();
  }
}
