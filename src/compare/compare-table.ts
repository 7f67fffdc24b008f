/**
 * What the Compare table writes, apart from drawing it: the settings columns (every entry of the
 * schema, src/settings/schema.ts, with its heading and whether it differs between the rows),
 * each row's setting cells, and the tags under a run's name.
 */
import { fieldApplies } from '../core/optimizers/optimizer-limits.ts';
import { optimizerChoiceOf } from '../core/recipe.ts';
import { cellText, differingKeys } from '../settings/columns.ts';
import { valueOf } from '../settings/define.ts';
import { SETTINGS, type FieldName } from '../settings/schema.ts';
import type { CompareRow, RowSource } from './compare-rows.ts';
import type { RunRecord } from './run-record.ts';
import { dataTag } from './same-data.ts';

export interface SettingColumn {
  key: FieldName;
  heading: string;
  /** The setting is not the same in every row. */
  differs: boolean;
}

export interface SettingCell {
  key: FieldName;
  text: string;
  differs: boolean;
}

/** An optimizer's own setting that `record`'s optimizer does not read. */
function unused(record: RunRecord, key: string): boolean {
  return !fieldApplies(optimizerChoiceOf(record.hp).optimizer, key);
}

/**
 * One column per setting, in schema order, marked where the records disagree; an optimizer's
 * own setting only when some record's optimizer reads it (so GD runs show no batch size).
 */
export function settingColumns(records: readonly RunRecord[]): SettingColumn[] {
  const differs = differingKeys(SETTINGS, records);
  const shown = SETTINGS.entries.filter(
    (e) => records.length === 0 || records.some((r) => !unused(r, e.key)),
  );
  return shown.map((e) => ({
    key: e.key,
    heading: e.heading,
    differs: differs.has(e.key),
  }));
}

/**
 * A record's cells under `columns` (the same order). A run on an imported file has no generator
 * settings ('–'; its row's tags name the file).
 */
export function settingCells(record: RunRecord, columns: readonly SettingColumn[]): SettingCell[] {
  return columns.map((c) => {
    const entry = SETTINGS.entries.find((e) => e.key === c.key)!;
    if (unused(record, c.key) || (record.data && entry.group === 'recipe')) {
      return { key: c.key, text: '–', differs: false };
    }
    return { key: c.key, text: cellText(entry, valueOf(record, entry)), differs: c.differs };
  });
}

const SOURCES: Record<RowSource, string> = {
  'this-tab': 'this tab',
  'other-tab': 'other tab',
  saved: 'saved',
  imported: 'imported',
};

/** A saved or imported row: it has no tab, and can be exported or deleted from the table. */
export function isStored(row: CompareRow): boolean {
  return row.source === 'saved' || row.source === 'imported';
}

/**
 * 'this tab · saved', 'other tab · in the background', 'imported'; a run on an imported file
 * adds the file's tag (name, rows × d, hash), so runs on the same data read alike.
 */
export function rowTags(row: CompareRow): string {
  const tags = [SOURCES[row.source]];
  if (row.saved && !isStored(row)) tags.push('saved');
  if (row.hidden) tags.push('in the background');
  if (row.record.data) tags.push(dataTag(row.record.data));
  return tags.join(' · ');
}
