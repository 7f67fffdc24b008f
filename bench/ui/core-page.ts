/**
 * The bench's core-alone page: reads the recipe from the hash (the app's names), starts
 * core-worker.ts in a Worker (as the app trains, off the page's thread) and offers
 * window.coreBench to bench/ui-bench.ts: ready (the data generated) and burst(ms).
 */
import type { CoreReply, CoreRequest, CoreSettings } from './core-worker.ts';

const params = new URLSearchParams(location.hash.slice(1));
const num = (key: string, fallback: number) => Number(params.get(key) ?? fallback);
const settings: CoreSettings = {
  seed: num('seed', 7),
  nPerClass: num('nPerClass', 30),
  trueW: (params.get('trueW') ?? '1,-0.6').split(',').map(Number),
  trueB: num('trueB', 0.4),
  noise: num('noise', 0.5),
  lr: num('lr', 0.05),
  reg: num('reg', 0.01),
};

const worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' });
let answer: ((reply: CoreReply) => void) | null = null;
worker.onmessage = (event: MessageEvent<CoreReply>) => answer?.(event.data);
worker.onerror = (event) => answer?.({ kind: 'error', error: event.message });

/** One request at a time: the bench awaits each. */
function ask(request: CoreRequest): Promise<CoreReply> {
  return new Promise((resolve, reject) => {
    answer = (reply) => (reply.kind === 'error' ? reject(new Error(reply.error)) : resolve(reply));
    worker.postMessage(request);
  });
}

const ready = ask({ kind: 'init', settings });
void ready.then((r) => (document.getElementById('out')!.textContent = JSON.stringify(r)));

export interface CoreBench {
  ready: Promise<CoreReply>;
  burst(ms: number): Promise<CoreReply>;
}

(window as unknown as { coreBench: CoreBench }).coreBench = {
  ready,
  burst: (ms) => ask({ kind: 'burst', ms }),
};
