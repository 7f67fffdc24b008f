/**
 * A generation thread (owned by the training worker, generate-threads.ts): draws the shards of
 * candidates it is sent and transfers them back (generate-shard-job.ts).
 */
import { answerShard, createShardDrawer, type ShardRequest } from './generate-shard-job.ts';

const draw = createShardDrawer();
const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (e: MessageEvent<ShardRequest>) =>
  answerShard(draw, e.data, scope),
);
