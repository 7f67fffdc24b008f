/**
 * The trainer service exposed over a real thread boundary in Node (worker_threads), as the
 * browser worker exposes it: comlink with transfer of snapshot buffers.
 */
import { expose, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { snapshotTransferables } from '../../workers/snapshot-builder.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

if (!parentPort) throw new Error('run me as a worker thread');
expose(
  createTrainerService({ transfer: (s) => transfer(s, snapshotTransferables(s)) }),
  nodeEndpoint(parentPort),
);
