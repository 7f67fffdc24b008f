/**
 * A pass worker in a Node worker thread: the browser's pass-worker.ts with worker_threads'
 * port instead of the worker scope (the same job table, workers/pass-worker-jobs.ts).
 */
import { parentPort } from 'node:worker_threads';
import { handleJob } from '../../workers/pass-worker-jobs.ts';

if (!parentPort) throw new Error('run me as a worker thread');
const port = parentPort;
port.on('message', (data: unknown) =>
  handleJob(data, (answer, transfer) => port.postMessage(answer, transfer as never)),
);
