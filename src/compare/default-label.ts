/**
 * The label a run gets until the user names it: the knobs one usually turns between tabs, e.g.
 * "lr 0.05 · λ 0.01 · seed 7", after the optimizer's name unless it is the article's GD
 * ("Pegasos (SGD) · lr 0.05 · …", so a race's runs read apart). Numbers are written as
 * String(v) (shortest round trip), so two runs that differ show different labels. A run on an
 * imported file names the file (its first 30 characters) instead of the seed.
 */
import { excerpt } from '../settings/excerpt.ts';
import { optimizerLabel } from './optimizer-label.ts';
import type { Hyperparameters, Recipe } from './run-record.ts';

export function defaultLabel(recipe: Recipe, hp: Hyperparameters, fileName?: string): string {
  const data = fileName === undefined ? `seed ${String(recipe.seed)}` : excerpt(fileName, 30);
  const knobs = `lr ${String(hp.lr)} · λ ${String(hp.reg)} · ${data}`;
  const optimizer = hp.optimizer ?? 'gd';
  return optimizer === 'gd' ? knobs : `${optimizerLabel(optimizer)} · ${knobs}`;
}
