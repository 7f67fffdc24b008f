/**
 * Pinned runs: finished runs kept in IndexedDB (through idb-keyval) so they outlive their tab.
 * One record per run id in the database 'hinge-lab', object store 'saved-runs'. idb-keyval's
 * createStore makes the store only when it creates the database, so that database must hold no
 * other store: anything else gets its own database name.
 *
 * Every record is checked on the way in (checkRunRecord) and on the way out, so an entry written
 * by another version that no longer reads is left out of list() instead of breaking the panel.
 */
import { clear, createStore, del, get, set, update, values, type UseStore } from 'idb-keyval';
import { checkLabel } from './run-label.ts';
import { checkRunRecord } from './run-record-check.ts';
import { FINISHED_STATUSES, type RunRecord } from './run-record.ts';

export const SAVED_RUNS_DB = 'hinge-lab';
export const SAVED_RUNS_STORE = 'saved-runs';

export class SavedRuns {
  private storeHandle: UseStore | null;

  /** `store` defaults to the 'hinge-lab'/'saved-runs' store, opened on first use. */
  constructor(store?: UseStore) {
    this.storeHandle = store ?? null;
  }

  private get store(): UseStore {
    this.storeHandle ??= createStore(SAVED_RUNS_DB, SAVED_RUNS_STORE);
    return this.storeHandle;
  }

  /** Every readable saved run, oldest first (by createdAt, then id). */
  async list(): Promise<RunRecord[]> {
    const runs: RunRecord[] = [];
    for (const value of await values<unknown>(this.store)) {
      const check = checkRunRecord(value);
      if (check.ok) runs.push(check.record);
    }
    return runs.sort(
      (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** The saved run with this id, or undefined (also for an unreadable entry). */
  async get(id: string): Promise<RunRecord | undefined> {
    const check = checkRunRecord(await get<unknown>(id, this.store));
    return check.ok ? check.record : undefined;
  }

  /** True when an entry with this id is stored, readable or not (an import must not replace it). */
  async has(id: string): Promise<boolean> {
    return (await get<unknown>(id, this.store)) !== undefined;
  }

  /**
   * Saves a finished run (status done, diverged or cancelled), replacing one with the same id.
   * Resolves with the record as stored (a checked copy, label trimmed); rejects with a
   * RangeError naming the problem for an invalid or unfinished run, without storing anything.
   */
  async pin(record: RunRecord): Promise<RunRecord> {
    const check = checkRunRecord(record);
    if (!check.ok) throw new RangeError(`cannot pin the run: ${check.error}`);
    if (!FINISHED_STATUSES.includes(check.record.status)) {
      throw new RangeError(
        `only a finished run can be pinned (status is '${check.record.status}'; it must be ` +
          `${FINISHED_STATUSES.join(', ')})`,
      );
    }
    await set(check.record.id, check.record, this.store);
    return check.record;
  }

  /**
   * Renames a saved run (label trimmed, 1 to 80 characters) and sets its updatedAt to `now`.
   * Resolves with the renamed record; rejects with a RangeError for a bad label and an Error
   * when no readable run has this id. Read and write happen in one transaction.
   */
  async rename(id: string, label: string, now = Date.now()): Promise<RunRecord> {
    const checked = checkLabel(label);
    if (!checked.ok) throw new RangeError(checked.error);
    let renamed: RunRecord | undefined;
    await update<unknown>(
      id,
      (old) => {
        if (old === undefined) throw new Error(`no saved run with id '${id}'`);
        const check = checkRunRecord(old);
        if (!check.ok) throw new Error(`the saved run '${id}' cannot be read: ${check.error}`);
        renamed = { ...check.record, label: checked.label, updatedAt: now };
        return renamed;
      },
      this.store,
    );
    return renamed!;
  }

  /** Deletes the saved run with this id (nothing happens when there is none). */
  async remove(id: string): Promise<void> {
    await del(id, this.store);
  }

  /** Deletes every saved run, unreadable entries too. */
  async clearAll(): Promise<void> {
    await clear(this.store);
  }
}
