/**
 * The trainer service over a real thread boundary in Node (worker_threads): the production
 * entry (workers/expose-service.ts) on comlink's node adapter instead of a browser worker scope.
 */
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { exposeTrainerService } from '../../workers/expose-service.ts';

if (!parentPort) throw new Error('run me as a worker thread');
exposeTrainerService(nodeEndpoint(parentPort));
