/**
 * The bench's core-alone page: reads the recipe from the hash (the app's names), runs
 * core-worker.ts in a Worker (as the app trains, off the page's thread) and publishes its timing
 * as window.coreResult for bench/ui-bench.ts to read.
 */
import type { CoreRequest, CoreResult } from './core-worker.ts';

const params = new URLSearchParams(location.hash.slice(1));
const num = (key: string, fallback: number) => Number(params.get(key) ?? fallback);
const request: CoreRequest = {
  seed: num('seed', 7),
  nPerClass: num('nPerClass', 30),
  trueW: (params.get('trueW') ?? '1,-0.6').split(',').map(Number),
  trueB: num('trueB', 0.4),
  noise: num('noise', 0.5),
  lr: num('lr', 0.05),
  reg: num('reg', 0.01),
};

const worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event: MessageEvent<CoreResult>) => {
  (window as unknown as { coreResult: CoreResult }).coreResult = event.data;
  document.getElementById('out')!.textContent = JSON.stringify(event.data);
  worker.terminate();
};
worker.onerror = (event) => {
  (window as unknown as { coreResult: CoreResult }).coreResult = { error: event.message };
};
worker.postMessage(request);
