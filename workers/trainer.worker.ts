/**
 * The training worker: the trainer service exposed with comlink. Snapshots' buffers are
 * transferred, not copied; each call's callback (progress, snapshots, export chunks) is released
 * when the call settles.
 */
import { expose, releaseProxy, transfer, type Remote } from 'comlink';
import { snapshotTransferables } from './snapshot-builder.ts';
import type {
  ExportFormat,
  GenerateProgress,
  Snapshot,
  TrainerService,
  TrainOptions,
} from './trainer-api.ts';
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
  supportVectors: (w: Float64Array, b: number) =>
    service.supportVectors(w, b).then((sv) => transfer(sv, [sv.buffer])),
  exportDataset: (format: ExportFormat, onChunk: (text: string) => unknown) =>
    releasing(onChunk, service.exportDataset(format, onChunk)),
};

expose(exposed);
