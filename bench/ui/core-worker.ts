/**
 * The core alone in a Worker, in bursts: on 'init' it generates the recipe's dataset (after
 * warming the kernels up on a small one) into a row memory, as the app's worker does (so the wasm
 * kernel scans it), and a Trainer from the same initial weights the app
 * starts from, with capture = false; on 'burst' it runs whole epochs for at least `ms` and answers
 * with the rows (points × epochs) and the milliseconds they took. The bench alternates these
 * bursts with stretches of the app's training, so both see this machine's speed alike (it flips
 * by some 30% from one second to the next).
 */
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset } from '../../src/core/dataset.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import type { Recipe } from '../../src/core/recipe.ts';
import { Trainer } from '../../src/core/trainer.ts';
import { placeRows } from '../../src/core/wasm/place-rows.ts';

export interface CoreSettings extends Recipe {
  lr: number;
  reg: number;
}

export type CoreRequest = { kind: 'init'; settings: CoreSettings } | { kind: 'burst'; ms: number };

export type CoreReply =
  | { kind: 'ready'; n: number; generationMs: number }
  | { kind: 'burst'; rows: number; ms: number }
  | { kind: 'error'; error: string };

/**
 * V8 can leave a hot loop partly unoptimised when it first meets it on a huge array (see
 * PERF-NOTES.md): run the kernels on a small dataset first, as the worker effectively does by
 * scanning in chunks.
 */
function warmUp({ lr, reg, ...recipe }: CoreSettings): void {
  const rng = new PyRandom(recipe.seed);
  const plain = generateDataset({ ...recipe, nPerClass: 10_000 }, rng);
  const data = placeRows(plain, false) ?? plain;
  const trainer = new Trainer(data, initialModel(data.d, rng), { lr, reg });
  trainer.capture = false;
  trainer.step(300);
}

let trainer: Trainer | null = null;

function handle(request: CoreRequest): CoreReply {
  if (request.kind === 'init') {
    const { lr, reg, ...recipe } = request.settings;
    warmUp(request.settings);
    const t0 = performance.now();
    const rng = new PyRandom(recipe.seed);
    const plain = generateDataset(recipe, rng);
    const data = placeRows(plain, false) ?? plain;
    const generationMs = performance.now() - t0;
    trainer = new Trainer(data, initialModel(data.d, rng), { lr, reg });
    trainer.capture = false;
    trainer.step(2);
    return { kind: 'ready', n: data.n, generationMs };
  }
  if (!trainer) return { kind: 'error', error: 'burst before init' };
  const t0 = performance.now();
  let epochs = 0;
  while (performance.now() - t0 < request.ms) {
    trainer.step(1);
    epochs++;
  }
  return { kind: 'burst', rows: epochs * trainer.n, ms: performance.now() - t0 };
}

self.onmessage = (event: MessageEvent<CoreRequest>) => {
  try {
    postMessage(handle(event.data));
  } catch (e) {
    postMessage({ kind: 'error', error: e instanceof Error ? e.message : String(e) });
  }
};
