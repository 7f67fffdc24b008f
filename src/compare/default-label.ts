/**
 * The label a run gets until the user names it: the knobs one usually turns between tabs, e.g.
 * "lr 0.05 · λ 0.01 · seed 7". Numbers are written as String(v) (shortest round trip), so two
 * runs that differ show different labels.
 */
import type { Hyperparameters, Recipe } from './run-record.ts';

export function defaultLabel(recipe: Recipe, hp: Hyperparameters): string {
  return `lr ${String(hp.lr)} · λ ${String(hp.reg)} · seed ${String(recipe.seed)}`;
}
