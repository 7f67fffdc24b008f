/**
 * The experiment form and the URL hash: one text per field, read and checked through the settings
 * schema, the last valid settings (what the page goes by while a field is being corrected), and
 * the view's own switches. It knows nothing of the worker.
 */
import {
  DEFAULT_SETTINGS,
  readFields,
  settingsTexts,
  type FieldName,
  type FieldTexts,
  type Settings,
} from '../fields.ts';
import { DEFAULT_SPEED } from '../ui/speeds.ts';
import { defaultThreads, readThreads } from './threads-setting.ts';
import { parseHash, serialiseHash, type IgnoredEntry } from '../url-state.ts';

export class FormState {
  /** The form's texts, one per field (URL names). */
  texts: FieldTexts = $state(settingsTexts(DEFAULT_SETTINGS));
  /** How fast a run goes (src/ui/speeds.ts): a view preference, not in the URL. */
  speed = $state(DEFAULT_SPEED);
  /** Threads sharing each pass (threads-setting.ts): this machine's, never changes results, not in the URL. */
  threadsText = $state(String(defaultThreads()));
  readonly threadsCheck = $derived(readThreads(this.threadsText));
  showTrueBoundary = $state(true);
  fitToData = $state(false);
  logScale = $state(false);
  /** Hash entries the last loaded URL carried that were not used. */
  urlIgnored: IgnoredEntry[] = $state.raw([]);

  /** The fields read and checked: the settings when all are valid, and a message per bad field. */
  readonly check = $derived(readFields(this.texts));
  readonly settings: Settings | null = $derived(this.check.settings);
  readonly errors: Partial<Record<FieldName, string>> = $derived(this.check.errors);
  /** The last valid settings. */
  readonly lastSettings: Settings = $derived.by(() => {
    if (this.settings) this.lastValid = this.settings;
    return this.lastValid;
  });
  /** The hash of the current settings, or null while a field is invalid. */
  readonly hash: string | null = $derived(this.settings ? serialiseHash(this.settings) : null);

  private lastValid: Settings = DEFAULT_SETTINGS;

  /** Fills the form from a URL hash, noting what it ignored. */
  readHash(hash: string): void {
    const { settings, ignored } = parseHash(hash);
    this.texts = settingsTexts(settings);
    this.urlIgnored = ignored;
  }

  dismissUrlNotice(): void {
    this.urlIgnored = [];
  }
}
