/**
 * Pegasos (Shalev-Shwartz, Singer, Srebro, Cotter 2011): SGD on the same objective
 *   P(w, b) = (1/n)·Σ max(0, 1 − y_i(w·x_i + b)) + reg/2·‖w‖²,
 * one sampled point per update. Update number k (t = k + 1, counted over the whole run) draws
 * row i = sampleIndex(key, k, n) and, with s = b + w·x_i (b first, then left to right, as the
 * passes sum) and a = [y_i·s < 1]:
 *   η = 1/(reg·t);  w ← (1 − η·reg)·w + η·a·y_i·x_i;  b ← b + η_b·a·y_i, η_b = lr/√t,
 * then, with `project`, w ← min(1, (1/√reg)/‖w‖)·w (the ball that holds the optimum's w).
 * The bias is not regularised, so it cannot use the 1/(reg·t) step (nothing shrinks it back):
 * it takes its own decaying step lr/√t, lr being the run's step-size setting. Needs reg > 0.
 */
import type { LinearModel } from '../classifier.ts';
import type { Dataset } from '../dataset.ts';
import type { OptimizerSettings } from '../optimizer.ts';
import { blockKey, rowIn } from './sample-index.ts';
import { SampledEpochs } from './sampled-epochs.ts';

export interface PegasosOptions {
  /** Project w onto the ball of radius 1/√reg after every update. */
  project: boolean;
  /** Seed of the row sampler. */
  seed: number;
}

export class Pegasos extends SampledEpochs {
  readonly project: boolean;

  constructor(data: Dataset, model: LinearModel, settings: OptimizerSettings, o: PegasosOptions) {
    super(data, model, settings, o.seed);
    this.project = o.project;
  }

  protected override checkSettings(settings: OptimizerSettings): void {
    if (!(settings.reg > 0)) {
      throw new RangeError(
        `reg must be > 0 for pegasos (its step is 1/(reg·t)), got ${settings.reg}`,
      );
    }
  }

  protected update(k0: number, count: number): void {
    const { x, y, w, d, n, reg, lr, key, project } = this;
    const radiusSq = 1 / reg;
    let b = this.b;
    const scale = n / 4294967296;
    let block = blockKey(key, k0);
    let lo = k0 % 4294967296;
    for (let k = k0; k < k0 + count; k++) {
      const t = k + 1;
      const i = rowIn(block, lo, scale);
      if (++lo === 4294967296) {
        lo = 0;
        block = blockKey(key, k + 1);
      }
      const off = i * d;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * x[off + j]!;
      const yi = y[i]!;
      const eta = 1 / (reg * t);
      const shrink = 1 - eta * reg;
      if (yi * s < 1) {
        const c = eta * yi;
        for (let j = 0; j < d; j++) w[j] = shrink * w[j]! + c * x[off + j]!;
        b += (lr / Math.sqrt(t)) * yi;
      } else {
        for (let j = 0; j < d; j++) w[j] = shrink * w[j]!;
      }
      if (project) {
        let normSq = 0;
        for (let j = 0; j < d; j++) normSq += w[j]! * w[j]!;
        if (normSq > radiusSq) {
          const scale = Math.sqrt(radiusSq) / Math.sqrt(normSq);
          for (let j = 0; j < d; j++) w[j] = scale * w[j]!;
        }
      }
    }
    this.b = b;
  }
}
