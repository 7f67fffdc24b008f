/**
 * The core's PassRunner (src/core/sharded-pass.ts) over a ThreadPool (pass-pool.ts). At set-up
 * each helper gets its rows once: the whole data when it lives in a SharedArrayBuffer (a page
 * that is cross-origin isolated, and Node), else a copy of its shard's rows, transferred. Per
 * pass it gets (w, b), d + 1 numbers, and with shared rows a fresh 4-byte shared counter: every
 * thread, the training worker included, then claims blocks from it until none is left, so the
 * blocks go to whichever thread is free (a busy or slow core takes fewer). Without shared memory,
 * and for a new pool's first passes (until every helper has its rows), helper j − 1 scans fixed
 * shard j, the training worker shard 0. Answers queue until the pass takes them; the run loop
 * awaits ready() while a pass waits for them.
 */
import { blockCount, blockStart, passRows } from '../src/core/blocked-sums.ts';
import type { Dataset } from '../src/core/dataset.ts';
import {
  partialStride,
  shardStart,
  type PassBoard,
  type PassRunner,
  type ShardResult,
  type StartedPass,
} from '../src/core/sharded-pass.ts';
import { placeRows } from '../src/core/wasm/place-rows.ts';
import { isSharedBuffer, rowMemoryOf } from '../src/core/wasm/row-memory.ts';
import type { ThreadPool } from './pass-pool.ts';

/** True when typed arrays can be shared with other threads (SharedArrayBuffer is usable). */
export function canShareMemory(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean };
  return typeof SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false;
}

/**
 * The dataset with x and y in a row memory (where the wasm kernel reads them), shared when the
 * page can share memory: one copy, at dataset time, so no pass ever copies rows; the same object
 * when they already are there. Where no row memory can be had, x and y in a SharedArrayBuffer
 * when it can be, else the same object.
 */
export function shareDataset(data: Dataset): Dataset {
  const placed = placeRows(data, canShareMemory());
  if (placed) return placed;
  if (!canShareMemory() || isSharedBuffer(data.x.buffer)) return data;
  const x = new Float64Array(new SharedArrayBuffer(data.x.byteLength));
  const y = new Float64Array(new SharedArrayBuffer(data.y.byteLength));
  x.set(data.x);
  y.set(data.y);
  return { ...data, x, y };
}

type Waiter = { resolve: () => void; reject: (e: Error) => void };

/**
 * A pass waiting this long for the threads fails: a browser stops a worker whose memory runs out
 * without any event, and a run must not wait for it forever (a shard takes milliseconds).
 */
export const ANSWER_TIMEOUT_MS = 10_000;

/** The largest message of rows sent to a helper that does not share memory. */
export const COPY_PART_BYTES = 1 << 20;

export class PoolPassRunner implements PassRunner {
  readonly threads: number;
  private ticket = 0;
  private readonly answers: { ticket: number; r: ShardResult }[] = [];
  private readonly waiters: Waiter[] = [];
  private failure: Error | null = null;
  /** Helpers that have taken their rows. */
  private started = 0;
  /** Requests sent to each helper and not yet answered. */
  private readonly unanswered: number[];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly blocks: number;
  /** Numbers a block's packed partial takes (partialStride). */
  private readonly stride: number;
  /** Whether every helper holds all the rows (shared memory): then blocks are claimed. */
  private readonly shared: boolean;
  private readonly unsubscribe: () => void;

  /** Hands every helper of `pool` its rows of `data` (pool.size + 1 threads share a pass). */
  constructor(
    private readonly pool: ThreadPool,
    data: Dataset,
    private readonly answerTimeoutMs = ANSWER_TIMEOUT_MS,
  ) {
    this.threads = pool.size + 1;
    this.unanswered = new Array<number>(pool.size).fill(0);
    this.blocks = blockCount(data.n);
    this.stride = partialStride(data.d);
    const { d, n } = data;
    const split = passRows(data).classSplit;
    const shared = isSharedBuffer(data.x.buffer);
    this.shared = shared;
    for (let j = 1; j < this.threads; j++) {
      const r0 = shared ? 0 : Math.min(n, blockStart(this.first(j)));
      const r1 = shared ? n : Math.min(n, blockStart(this.first(j + 1)));
      const classSplit = split < 0 ? -1 : Math.min(Math.max(split - r0, 0), r1 - r0);
      const head = { job: 'rows', d, rowOffset: r0, n, classSplit, count: r1 - r0 };
      const sent = shared
        ? this.pool.request(j - 1, { ...head, x: data.x, y: data.y, memory: rowMemoryOf(data.x) })
        : this.sendCopy(j - 1, head, data, r0, r1);
      sent.then(
        () => this.started++,
        (e: unknown) => this.fail(e),
      );
    }
    this.unsubscribe = pool.onBroken((e) => this.fail(e));
  }

