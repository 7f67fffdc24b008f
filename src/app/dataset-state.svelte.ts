/**
 * The dataset on screen and the one being drawn: its summary (never the n points), the recipe it
 * came from, and the drawing's progress. The run controller decides when to draw; this class
 * holds the state and talks to the worker for it.
 */
import type { Recipe } from '../core/recipe.ts';
import type { DatasetSummary } from '../../workers/trainer-api.ts';
import type { TrainerClient } from '../trainer-client.ts';

export class DatasetState {
  summary: DatasetSummary | null = $state.raw(null);
  /** The recipe the data on screen was drawn from. */
  recipe: Recipe | null = $state.raw(null);
  generating = $state(false);
  /** Fraction of the new dataset drawn (not updated while the tab is hidden). */
  generated = $state(0);

  private fraction = 0;
  private hidden = false;
  /** Bumped by every start and cancel: progress and results of older drawings are ignored. */
  private ticket = 0;

  constructor(private readonly client: TrainerClient) {}

  /**
   * Draws the recipe's data in the worker. Resolves with the new summary, or null when a later
   * start or a cancel superseded this one; rejects when the worker refuses the recipe. The data on
   * screen changes only when `adopt` is called.
   */
  async draw(recipe: Recipe): Promise<DatasetSummary | null> {
    const ticket = ++this.ticket;
    this.generating = true;
    this.generated = this.fraction = 0;
    try {
      const summary = await this.client.generate(recipe, (p) => {
        if (ticket !== this.ticket) return;
        this.fraction = p.accepted / p.n;
        if (!this.hidden) this.generated = this.fraction;
      });
      return ticket === this.ticket ? summary : null;
    } catch (e) {
      if (ticket !== this.ticket) return null;
      throw e;
    } finally {
      if (ticket === this.ticket) this.generating = false;
    }
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
