/**
 * The import panel's controller: the file chosen (picker or drop), the choices it is read with,
 * a preview of a CSV's first line (so the label column and header defaults show before
 * training), and the last refusal's message. Reading the file is a drawing like the generator's:
 * queued on the dataset (DatasetState.queueImport) and started by the run controller's
 * 'generate' press, so Cancel, a new Generate or Import, Train waiting for the data and a worker
 * restart all behave as for generated data. A refused file changes nothing on screen.
 */
import { guessFormat, previewCsv } from '../core/import/import-data.ts';
import type { CsvPreview } from '../core/import/types.ts';
import {
  DEFAULT_IMPORT_CHOICES,
  type DataSource,
  type ImportChoices,
} from '../../workers/import-api.ts';
import type { DatasetState } from './dataset-state.svelte.ts';
import type { LinkedSource } from './import-link.ts';

/** Bytes of a file read on the page for its preview: enough for any sane first line. */
const PREVIEW_BYTES = 65536;

export interface ImportDeps {
  dataset: DatasetState;
  /** Starts the drawing (the run controller's 'generate' press), which reads the queued file. */
  load: () => void;
}

export class ImportState {
  /** The file chosen last: 'Import again' reads it with new choices. */
  file: File | null = $state.raw(null);
  choices: ImportChoices = $state({ ...DEFAULT_IMPORT_CHOICES });
  /** The format the file looks like (for the choices shown), once chosen. */
  guessed: 'csv' | 'libsvm' | null = $state(null);
  /** A CSV's first line and whether it reads as a header, or null. */
  preview: CsvPreview | null = $state.raw(null);
  /** The worker's message for the last refused file (the parser's, exact), or ''. */
  error = $state('');
  /** The data a link named (data=…) that is not on screen: the page asks for that file. */
  linked: LinkedSource | null = $state.raw(null);

  constructor(private readonly deps: ImportDeps) {}

  /** A file was picked or dropped: preview it, then read it with the default choices. */
  async choose(file: File): Promise<void> {
    this.file = file;
    this.error = '';
    this.choices = { ...DEFAULT_IMPORT_CHOICES };
    const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
    if (this.file !== file) return; // another file was chosen meanwhile
    this.guessed = guessFormatSafely(file.name, head);
    this.preview = this.guessed === 'csv' ? previewSafely(head) : null;
    this.load();
  }

  /** Reads the chosen file (again) with the current choices. */
  load(): void {
    const file = this.file;
    if (!file) return;
    this.error = '';
    const choices = { ...this.choices };
    this.deps.dataset.queueImport({ file, choices, refused: (e) => this.refused(file, e) });
    this.deps.load();
  }

  /**
   * New data is on screen: an earlier refusal's message no longer applies, and a linked source
   * it matches is no longer needed.
   */
  adopted(source: DataSource | undefined): void {
    this.error = '';
    if (source && this.linked && source.hash === this.linked.hash) this.linked = null;
  }

  /** Label column choices for a CSV: 'last' (0) then each column, by its header name if any. */
  get columns(): { value: number; label: string }[] {
    const fields = this.preview?.firstLine ?? [];
    const header =
      this.choices.header === 'yes' || (this.choices.header === 'auto' && this.preview?.header);
    const named = fields.map((f, k) => ({
      value: k + 1,
      label: header && f !== '' ? `${k + 1}: ${f}` : `column ${k + 1}`,
    }));
    return [{ value: 0, label: 'the last column' }, ...named];
  }

  private refused(file: File, e: unknown): void {
    if (this.file !== file) return;
    this.error = e instanceof Error ? e.message : String(e);
  }
}

function guessFormatSafely(name: string, head: Uint8Array): 'csv' | 'libsvm' {
  try {
    return guessFormat(name, head);
  } catch {
    return 'csv';
  }
}

function previewSafely(head: Uint8Array): CsvPreview | null {
  try {
    return previewCsv(head);
  } catch {
    return null;
  }
}
