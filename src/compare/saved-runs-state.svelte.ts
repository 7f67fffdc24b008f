/**
 * The saved runs as the page shows them: those in IndexedDB (SavedRuns, kept in step across tabs
 * over a BroadcastChannel), unfinished runs imported this session, and imports from run files.
 * Every failure becomes a sentence for the user, saying what still works; every storage call is
 * bounded in time (storage-call.ts); nothing here throws at the page but pin's plain-worded
 * StorageProblem. An import never replaces a run: a file whose id is already known here becomes
 * a new run (importedCopy).
 */
import { excerpt } from '../settings/excerpt.ts';
import { MAX_LABEL_LENGTH } from './run-label.ts';
import { parseRunJson, runFileSizeError } from './run-file.ts';
import { FINISHED_STATUSES, newRunId, type RunRecord } from './run-record.ts';
import { SavedRuns } from './saved-runs.ts';
import { StorageProblem, storageCall, type StorageTimer } from './storage-call.ts';

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

/** What the page can still do with a run when the saved runs cannot be written. */
const STILL_WORKS = 'Export run still saves it as a file';

const IMPORTED = ' (imported)';

/**
 * A run from a file whose id is already known here (this tab's run, another tab's, a saved one):
 * the same run under a fresh id, its label marked ' (imported)' (cut to fit MAX_LABEL_LENGTH).
 */
export function importedCopy(record: RunRecord, id: string): RunRecord {
  const room = MAX_LABEL_LENGTH - [...IMPORTED].length;
  const label = [...record.label].slice(0, room).join('').trimEnd() + IMPORTED;
  return { ...record, id, label };
}

export interface SavedRunsOptions {
  /** Ids this page knows besides the saved ones: this tab's run, the other tabs' runs. */
  knownIds?: () => Iterable<string>;
  /** A fresh run id (newRunId). */
  newId?: () => string;
  /** Bounds every storage call (the page's timers; a fake clock in tests). */
  timer?: StorageTimer;
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

  private readonly knownIds: () => Iterable<string>;
  private readonly newId: () => string;
  private readonly timer: StorageTimer;

  constructor(
    private readonly store: SavedRuns = new SavedRuns(),
    private readonly notify: (n: Notice) => void = () => undefined,
    options: SavedRunsOptions = {},
  ) {
    this.knownIds = options.knownIds ?? (() => []);
    this.newId = options.newId ?? newRunId;
    this.timer = options.timer ?? {
      setTimeout: (f, ms) => globalThis.setTimeout(f, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  }

  /** A storage call, bounded in time; failures are StorageProblems in plain words. */
  private call<T>(f: (store: SavedRuns) => Promise<T>): Promise<T> {
    return storageCall(() => f(this.store), this.timer);
  }

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

  /**
   * Saves a finished run; rejects with a StorageProblem in plain words, saying that Export run
   * still works (also when the store does not answer within STORAGE_TIMEOUT_MS).
   */
  async pin(record: RunRecord): Promise<void> {
    try {
      await this.call((store) => store.pin(record));
    } catch (e) {
      throw new StorageProblem(`${message(e)}. ${STILL_WORKS}`);
    }
    await this.changed();
  }

  async rename(id: string, label: string): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      await this.call((store) => store.rename(id, label));
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
      await this.call((store) => store.remove(id));
      await this.changed();
    } catch (e) {
      this.notify({ kind: 'error', text: `Could not delete the run: ${message(e)}.` });
    }
  }

  async clear(): Promise<void> {
    this.unsaved = [];
    try {
      await this.call((store) => store.clearAll());
      this.notify({ kind: 'info', text: 'Deleted every saved run.' });
      await this.changed();
    } catch (e) {
      this.notify({ kind: 'error', text: `Could not delete the saved runs: ${message(e)}.` });
    }
  }

  /**
   * Reads a run file: checked for size before it is read, then parsed and validated. A valid
   * finished run is saved (an unfinished one is kept for this session); a run whose id is known
   * here becomes a new run (importedCopy), never replacing one; an invalid file only sets
   * importError, naming what is wrong. When the run cannot be saved it is shown for this session
   * and importError says why.
   */
  async importFile(file: File): Promise<void> {
    this.importError = '';
    const name = excerpt(file.name, 60); // a file name is the user's, but may be anything
    const fail = (why: string) => (this.importError = `Could not import “${name}”: ${why}.`);
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
    // Said at once: the storage calls that follow may take up to STORAGE_TIMEOUT_MS each.
    this.notify({ kind: 'info', text: `Importing “${parsed.record.label}”…` });
    let record = parsed.record;
    const copy = (await this.isKnown(record.id)) ? ' as a new run (its id is already here)' : '';
    if (copy) record = importedCopy(record, this.newId());
    const finished = FINISHED_STATUSES.includes(record.status);
    if (!finished) {
      this.unsaved = [...this.unsaved, record];
      const kept = 'shown until this tab closes (unfinished runs are not saved)';
      return void this.notify({
        kind: 'info',
        text: `Imported “${record.label}”${copy}, ${kept}.`,
      });
    }
    try {
      await this.call((store) => store.pin(record));
    } catch (e) {
      this.unsaved = [...this.unsaved, record];
      this.importError =
        `Imported “${name}” but could not save it: ${message(e)}. ` +
        'It is shown until this tab closes; the file still holds it.';
      return;
    }
    this.importedIds = [...this.importedIds, record.id];
    this.notify({ kind: 'info', text: `Imported “${record.label}”${copy}, saved.` });
    await this.changed();
  }

  /** True when a run with this id is on the page or saved (asked of the store, bounded). */
  private async isKnown(id: string): Promise<boolean> {
    const here = [
      ...this.knownIds(),
      ...this.saved.map((r) => r.id),
      ...this.unsaved.map((r) => r.id),
    ];
    if (here.includes(id)) return true;
    try {
      return (await this.call((store) => store.has(id))) === true;
    } catch {
      return false; // the save that follows reports the storage problem
    }
  }

  /** Reloads the saved runs and tells the other tabs to. */
  private async changed(): Promise<void> {
    await this.reload();
    this.channel?.postMessage('changed');
  }

  private async reload(): Promise<void> {
    try {
      this.saved = await this.call((store) => store.list());
      this.storageError = '';
    } catch (e) {
      this.storageError =
        `Saved runs are not available here: ${message(e)}. ` +
        'Runs can still be compared, exported and imported for as long as this tab is open.';
    }
  }
}
