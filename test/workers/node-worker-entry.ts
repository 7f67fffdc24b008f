/**
 * The trainer service over a real thread boundary in Node (worker_threads): the production
 * entry (workers/expose-service.ts) on comlink's node adapter instead of a browser worker scope.
 * The thread "closes itself" as a browser worker does (scope.close: the last messages go, then
 * the thread ends). Test-only deaths on request (`{ hingeTest }` messages; the browser's entry
 * has none): 'close', 'throw' (an uncaught error at top level), 'oom' (fills the JS heap).
 */
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { exposeTrainerService } from '../../workers/expose-service.ts';
import { nodePassThreads } from '../helpers/node-pass-thread.ts';

if (!parentPort) throw new Error('run me as a worker thread');
const port = parentPort;
const scope = { close: () => setImmediate(() => process.exit(0)) };
exposeTrainerService(nodeEndpoint(port), { spawnPassThread: nodePassThreads() }, scope);

port.on('message', (m: { hingeTest?: string }) => {
  if (m?.hingeTest === 'close') scope.close();
  if (m?.hingeTest === 'throw')
    setTimeout(() => {
      throw new Error('thrown at top level');
    });
  if (m?.hingeTest === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1e5).fill(1.5));
  }
});
