/**
 * Builds the optimizer a run asks for by name: the one place the worker and the CLI turn an
 * OptimizerChoice into an Optimizer. `seed` keys the samplers of pegasos and sgd (the dataset's
 * seed, so a run is fixed by its settings).
 */
import type { LinearModel } from '../classifier.ts';
import type { Dataset } from '../dataset.ts';
import type { Optimizer, OptimizerSettings } from '../optimizer.ts';
import { Trainer } from '../trainer.ts';
import { Dcd } from './dcd.ts';
import { MinibatchSgd } from './minibatch-sgd.ts';
import { Momentum } from './momentum.ts';
import type { OptimizerChoice } from './optimizer-limits.ts';
import { Pegasos } from './pegasos.ts';

export function makeOptimizer(
  choice: OptimizerChoice,
  data: Dataset,
  model: LinearModel,
  settings: OptimizerSettings,
  seed: number,
): Optimizer {
  switch (choice.optimizer) {
    case 'gd':
      return new Trainer(data, model, settings);
    case 'pegasos':
      return new Pegasos(data, model, settings, { project: choice.project === 'on', seed });
    case 'sgd':
      return new MinibatchSgd(data, model, settings, {
        batchSize: choice.batchSize,
        schedule: choice.schedule,
        seed,
      });
    case 'momentum':
      return new Momentum(data, model, settings, { beta: choice.beta, kind: choice.momentum });
    case 'dcd':
      return new Dcd(data, model, settings);
  }
}

/**
 * Carries a run over from `prev` to `next` (a fresh optimizer of another kind on the same data):
 * next takes prev's weights, epoch and history entries [0, epoch), so the curves go on and a
 * later reset() still returns to next's own initial weights. Its own state starts anew (a
 * momentum at rest; the samplers at update epoch·n; dcd's dual at α = 0, its bias search at
 * prev's b). prev must be at a complete epoch.
 */
export function continueRun(prev: Optimizer, next: Optimizer): void {
  if (!prev.epochComplete) throw new Error('continueRun needs prev at a complete epoch');
  const { epoch, history: h } = prev;
  next.reset();
  // The same window of entries: those before h.base were sent on and released (metric-history.ts).
  const nh = next.history;
  nh.base = nh.length = h.base;
  for (let t = h.base; t < h.length; t++) {
    const o = h.offset(t);
    nh.push(h.meanLoss[o]!, h.objective[o]!, h.svCount[o]!, h.accuracy[o]!, h.ms[o]!);
  }
  nh.stamp(h.pendingMs); // the current epoch's time goes on too
  // Every optimizer here keeps its epoch in a public field; restore needs it at least `epoch`.
  (next as unknown as { epoch: number }).epoch = epoch;
  next.restore({ epoch, w: Float64Array.from(prev.w), b: prev.b });
}

/** True when `opt` is what `choice` would build (so a worker can keep it between runs). */
export function optimizerMatches(opt: Optimizer, choice: OptimizerChoice): boolean {
  switch (choice.optimizer) {
    case 'gd':
      return opt instanceof Trainer;
    case 'pegasos':
      return opt instanceof Pegasos && opt.project === (choice.project === 'on');
    case 'sgd':
      return (
        opt instanceof MinibatchSgd &&
        opt.batchSize === Math.min(choice.batchSize, opt.n) &&
        opt.schedule === choice.schedule
      );
    case 'momentum':
      return opt instanceof Momentum && opt.beta === choice.beta && opt.kind === choice.momentum;
    case 'dcd':
      return opt instanceof Dcd;
  }
}
