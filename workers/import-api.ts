/**
 * What crosses the comlink boundary for importing a dataset: the page's choices and the source
 * the worker reports back. Types only; workers/import-job.ts reads the file, the parser is the
 * core's (src/core/import/).
 */

/** The file formats a dataset is read from. */
export type DataFormat = 'csv' | 'libsvm';

/** How to read a file, as the page's import panel chooses. */
export interface ImportChoices {
  /** 'auto': guessed from the name and first line (src/core/import guessFormat). */
  format: 'auto' | DataFormat;
  /** CSV: whether line 1 names the columns ('auto': when it has a field that is not a number). */
  header: 'auto' | 'yes' | 'no';
  /** CSV: the label column, 1-based; 0 for the last column. */
  labelColumn: number;
}

export const DEFAULT_IMPORT_CHOICES: Readonly<ImportChoices> = Object.freeze({
  format: 'auto',
  header: 'auto',
  labelColumn: 0,
});

/** One label as the file wrote it, and the class it was read as. */
export interface LabelMapping {
  text: string;
  y: 1 | -1;
}

/**
 * Where an imported dataset came from: what the settings side bar, the URL, Compare and run
 * files say of it. Absent from a summary of the generator's data.
 */
export interface DataSource {
  /** The file's name as the browser gave it (user text: shown escaped, never parsed). */
  name: string;
  format: DataFormat;
  /** Rows read (= n) and features (= d). */
  rows: number;
  d: number;
  /** The parsed data's content hash (src/core/import: equal hashes, the same x and y). */
  hash: string;
  /** The file's size in bytes. */
  bytes: number;
  /** The labels met, each with its class. */
  labels: LabelMapping[];
  /** The CSV header's feature names (label column left out), or null. */
  featureNames: string[] | null;
  /** The choices it was read with (the label column as found: 1-based, never 0). */
  choices: ImportChoices;
}

/** How far an import has got: bytes read of the file's size. */
export interface ImportProgress {
  accepted: number;
  n: number;
}
