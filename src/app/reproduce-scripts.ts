/**
 * "Reproduce in Python": a run's record (what Compare and run files hold) as the scikit-learn or
 * PySpark script and its file name. Pure: the button component downloads what this returns.
 */
import { slug } from '../compare/file-names.ts';
import type { RunRecord } from '../compare/run-record.ts';
import type { ExportFormat } from '../core/export-formats.ts';
import type { ScriptData, ScriptRun } from '../core/scripts/script-run.ts';
import { sklearnScript } from '../core/scripts/sklearn-script.ts';
import { sparkScript } from '../core/scripts/spark-script.ts';

export type ScriptKind = 'sklearn' | 'spark';

export const SCRIPT_KINDS: readonly ScriptKind[] = ['sklearn', 'spark'];

/** 'hinge-lab-sklearn-lr-0.05-0.01-seed-7.py' / 'hinge-lab-spark-….py'. */
export function scriptFileName(label: string, kind: ScriptKind): string {
  return `hinge-lab-${kind}-${slug(label)}.py`;
}

/**
 * The name the page gives an imported dataset's export, and so the file an imported run's script
 * reads beside itself: 'hinge-lab-data-iris-3f2a9c1e.csv' (the imported file's name and the first
 * 8 digits of its content hash). The export writes hinge-lab's own format (header x0,…,label;
 * labels ±1) whatever the imported file's layout was, so the script reads it as is.
 */
export function importedDataFileName(
  data: { readonly name: string; readonly hash: string },
  format: ExportFormat = 'csv',
): string {
  const base = data.name.replace(/\.[^.]*$/, '');
  return `hinge-lab-data-${slug(base)}-${data.hash.slice(0, 8)}.${format}`;
}

/**
 * The script's view of a record. `data` names the file the rows come from, by default: for an
 * imported dataset its CSV export (importedDataFileName), else the record's recipe, which the
 * script draws again.
 */
export function scriptRunOf(record: RunRecord, data?: ScriptData): ScriptRun {
  const imported = record.data;
  const source: ScriptData = imported
    ? {
        kind: 'file',
        fileName: importedDataFileName(imported),
        format: 'csv',
        n: imported.rows,
        d: imported.d,
      }
    : { kind: 'generator', recipe: record.recipe };
  return {
    label: record.label,
    data: data ?? source,
    hp: record.hp,
    epoch: record.epoch,
    w: record.w,
    b: record.b,
    objective: record.metrics.objective,
  };
}

/** The script of `kind` for the record, and its file name. */
export function reproduceScript(
  record: RunRecord,
  kind: ScriptKind,
  data?: ScriptData,
): { name: string; text: string } {
  const run = scriptRunOf(record, data);
  const text = kind === 'sklearn' ? sklearnScript(run) : sparkScript(run);
  return { name: scriptFileName(record.label, kind), text };
}

export type ScriptDownload =
  { ok: true; name: string; text: string; notice: string } | { ok: false; notice: string };

/**
 * What the "Reproduce in Python" buttons save for this tab's record (null: no run yet): the script
 * and its name with a notice saying how to run it, or a notice saying why there is none.
 */
export function scriptDownload(record: RunRecord | null, kind: ScriptKind): ScriptDownload {
  if (!record) return { ok: false, notice: 'Train or step first: the script needs the weights.' };
  try {
    const { name, text } = reproduceScript(record, kind);
    const how =
      kind === 'sklearn'
        ? `python3 ${name} prints the objective of these weights and scikit-learn's fits`
        : `spark-submit ${name} fits Spark's LinearSVC (not run by hinge-lab's tests)`;
    const data = record.data
      ? ` It reads this data's CSV export (Dataset: CSV, ${importedDataFileName(record.data)}) from its folder.`
      : '';
    return { ok: true, name, text, notice: `Saved ${name}: ${how}.${data}` };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, notice: `Could not write the script: ${why}.` };
  }
}
