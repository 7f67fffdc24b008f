/**
 * A race: the same experiment (dataset, λ, lr, epochs) under each optimizer, one tab each. The
 * page lists one link per optimizer; each opens a new tab at that settings' URL hash, so a
 * user opens the race with one click a tab (links the user clicks are never blocked as
 * pop-ups, where a script opening several windows at once would be), presses Train in each,
 * and Compare lists the runs side by side with their optimizer.
 */
import { OPTIMIZER_NAMES, type OptimizerName } from '../core/optimizers/optimizer-limits.ts';
import { entryNamed } from '../settings/define.ts';
import { SETTINGS, type Settings } from '../settings/schema.ts';
import { serialiseHash } from '../url-state.ts';

export interface RaceLink {
  optimizer: OptimizerName;
  /** The optimizer's name as the form writes it. */
  label: string;
  /** `base` followed by the settings' hash with this optimizer. */
  href: string;
}

/** One link per optimizer for `settings`; `base` is the page's URL without its hash. */
export function raceLinks(settings: Settings, base: string): RaceLink[] {
  const labels = entryNamed(SETTINGS, 'optimizer')?.optionLabels ?? {};
  return OPTIMIZER_NAMES.map((optimizer) => ({
    optimizer,
    label: labels[optimizer] ?? optimizer,
    href: base + serialiseHash({ ...settings, hp: { ...settings.hp, optimizer } }),
  }));
}
