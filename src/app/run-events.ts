/**
 * What the run controller tells the rest of the page (the Compare publisher, the page's own
 * hooks): plain events, delivered synchronously in order, so listeners never poll.
 */
import type { Hyperparameters, Recipe } from '../core/recipe.ts';
import type { DatasetSummary, Snapshot } from '../../workers/trainer-api.ts';

/** The run's status as the page and the Compare records show it. */
export type UiStatus = 'idle' | 'training' | 'paused' | 'done' | 'diverged' | 'error';

export type RunEvent =
  /** New data on screen (its epoch-0 snapshot follows). */
  | { type: 'dataset'; summary: DatasetSummary; recipe: Recipe }
  /** A run began: from epoch 0 (`fresh`, Train) or from the weights on screen (Resume, Step). */
  | { type: 'started'; hp: Hyperparameters; recipe: Recipe; fresh: boolean }
  /** A snapshot was taken (drawn, or stored in a hidden tab). */
  | { type: 'snapshot'; snapshot: Snapshot }
  /** The worker's run ended (done, diverged, or cancelled: replaced or stopped for new data). */
  | { type: 'ended'; snapshot: Snapshot }
  /** The status shown changed. */
  | { type: 'status'; status: UiStatus };

export type RunListener = (e: RunEvent) => void;

/** A minimal synchronous event hub; a listener's error is reported, never thrown at the sender. */
export class RunEvents {
  private readonly listeners = new Set<RunListener>();

  on(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: RunEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
