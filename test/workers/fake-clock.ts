/**
 * Test helpers for the service on a fake clock: every read of the clock advances it by `tick`
 * ms, so a slice of work is a fixed number of clock reads and the work done between two moments
 * is measured in fake milliseconds, never in real time.
 */
import { initialModel } from '../../src/core/classifier.ts';
import { generateDataset, type Dataset } from '../../src/core/dataset.ts';
import { sampleRows, SAMPLE_SIZE, supportFlags } from '../../src/core/display-sample.ts';
import { PyRandom } from '../../src/core/py-random.ts';
import type { Recipe } from '../../src/core/recipe.ts';
import { supportVectorIndices, supportVectorChurn } from '../../src/core/support-vectors.ts';
import { Trainer } from '../../src/core/trainer.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

export interface FakeClock {
  /** The current fake time, ms (reading it here does not advance it). */
  readonly t: number;
  now: () => number;
}

export function fakeClock(tick = 0.25): FakeClock {
  let t = 0;
  return {
    get t() {
      return t;
    },
    now: () => (t += tick),
  };
}

/** A service on a fake clock with `sliceMs` slices. */
export function serviceOnFakeClock(sliceMs = 2, tick = 0.25) {
  const clock = fakeClock(tick);
  return { clock, service: createTrainerService({ now: clock.now, sliceMs }) };
}

/** The recipe's dataset and a trainer from its initial weights, as the service draws them. */
export function coreFor(recipe: Recipe, lr: number, reg: number): { data: Dataset; t: Trainer } {
  const rng = new PyRandom(recipe.seed);
  const data = generateDataset(recipe, rng);
  return { data, t: new Trainer(data, initialModel(data.d, rng), { lr, reg }) };
}

/** The truth about a snapshot's weights: its support vectors and the sample's flags. */
export function truthOf(data: Dataset, recipe: Recipe, s: Snapshot) {
  const sv = supportVectorIndices(data.x, data.y, s.w, s.b);
  const sample = sampleRows(data.n, SAMPLE_SIZE, recipe.seed);
  const flags = supportFlags(data.x, data.y, s.w, s.b, sample, new Uint8Array(sample.length));
  return { sv: Array.from(sv), sampleSv: Array.from(flags) };
}

/** Churn between two snapshots that both listed their support vectors. */
export function churnBetween(a: Snapshot, b: Snapshot): { entered: number; left: number } {
  return supportVectorChurn(a.sv, b.sv);
}
