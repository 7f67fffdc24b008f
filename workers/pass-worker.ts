/**
 * A pass worker: a helper thread of the training worker's pool (pass-pool.ts), nested in it.
 * It answers jobs (pass-worker-jobs.ts) and, closing itself, says so first so the pool fails
 * the run at once instead of waiting for an answer that will not come.
 */
import type { JobAnswer } from './pass-pool.ts';
import { handleJob } from './pass-worker-jobs.ts';

const scope = globalThis as unknown as {
  postMessage(m: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close(): void;
};
const close = scope.close.bind(scope);
scope.close = () => {
  scope.postMessage({ id: -1, closing: true } satisfies JobAnswer, []);
  close();
};
scope.addEventListener('message', (e) => handleJob(e.data, (a, t) => scope.postMessage(a, t)));
