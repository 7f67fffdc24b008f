/**
 * A race: the same experiment (dataset, λ, lr, epochs) under each optimizer, one tab each. The
 * page lists one link per optimizer; each opens a new tab at that settings' URL hash plus
 * `race=1`, so a user opens the race with one click a tab (links the user clicks are never
 * blocked as pop-ups, where a script opening several windows at once would be), each tab trains
 * at once, to the end at full speed, and Compare lists the runs side by side with their
 * optimizer. `race` is not a setting: the page takes it off the hash before reading the settings
 * (readRaceHash), so the form, a reload and a duplicated tab never see it; links without it are
 * read as before.
 */
import { OPTIMIZER_NAMES, type OptimizerName } from '../core/optimizers/optimizer-limits.ts';
import type { Settings } from '../settings/schema.ts';
import { serialiseHash } from '../url-state.ts';
import { optimizerLabel } from './optimizer-label.ts';

export { optimizerLabel };

/** The hash entry that makes a tab train at once. */
export const RACE_ENTRY = 'race=1';

export interface RaceLink {
  optimizer: OptimizerName;
  /** The optimizer's name as the form writes it. */
  label: string;
  /** `base` followed by the settings' hash with this optimizer, and RACE_ENTRY. */
  href: string;
}

/** One link per optimizer for `settings`; `base` is the page's URL without its hash. */
export function raceLinks(settings: Settings, base: string): RaceLink[] {
  return OPTIMIZER_NAMES.map((optimizer) => ({
    optimizer,
    label: optimizerLabel(optimizer),
    href: `${base}${serialiseHash({ ...settings, hp: { ...settings.hp, optimizer } })}&${RACE_ENTRY}`,
  }));
}

/**
 * A location hash split into whether it opens a race tab (it holds `race=1`) and the hash of
 * the settings without any `race` entry, to be read as settings ('#…', or '' for none).
 */
export function readRaceHash(hash: string): { race: boolean; settings: string } {
  const entries = hash.replace(/^#/u, '').split('&');
  const rest = entries.filter((e) => e !== 'race' && !e.startsWith('race='));
  if (rest.length === entries.length) return { race: false, settings: hash };
  const settings = rest.filter((e) => e !== '').join('&');
  return { race: entries.includes(RACE_ENTRY), settings: settings ? `#${settings}` : '' };
}

/** A race tab's title, naming its optimizer first (the browser's tab strip tells them apart). */
export function raceTitle(optimizer: string): string {
  return `${optimizerLabel(optimizer)} · race · hinge-lab`;
}
