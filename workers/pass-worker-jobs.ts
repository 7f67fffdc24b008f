/**
 * What a pool thread (pass-pool.ts) does with each job, the same in the browser's pass worker
 * (pass-worker.ts) and in a Node worker thread: a table of jobs by name, each a function from
 * the request's fields to a result (and the buffers to transfer with it). The maths are the
 * core's (shard-scan.ts); this file only keeps the thread's rows between jobs.
 *
 * Jobs:
 * - 'rows': keeps this thread's rows for later passes: x (row-major, d a row) and y, which hold
 *   the pass's rows from rowOffset on (shared memory: the whole data, rowOffset 0), or, without
 *   x and y, room for `count` rows of the shard that 'rows-part' jobs then fill (a copy sent
 *   once, in transferred parts: `at`, x, y); n the pass's row count, classSplit a speed hint.
 * - 'pass': the partials (and with capture the support-vector indices) at (w, b) of the blocks
 *   claimed from `claim` (the pass's shared counter; the rows held whole; each block also posted
 *   to `board` as it is done, when given), or else of blocks [k0, k1): a ShardResult.
 * Other jobs register with registerJob (e.g. sharded generation).
 */
import type { PassRows } from '../src/core/blocked-sums.ts';
import { warmPassKernels } from '../src/core/kernel-warmup.ts';
import { scanClaimed, scanShard } from '../src/core/shard-scan.ts';
import type { PassBoard } from '../src/core/sharded-pass.ts';
import { adoptRows, allocateRows, type RowMemory } from '../src/core/wasm/row-memory.ts';
import { generateShardJob } from './generate-shard-job.ts';
import type { JobAnswer, JobMessage } from './pass-pool.ts';

/** A job's outcome: its result, and the buffers to transfer with it. */
export interface JobOutput {
  result: unknown;
  transfer?: Transferable[];
}

export type JobHandler = (m: JobMessage) => JobOutput;

interface HeldRows {
  rows: PassRows;
  rowOffset: number;
  n: number;
  /** The support-vector indices' scratch (the held rows' count), made at the first capture. */
  scratch: Uint32Array | null;
}

let held: HeldRows | null = null;

const JOBS = new Map<string, JobHandler>([
  [
    'rows',
    (m) => {
      const { d, rowOffset, n, classSplit, count } = m as unknown as Record<
        'd' | 'rowOffset' | 'n' | 'classSplit' | 'count',
        number
      >;
      // The rows themselves (shared: as views of their row memory when they live in one, for
      // the wasm kernel), or room for `count` rows that 'rows-part' jobs fill (in a row memory
      // of this thread's where one can be had).
      const memory = m.memory as RowMemory | null | undefined;
      const room = memory
        ? adoptRows(memory, n, d)
        : m.x
          ? { x: m.x as Float64Array, y: m.y as Float64Array }
          : (allocateRows(count, d, false) ?? {
              x: new Float64Array(count * d),
              y: new Float64Array(count),
            });
      const { x, y } = room;
      held = { rows: { x, y, d, classSplit }, rowOffset, n, scratch: null };
      return { result: y.length };
    },
  ],
  [
    'rows-part',
    (m) => {
      if (!held) throw new Error('rows before their room');
      const { at, x, y } = m as unknown as { at: number; x: Float64Array; y: Float64Array };
      held.rows.x.set(x, at * held.rows.d);
      (held.rows.y as Float64Array).set(y, at);
      return { result: y.length };
    },
  ],
  [
    'pass',
    (m) => {
      if (!held) throw new Error('a pass before any rows');
      const { w, b, capture, claim, board, k0, k1 } = m as unknown as {
        w: Float64Array;
        capture: boolean;
        claim?: Int32Array;
        board?: PassBoard | null;
      } & Record<'b' | 'k0' | 'k1', number>;
      if (capture) held.scratch ??= new Uint32Array(held.rows.y.length);
      const { rows, rowOffset, n } = held;
      const scratch = capture ? held.scratch : null;
      const r = claim
        ? scanClaimed(rows, n, w, b, claim, scratch, board ?? null)
        : scanShard(rows, rowOffset, n, w, b, k0, k1, scratch);
      const transfer: Transferable[] = [r.partials.buffer as ArrayBuffer];
      if (r.sv) transfer.push(r.sv.buffer as ArrayBuffer);
      return { result: r, transfer };
    },
  ],
]);

JOBS.set('generate', generateShardJob()); // shards of a dataset's candidates (generation)

// Before the first job: a thread's first pass is a long shard, which V8 would optimise the
// kernels on worse (kernel-warmup.ts); a few milliseconds here, while the rows are on their way.
warmPassKernels();

/** Adds a job (for work other than passes, e.g. generation shards). */
export function registerJob(name: string, handler: JobHandler): void {
  JOBS.set(name, handler);
}

/** Runs one request and posts its answer (or the error's message) with the request's id. */
export function handleJob(
  data: unknown,
  post: (answer: JobAnswer, transfer: Transferable[]) => void,
): void {
  const m = data as JobMessage & { id: number };
  const handler = JOBS.get(m?.job);
  try {
    if (!handler) throw new Error(`no job named ${String(m?.job)}`);
    const out = handler(m);
    post({ id: m.id, result: out.result }, out.transfer ?? []);
  } catch (e) {
    post({ id: m?.id, error: e instanceof Error ? e.message : String(e) }, []);
  }
}
