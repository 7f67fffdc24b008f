/**
 * A run exported exactly as the page exports it: the worker's service generates and trains (the
 * same module the browser's worker runs), buildRecord turns the final snapshot into the Compare
 * record, reproduceScript writes the script, and the service streams the CSV and LIBSVM exports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reproduceScript, type ScriptKind } from '../../../src/app/reproduce-scripts.ts';
import { buildRecord } from '../../../src/compare/record-builder.ts';
import type { RunRecord } from '../../../src/compare/run-record.ts';
import { DEFAULT_RECIPE, type Hyperparameters, type Recipe } from '../../../src/core/recipe.ts';
import type { ScriptData } from '../../../src/core/scripts/script-run.ts';
import { DEFAULT_IMPORT_CHOICES } from '../../../workers/import-api.ts';
import { createTrainerService } from '../../../workers/trainer-service.ts';

export interface AppRun {
  record: RunRecord;
  /** The dataset as the page's CSV and LIBSVM exports write it. */
  csv: string;
  libsvm: string;
}

/** Trains `hp` on `recipe` in the app's worker service and exports the run and its data. */
export async function appRun(recipe: Recipe, hp: Hyperparameters, label: string): Promise<AppRun> {
  const service = createTrainerService();
  try {
    await service.generate({ ...recipe });
    const snapshot = await service.train({ ...hp }, () => {});
    if (snapshot.status !== 'done') throw new Error(`the run ended ${snapshot.status}`);
    const curves = { epochs: [0], meanLoss: [1], objective: [1], svCount: [1] };
    const built = buildRecord({
      ...{ id: '0123456789abcdef0123456789abcdef', label, createdAt: 1, updatedAt: 1 },
      ...{ recipe, hp, status: 'done', snapshot, curves },
    });
    if (!built.ok) throw new Error(built.error);
    const text = async (format: 'csv' | 'libsvm') => {
      const chunks: string[] = [];
      await service.exportDataset(format, (t) => void chunks.push(t));
      return chunks.join('');
    };
    return { record: built.record, csv: await text('csv'), libsvm: await text('libsvm') };
  } finally {
    await service.dispose();
  }
}

/**
 * Imports `file` into the app's worker service as the page does (format, header and label column
 * guessed), trains `hp` from its initial weights (zero) and returns the record with the file's
 * source, and the CSV export of the data as parsed.
 */
export async function appImportRun(
  file: File,
  hp: Hyperparameters,
  label: string,
): Promise<AppRun> {
  const service = createTrainerService();
  try {
    const summary = await service.importData(file, { ...DEFAULT_IMPORT_CHOICES });
    const source = summary.source!;
    const snapshot = await service.train({ ...hp }, () => {});
    if (snapshot.status !== 'done') throw new Error(`the run ended ${snapshot.status}`);
    const curves = { epochs: [0], meanLoss: [1], objective: [1], svCount: [1] };
    const data = { name: source.name, rows: source.rows, d: source.d, hash: source.hash };
    const built = buildRecord({
      ...{ id: '0123456789abcdef0123456789abcdef', label, createdAt: 1, updatedAt: 1 },
      ...{ recipe: { ...DEFAULT_RECIPE }, data, hp, status: 'done', snapshot, curves },
    });
    if (!built.ok) throw new Error(built.error);
    const chunks: string[] = [];
    await service.exportDataset('csv', (t) => void chunks.push(t));
    return { record: built.record, csv: chunks.join(''), libsvm: '' };
  } finally {
    await service.dispose();
  }
}

/** Writes the run's script of `kind` into dir; returns its path. */
export function writeScript(
  dir: string,
  record: RunRecord,
  kind: ScriptKind,
  data?: ScriptData,
): string {
  const { name, text } = reproduceScript(record, kind, data);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** What the scikit-learn script prints with --json. */
export interface ScriptJson {
  n: number;
  d: number;
  lambda: number;
  source: string;
  hinge_lab: {
    w: number[];
    b: number;
    objective: number;
    exported_objective: number;
    equal: boolean;
  };
  fits: {
    name: string;
    w: number[];
    b: number;
    objective: number;
    n_iter: number;
    converged?: boolean;
    intercept_scaling?: number;
    bias_penalty?: number;
    liblinear_objective?: number;
  }[];
  skipped: string[];
}
