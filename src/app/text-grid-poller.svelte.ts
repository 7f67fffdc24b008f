/**
 * The article's text picture of the latest weights, asked of the worker at most every
 * GRID_INTERVAL_MS while training (a grid costs the worker O(grid cells), not a pass over the
 * data: see src/core/text-grid-index.ts), at once otherwise. One request at a time; a request
 * made while one is out is merged into a single follow-up.
 */
import { TEXT_GRID_SIZE } from '../core/text-grid.ts';

export const GRID_INTERVAL_MS = 250;

export interface GridSource {
  textGrid(gridSize: number): Promise<string>;
}

export interface GridTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

const browserTimers: GridTimers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
};

export class TextGridPoller {
  grid = $state('');

  private busy = false;
  private dirty = false;
  private lastAt = -Infinity;
  /** Bumped when the data changes: a grid of the old data is never shown after it. */
  private epoch = 0;

  constructor(
    private readonly source: GridSource,
    private readonly timers: GridTimers = browserTimers,
  ) {}

  /** The data changed: no grid (d != 2) or a new one soon. */
  clear(): void {
    this.epoch++;
    this.grid = '';
  }

  /**
   * Asks for the grid of the worker's latest weights: now, or GRID_INTERVAL_MS after the last
   * one while `training`. `hasGrid` false (no data, or d != 2) clears it.
   */
  refresh(hasGrid: boolean, training: boolean): void {
    if (!hasGrid) {
      this.grid = '';
      return;
    }
    if (this.busy) {
      this.dirty = true;
      return;
    }
    this.busy = true;
    this.dirty = false;
    const wait = training ? GRID_INTERVAL_MS - (this.timers.now() - this.lastAt) : 0;
    const epoch = this.epoch;
    this.timers.setTimeout(
      () => {
        this.source
          .textGrid(TEXT_GRID_SIZE)
          .then((g) => {
            if (epoch === this.epoch) this.grid = g;
          })
          .catch(() => undefined)
          .finally(() => {
            this.lastAt = this.timers.now();
            this.busy = false;
            if (this.dirty) this.refresh(true, training);
          });
      },
      Math.max(0, wait),
    );
  }
}
