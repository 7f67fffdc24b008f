/**
 * "Reproduce in Python": a run's record (what Compare and run files hold) as the scikit-learn or
 * PySpark script and its file name. Pure: the button component downloads what this returns.
 */
import { slug } from '../compare/file-names.ts';
import type { RunRecord } from '../compare/run-record.ts';
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
 * The script's view of a record. `data` names the file the rows come from when they are not the
 * generator's (an imported dataset, exported beside the script); by default the record's recipe,
 * which the script draws again.
 */
export function scriptRunOf(record: RunRecord, data?: ScriptData): ScriptRun {
  return {
    label: record.label,
    data: data ?? { kind: 'generator', recipe: record.recipe },
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
    return { ok: true, name, text, notice: `Saved ${name}: ${how}.` };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, notice: `Could not write the script: ${why}.` };
  }
}
