/**
 * The core alone in a Worker: generates the recipe's dataset, then times Trainer.step with
 * capture = false from the same initial weights the app starts from, after warming the kernels
 * up on a small dataset. Batches of epochs last at least BATCH_MS; the median is the figure.
 */
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import type { Recipe } from '../../src/core/recipe.ts';
import { Trainer } from '../../src/core/trainer.ts';

export interface CoreRequest extends Recipe {
  lr: number;
  reg: number;
}

export type CoreResult =
  | { n: number; nsPerPointEpoch: number; batches: number[]; generationMs: number }
  | { error: string };

const BATCH_MS = 300;
const BATCHES = 7;

/**
 * V8 can leave a hot loop partly unoptimised when it first meets it on a huge array (see
 * PERF-NOTES.md): run the kernels on a small dataset first, as the worker effectively does by
 * scanning in chunks.
 */
function warmUp(request: CoreRequest): void {
  const { lr, reg, ...recipe } = request;
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset({ ...recipe, nPerClass: 10_000 }, rng);
  const trainer = new Trainer(data, initialModel(data.d, rng), { lr, reg });
  trainer.capture = false;
  trainer.step(300);
}

self.onmessage = (event: MessageEvent<CoreRequest>) => {
  const { lr, reg, ...recipe } = event.data;
  warmUp(event.data);
  const t0 = performance.now();
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset(recipe, rng);
  const generationMs = performance.now() - t0;
  const trainer = new Trainer(data, initialModel(data.d, rng), { lr, reg });
  trainer.capture = false;
  // Warm-up, and the epochs per batch that make it last about BATCH_MS.
  let k = 1;
  for (;;) {
    const s = performance.now();
    trainer.step(k);
    const ms = performance.now() - s;
    if (ms >= BATCH_MS / 2) {
      k = Math.max(1, Math.round((k * BATCH_MS) / ms));
      break;
    }
    k *= 2;
  }
  const batches: number[] = [];
  for (let i = 0; i < BATCHES; i++) {
    const s = performance.now();
    trainer.step(k);
    batches.push(((performance.now() - s) * 1e6) / (k * data.n));
  }
  const sorted = [...batches].sort((a, b) => a - b);
  const result: CoreResult = {
    n: data.n,
    nsPerPointEpoch: sorted[sorted.length >> 1]!,
    batches,
    generationMs,
  };
  postMessage(result);
};