  start(w: Float64Array, b: number, capture: boolean): StartedPass {
    this.check();
    const ticket = ++this.ticket;
    // Blocks are claimed once every helper holds its rows. Until then the pass uses fixed
    // shards and so waits for the helpers: the training worker would otherwise take every block
    // while they start, and a pool that cannot start would go unnoticed (failedToStart).
    const claimed = this.shared && this.started === this.pool.size;
    const claim = claimed ? new Int32Array(new SharedArrayBuffer(4)) : null;
    // Without capture the blocks are also posted to a board, so this thread need not wait for
    // a helper that stalls (sharded-pass.ts); with capture the indices come in the answers.
    const board = claim && !capture ? this.newBoard() : null;
    for (let j = 1; j < this.threads; j++) {
      const k0 = this.first(j);
      const k1 = this.first(j + 1);
      if (k0 === k1 && !claim) continue;
      this.unanswered[j - 1]!++;
      const job = claim
        ? { job: 'pass', w, b, capture, claim, board }
        : { job: 'pass', w, b, capture, k0, k1 };
      this.pool.request<ShardResult>(j - 1, job).then(
        (r) => {
          this.unanswered[j - 1]!--;
          this.answers.push({ ticket, r });
          this.wake();
        },
        (e: unknown) => this.fail(e),
      );
    }
    return { ticket, claim, board };
  }

  /** A fresh board for a pass: partials and done flags in shared memory. */
  private newBoard(): PassBoard {
    return {
      partials: new Float64Array(new SharedArrayBuffer(8 * this.blocks * this.stride)),
      done: new Int32Array(new SharedArrayBuffer(4 * this.blocks)),
    };
  }

  take(ticket: number): ShardResult | null {
    this.check();
    while (this.answers.length > 0) {
      const a = this.answers.shift()!;
      if (a.ticket === ticket) return a.r; // older passes' answers are dropped
    }
    return null;
  }

  /** Resolves when an answer waits to be taken; rejects once a thread has died or failed. */
  ready(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.answers.length > 0) return Promise.resolve();
    this.timer ??= setTimeout(() => this.silent(), this.answerTimeoutMs);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Whether a thread has died or failed (a new pool is then needed). */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** Whether a thread failed before every one had taken its rows (it could not start). */
  get failedToStart(): boolean {
    return this.failure !== null && this.started < this.pool.size;
  }

  dispose(): void {
    this.unsubscribe();
    this.fail(new Error('the pass threads were stopped'));
    this.pool.dispose();
  }

  /**
   * Copies rows [r0, r1) to helper j in parts of at most COPY_PART_BYTES, each transferred:
   * WebKitGTK's nested workers die on a large message (16 MB did, 1.6 MB did not).
   */
  private sendCopy(
    j: number,
    head: { job: string; d: number },
    data: Dataset,
    r0: number,
    r1: number,
  ): Promise<unknown> {
    const d = head.d;
    const part = Math.max(1, Math.floor(COPY_PART_BYTES / (8 * (d + 1))));
    const sent: Promise<unknown>[] = [this.pool.request(j, head)];
    for (let at = r0; at < r1; at += part) {
      const end = Math.min(r1, at + part);
      const x = data.x.slice(at * d, end * d);
      const y = data.y.slice(at, end);
      const message = { job: 'rows-part', at: at - r0, x, y };
      sent.push(this.pool.request(j, message, [x.buffer as ArrayBuffer, y.buffer as ArrayBuffer]));
    }
    return Promise.all(sent);
  }

  /** First block of shard j. */
  private first(j: number): number {
    return shardStart(j, this.threads, this.blocks);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private wake(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  /** No answer for answerTimeoutMs: the threads owing one are taken for dead. */
  private silent(): void {
    this.timer = null;
    const owing = this.unanswered.flatMap((k, j) => (k > 0 ? [j + 2] : []));
    if (owing.length === 0) return this.wake(); // nothing owed: let the pass look again
    const which = `pass thread${owing.length > 1 ? 's' : ''} ${owing.join(', ')} of ${this.threads}`;
    this.fail(new Error(`${which} did not answer within ${this.answerTimeoutMs / 1000} s`));
  }

  private fail(e: unknown): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.failure ??= e instanceof Error ? e : new Error(String(e));
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
  }
}
