/**
 * A generation thread in Node (worker_threads): the browser's workers/generate.worker.ts on a
 * Node port (the same drawer and replies, generate-shard-job.ts).
 */
import { parentPort } from 'node:worker_threads';
import {
  answerShard,
  createShardDrawer,
  type ShardRequest,
} from '../../workers/generate-shard-job.ts';

if (!parentPort) throw new Error('run me as a worker thread');
const port = parentPort;
const draw = createShardDrawer();
port.on('message', (m: ShardRequest) =>
  answerShard(draw, m, {
    postMessage: (reply, transfer) => port.postMessage(reply, transfer as never),
  }),
);
