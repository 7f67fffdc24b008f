/**
 * The training worker: the trainer service exposed with comlink. Snapshots' buffers are
 * transferred, not copied; each run's progress callback is released when the run ends.
 */
import { expose, releaseProxy, transfer, type Remote } from 'comlink';
import { snapshotTransferables } from './snapshot-builder.ts';
import type { GenerateProgress, Snapshot, TrainerService, TrainOptions } from './trainer-api.ts';
import { createTrainerService } from './trainer-service.ts';

const service = createTrainerService({ transfer: (s) => transfer(s, snapshotTransferables(s)) });

/** Releases a comlink callback proxy once the call that received it has settled. */
function releasing<T>(callback: unknown, call: Promise<T>): Promise<T> {
  return call.finally(() => (callback as Remote<unknown> | undefined)?.[releaseProxy]?.());
}

const exposed: TrainerService = {
  ...service,
  generate: (recipe, onProgress?: (p: GenerateProgress) => void) =>
    releasing(onProgress, service.generate(recipe, onProgress)),
  train: (options: TrainOptions, onSnapshot: (s: Snapshot) => unknown) =>
    releasing(onSnapshot, service.train(options, onSnapshot)),
};

expose(exposed);
