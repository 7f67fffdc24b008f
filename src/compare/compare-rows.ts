/**
 * The Compare panel's rows: this tab's run, the other tabs' runs and the saved ones (pinned or
 * imported), in that order. A saved copy that is the same state as a live run (same id, epoch
 * and status: just pinned, or imported from that very run) is folded into the live row, which is
 * then marked saved; a saved copy of another state (the tab reloaded, or trained on) keeps its
 * own row. Also: which rows share a dataset. (Which settings differ: compare-table.ts.)
 */
import { sameData } from './same-data.ts';
import type { RunRecord } from './run-record.ts';

export type RowSource = 'this-tab' | 'other-tab' | 'saved' | 'imported';

export interface CompareRow {
  /** Unique among the rows: 'tab:<tab id>' for a live run, 'saved:<run id>' otherwise. */
  key: string;
  record: RunRecord;
  source: RowSource;
  /** A saved copy of this very state exists (for a live row: it was pinned). */
  saved: boolean;
  /** For another tab's run: that tab was in the background when it last spoke. */
  hidden: boolean;
}

export interface LiveRun {
  tabId: string;
  record: RunRecord;
  hidden?: boolean;
}

function sameState(a: RunRecord, b: RunRecord): boolean {
  return a.id === b.id && a.epoch === b.epoch && a.status === b.status;
}

/**
 * The rows for this tab's run (null before it has one), the other tabs' runs, the saved runs
 * and the runs imported this session that could not be saved (unfinished); `importedIds` marks
 * saved runs that came from a file. Rows on the same data (sameData) stand together: groups in
 * the order of their first row, and that order within a group.
 */
export function compareRows(
  local: LiveRun | null,
  remotes: readonly LiveRun[],
  saved: readonly RunRecord[],
  unsaved: readonly RunRecord[],
  importedIds: readonly string[] = [],
): CompareRow[] {
  const live: CompareRow[] = [];
  if (local) {
    live.push({
      key: `tab:${local.tabId}`,
      record: local.record,
      source: 'this-tab',
      saved: false,
      hidden: false,
    });
  }
  for (const r of remotes) {
    live.push({
      key: `tab:${r.tabId}`,
      record: r.record,
      source: 'other-tab',
      saved: false,
      hidden: r.hidden ?? false,
    });
  }
  const stored: CompareRow[] = [];
  const fold = (record: RunRecord, source: RowSource, prefix: string) => {
    const twin = live.find((row) => sameState(row.record, record));
    if (twin) twin.saved = true;
    else stored.push({ key: `${prefix}:${record.id}`, record, source, saved: true, hidden: false });
  };
  for (const r of saved) fold(r, importedIds.includes(r.id) ? 'imported' : 'saved', 'saved');
  for (const r of unsaved) fold(r, 'imported', 'imported');
  // Runs on the same data side by side (groups in order of their first row).
  return recipeGroups([...live, ...stored]).flat();
}

/**
 * The rows grouped by dataset (the same imported file by its hash, or the same recipe drawn),
 * groups in order of their first row.
 */
export function recipeGroups<T extends { record: RunRecord }>(rows: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const row of rows) {
    const group = groups.find((g) => sameData(g[0]!.record, row.record));
    if (group) group.push(row);
    else groups.push([row]);
  }
  return groups;
}
