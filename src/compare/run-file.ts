/**
 * A run as a file the user can export and import: versioned JSON,
 * `{"format":"hinge-lab/run","version":3, …the record's fields}`. Version 2 added the optimizer
 * and its settings to hp; a version 1 file (no optimizer: full-batch GD) still reads, its hp
 * taking the optimizer defaults. Version 3 added `data`, the imported file a run trained on (its
 * name, rows, d and content hash; absent for the generator's data, so a version 1 or 2 file
 * reads as before). JSON keeps every double exactly
 * (JSON.stringify writes the shortest round-trip text), so an imported run has the same numbers.
 */
import { checkRunRecord, inconsistency, shown } from './run-record-check.ts';
import type { RunRecord } from './run-record.ts';

export const RUN_FILE_FORMAT = 'hinge-lab/run';
export const RUN_FILE_VERSION = 3;
/** Versions this hinge-lab reads: 1 (before the optimizer choice), 2 (before imports), 3. */
export const READ_RUN_FILE_VERSIONS: readonly unknown[] = [1, 2, RUN_FILE_VERSION];
/** Largest run file read or written: 50 MB (this format is ASCII unless a label is not). */
export const MAX_RUN_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Why a file of `bytes` is too large to import, or null. The UI should call it with File.size
 * before reading the file, so a huge file is refused without being loaded.
 */
export function runFileSizeError(bytes: number): string | null {
  if (bytes <= MAX_RUN_FILE_BYTES) return null;
  // Rounded up, so a file just over the limit does not read as the limit itself.
  const mb = (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);
  return `the file is ${mb} MB; a run file is at most ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB`;
}

/**
 * The run as a run file: the format tag and version, then the record's fields in a fixed order;
 * svIndices only when asked for and present. Throws a RangeError for a record that is not valid
 * (checkRunRecord) or a file over MAX_RUN_FILE_BYTES: it never writes what parseRunJson refuses.
 */
export function toRunJson(record: RunRecord, options: { includeSupportVectors: boolean }): string {
  const check = checkRunRecord(record);
  if (!check.ok) throw new RangeError(`cannot export the run: ${check.error}`);
  const { svIndices, ...rest } = check.record;
  const file = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    ...rest,
    ...(options.includeSupportVectors && svIndices ? { svIndices } : {}),
  };
  const text = JSON.stringify(file);
  const tooLarge = runFileSizeError(text.length);
  if (tooLarge) throw new RangeError(`cannot export the run: ${tooLarge}`);
  return text;
}

export type RunParse = { ok: true; record: RunRecord } | { ok: false; error: string };

/**
 * Reads a run file's text. Never throws: either the validated record (a fresh object of only
 * the known fields, label trimmed) or one sentence naming what is wrong — too large, not JSON,
 * not a run file (its "format"), an unsupported version, the first invalid field by its path
 * ("hp.lr must be a finite number > 0, got -1"), or numbers that disagree (inconsistency).
 */
export function parseRunJson(text: string): RunParse {
  const fail = (error: string): RunParse => ({ ok: false, error });
  const tooLarge = runFileSizeError(text.length);
  if (tooLarge) return fail(tooLarge);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`not a hinge-lab run file (a JSON object is expected, got ${shown(value)})`);
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format === undefined) return fail('not a hinge-lab run file (it has no "format")');
  if (format !== RUN_FILE_FORMAT) {
    const got = typeof format === 'string' ? `'${shown(format).slice(1, -1)}'` : shown(format);
    return fail(`not a hinge-lab run file (format is ${got})`);
  }
  if (!READ_RUN_FILE_VERSIONS.includes(version)) {
    const got = version === undefined ? 'it has no "version"' : `version ${shown(version)}`;
    return fail(
      `unsupported hinge-lab run file (${got}; this hinge-lab reads versions 1 to ${RUN_FILE_VERSION})`,
    );
  }
  const check = checkRunRecord(value);
  if (!check.ok) return check;
  const why = inconsistency(check.record);
  return why ? fail(why) : check;
}
