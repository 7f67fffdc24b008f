/**
 * The one worker entry: the trainer service exposed with comlink on an endpoint, as the browser
 * worker (trainer.worker.ts, on its global scope) and the Node tests (a worker thread, through
 * comlink's node adapter) both run it. Snapshots' buffers are transferred, not copied; each
 * call's callback (progress, snapshots, export chunks) is released when the call settles.
 */
import { expose, releaseProxy, transfer, type Endpoint, type Remote } from 'comlink';
import { announceClose, answerPings } from './liveness.ts';
import { snapshotTransferables } from './snapshot-builder.ts';
import type { TrainerService } from './trainer-api.ts';
import { createTrainerService, type ServiceOptions } from './trainer-service.ts';

/** Releases a comlink callback proxy once the call that received it has settled. */
function releasing<T>(callback: unknown, call: Promise<T>): Promise<T> {
  return call.finally(() => (callback as Remote<unknown> | undefined)?.[releaseProxy]?.());
}

/**
 * Creates the service and exposes it on `endpoint` (the worker's global scope when omitted), with
 * the page's liveness check answered there (liveness.ts); `scope.close()` (the worker's own when
 * omitted) then tells the page before closing. Must run synchronously at the top of the worker,
 * before any message arrives.
 */
export function exposeTrainerService(
  endpoint: Endpoint = globalThis as unknown as Endpoint,
  options: Omit<ServiceOptions, 'transfer'> = {},
  scope: { close(): void } | undefined = globalThis as unknown as { close(): void },
): TrainerService {
  const service = createTrainerService({
    ...options,
    transfer: (s) => transfer(s, snapshotTransferables(s)),
  });
  const exposed: TrainerService = {
    ...service,
    generate: (recipe, onProgress) => releasing(onProgress, service.generate(recipe, onProgress)),
    importData: (file, choices, onProgress) =>
      releasing(onProgress, service.importData(file, choices, onProgress)),
    train: (options, onSnapshot) => releasing(onSnapshot, service.train(options, onSnapshot)),
    supportVectors: (w, b) =>
      service.supportVectors(w, b).then((sv) => transfer(sv, [sv.buffer as ArrayBuffer])),
    exportDataset: (format, onChunk) => releasing(onChunk, service.exportDataset(format, onChunk)),
  };
  answerPings(endpoint);
  if (typeof scope?.close === 'function') announceClose(scope, endpoint);
  expose(exposed, endpoint);
  return service;
}
