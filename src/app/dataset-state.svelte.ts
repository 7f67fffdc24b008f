/**
 * The dataset on screen and the one being drawn: its summary (never the n points), the recipe it
 * came from, and the drawing's progress. The run controller decides when to draw; this class
 * holds the state and talks to the worker for it.
 */
import type { Recipe } from '../core/recipe.ts';
import type { DatasetSummary } from '../../workers/trainer-api.ts';
import type { ImportChoices } from '../../workers/import-api.ts';
import type { TrainerClient } from '../trainer-client.ts';

/** A file to read instead of drawing the recipe, and who hears how it went (import-state). */
export interface ImportRequest {
  file: File;
  choices: ImportChoices;
  /** The worker refused the file (its message says where and why); the data on screen stays. */
  refused(error: unknown): void;
}

export class DatasetState {
  summary: DatasetSummary | null = $state.raw(null);
  /** The recipe the data on screen was drawn from. */
  recipe: Recipe | null = $state.raw(null);
  generating = $state(false);
  /** Fraction of the new dataset drawn (not updated while the tab is hidden). */
  generated = $state(0);
  /** Whether the drawing under way, or the last one, read a file instead of the recipe. */
  fromFile = $state(false);
  /** The status line's message when the worker refused a file (the import panel says why). */
  readonly refusal = 'The file was not imported: the data on screen stays.';

  private fraction = 0;
  private hidden = false;
  /** Bumped by every start and cancel: progress and results of older drawings are ignored. */
  private ticket = 0;
  /** The file the next draw() reads instead of drawing its recipe (set by queueImport). */
  private nextImport: ImportRequest | null = null;

  constructor(private readonly client: TrainerClient) {}

  /**
   * Draws the recipe's data in the worker. Resolves with the new summary, or null when a later
   * start or a cancel superseded this one; rejects when the worker refuses the recipe. The data on
   * screen changes only when `adopt` is called.
   */
  async draw(recipe: Recipe): Promise<DatasetSummary | null> {
    const ticket = ++this.ticket;
    const request = this.nextImport;
    this.nextImport = null;
    this.fromFile = request !== null;
    this.generating = true;
    this.generated = this.fraction = 0;
    const onProgress = (p: { accepted: number; n: number }) => {
      if (ticket !== this.ticket) return;
      this.fraction = p.n > 0 ? p.accepted / p.n : 0;
      if (!this.hidden) this.generated = this.fraction;
    };
    try {
      const summary = request
        ? await this.client.importData(request.file, request.choices, onProgress)
        : await this.client.generate(recipe, onProgress);
      return ticket === this.ticket ? summary : null;
    } catch (e) {
      if (ticket !== this.ticket) return null;
      request?.refused(e);
      throw e;
    } finally {
      if (ticket === this.ticket) this.generating = false;
    }
  }

  /** The next draw() reads this file instead of drawing its recipe. */
  queueImport(request: ImportRequest): void {
    this.nextImport = request;
  }

  /** The next draw() draws its recipe after all. */
  dropImport(): void {
    this.nextImport = null;
  }

  /** What the status line says while the next (or current) drawing runs. */
  drawingMessage(recipe: Recipe): string {
    if (this.nextImport) return `Reading ${this.nextImport.file.name}…`;
    return `Drawing ${(2 * recipe.nPerClass).toLocaleString('en-US')} points…`;
  }

  /** Stops a drawing in progress; the data on screen stays. */
  async cancel(): Promise<void> {
    this.ticket++;
    this.generating = false;
    await this.client.cancel();
  }

  /** The drawn data becomes the data on screen. */
  adopt(summary: DatasetSummary, recipe: Recipe): void {
    this.summary = summary;
    this.recipe = recipe;
  }

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    if (!hidden && this.generating) this.generated = this.fraction;
  }
}
