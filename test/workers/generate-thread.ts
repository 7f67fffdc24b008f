/**
 * Generation threads in Node for tests and benches: a worker_threads Worker running
 * generate-thread-entry.ts, in the shape generate-threads.ts expects of a browser Worker. The
 * thread's end (terminated, crashed) is an error event, as a browser reports a dead worker.
 */
import { Worker as NodeWorker } from 'node:worker_threads';
import type { ShardReply } from '../../workers/generate-shard-job.ts';
import type { ShardWorker } from '../../workers/generate-threads.ts';

/** Every Node generation thread started, for tests that kill one or clean up. */
export const nodeShardThreads: NodeWorker[] = [];

export function nodeShardWorker(): ShardWorker {
  const thread = new NodeWorker(new URL('./generate-thread-boot.mjs', import.meta.url));
  nodeShardThreads.push(thread);
  let ended = false;
  const errorListeners: ((e: ErrorEvent) => void)[] = [];
  const fire = (message: string) => {
    const event = { message, preventDefault: () => undefined } as unknown as ErrorEvent;
    for (const l of errorListeners) l(event);
  };
  thread.on('error', (e: Error) => fire(`Uncaught ${e.message}`));
  thread.on('exit', (code) => {
    if (!ended) fire(`the thread exited (code ${code})`);
  });
  return {
    postMessage: (m) => thread.postMessage(m),
    addEventListener(type: 'message' | 'error', listener: (e: never) => void) {
      if (type === 'message') {
        thread.on('message', (data: ShardReply) =>
          (listener as (e: MessageEvent<ShardReply>) => void)({ data } as MessageEvent<ShardReply>),
        );
      } else errorListeners.push(listener as (e: ErrorEvent) => void);
    },
    terminate() {
      ended = true;
      void thread.terminate();
    },
  };
}
