/**
 * The saved runs as the page shows them: those in IndexedDB (SavedRuns, kept in step across tabs
 * over a BroadcastChannel), unfinished runs imported this session, and imports from run files.
 * Every failure becomes a sentence for the user; nothing here throws at the page.
 */
import { parseRunJson, runFileSizeError } from './run-file.ts';
import { FINISHED_STATUSES, type RunRecord } from './run-record.ts';
import { SavedRuns } from './saved-runs.ts';

/** The channel on which tabs say that the saved runs changed. */
const SAVED_CHANNEL = 'hinge-lab-saved';

/** A message for the user: what an action did, or why it failed. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** An error's message without its final full stop (the sentences here add their own). */
export function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\.$/, '');
}

export class SavedRunsState {
  saved: readonly RunRecord[] = $state.raw([]);
  /** Unfinished runs imported this session (only finished ones can be saved). */
  unsaved: readonly RunRecord[] = $state.raw([]);
  /** Saved runs that came from a file, this session. */
  importedIds: readonly string[] = $state.raw([]);
  /** The last import's failure, shown in an alert. */
  importError = $state('');
  /** The saved-runs store could not be opened (private mode, blocked storage). */
  storageError = $state('');

  private channel: BroadcastChannel | null = null;

  constructor(
    private readonly store: SavedRuns = new SavedRuns(),
    private readonly notify: (n: Notice) => void = () => undefined,
  ) {}

  /** Listens to the other tabs and loads the list; returns the function that stops listening. */
  open(): () => void {
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(SAVED_CHANNEL);
      channel.onmessage = () => void this.reload();
      this.channel = channel;
    }
    void this.reload();
    return () => this.channel?.close();
  }

  /** Saves a finished run; rejects with the store's error. */
  async pin(record: RunRecord): Promise<void> {
    await this.store.pin(record);
    await this.changed();
  }

  async rename(id: string, label: string): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      await this.store.rename(id, label);
      await this.changed();
      return { ok: true };
    } catch (e) {
      return { ok: false, error: message(e) };
    }
  }

  /** Deletes a saved run (or forgets an unsaved imported one). */
  async remove(id: string): Promise<void> {
    this.unsaved = this.unsaved.filter((r) => r.id !== id);
    try {
      await this.store.remove(id);
      await this.changed();
    } catch (e) {
      this.notify({ kind: 'error', text: `Could not delete the run: ${message(e)}.` });
    }
  }

  async clear(): Promise<void> {
    this.unsaved = [];
    try {
      await this.store.clearAll();
      this.notify({ kind: 'info', text: 'Deleted every saved run.' });
      await this.changed();
    } catch (e) {
      this.notify({ kind: 'error', text: `Could not delete the saved runs: ${message(e)}.` });
    }
  }

  /**
   * Reads a run file: checked for size before it is read, then parsed and validated. A valid
   * finished run is saved (an unfinished one is kept for this session); an invalid file only
   * sets importError, naming what is wrong.
   */
  async importFile(file: File): Promise<void> {
    this.importError = '';
    const fail = (why: string) => (this.importError = `Could not import “${file.name}”: ${why}.`);
    const tooLarge = runFileSizeError(file.size);
    if (tooLarge) return void fail(tooLarge);
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      return void fail(`it could not be read (${message(e)})`);
    }
    const parsed = parseRunJson(text);
    if (!parsed.ok) return void fail(parsed.error);
    const record = parsed.record;
    const finished = FINISHED_STATUSES.includes(record.status);
    try {
      if (finished) {
        await this.store.pin(record);
        this.importedIds = [...this.importedIds.filter((id) => id !== record.id), record.id];
        await this.changed();
      } else {
        this.unsaved = [...this.unsaved.filter((r) => r.id !== record.id), record];
      }
      const kept = finished
        ? 'saved'
        : 'shown until this tab closes (unfinished runs are not saved)';
      this.notify({ kind: 'info', text: `Imported “${record.label}”, ${kept}.` });
    } catch (e) {
      fail(message(e));
    }
  }

  /** Reloads the saved runs and tells the other tabs to. */
  private async changed(): Promise<void> {
    await this.reload();
    this.channel?.postMessage('changed');
  }

  private async reload(): Promise<void> {
    try {
      this.saved = await this.store.list();
      this.storageError = '';
    } catch (e) {
      this.storageError = `Saved runs are not available here: ${message(e)}.`;
    }
  }
}
