/**
 * Pass threads for Node (tests and benches): a worker thread running the pass worker's job
 * table (test/workers/pass-worker-node-entry.ts) as a pool's PoolThread. Its deaths are as the
 * pool sees a browser's: an uncaught error, or the thread ending (killed, or exiting).
 */
import { Worker as NodeWorker } from 'node:worker_threads';
import type { PoolThread, SpawnThread } from '../../workers/pass-pool.ts';

/** A PoolThread over a Node worker thread; `thread` is exposed so a test can kill it. */
export function nodePassThread(): PoolThread & { thread: NodeWorker } {
  const thread = new NodeWorker(new URL('../workers/pass-worker-boot.mjs', import.meta.url));
  let ended = false;
  return {
    thread,
    post: (m, transfer = []) => thread.postMessage(m, transfer as never),
    onMessage: (listener) => void thread.on('message', listener),
    onDeath(listener) {
      thread.on('error', (e) => listener(`an error: ${e.message}`));
      thread.on('exit', (code) => {
        if (!ended) listener(`it exited (code ${code})`);
      });
    },
    terminate() {
      ended = true;
      void thread.terminate();
    },
  };
}

/** Spawns Node pass threads, keeping each in `spawned` (a test kills one, then disposes them). */
export function nodePassThreads(
  spawned: (PoolThread & { thread: NodeWorker })[] = [],
): SpawnThread {
  return () => {
    const t = nodePassThread();
    spawned.push(t);
    return t;
  };
}
