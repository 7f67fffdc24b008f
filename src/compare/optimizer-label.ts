/** An optimizer's name as the form writes it, for the race, the legend and default labels. */
import { entryNamed } from '../settings/define.ts';
import { SETTINGS } from '../settings/schema.ts';

/** 'Pegasos (SGD)' for 'pegasos'; the name itself when the form has no label for it. */
export function optimizerLabel(optimizer: string): string {
  return entryNamed(SETTINGS, 'optimizer')?.optionLabels?.[optimizer] ?? optimizer;
}
