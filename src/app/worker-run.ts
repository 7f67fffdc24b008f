/**
 * The worker's training run as the page holds it: at most one live run whose snapshots and end
 * are taken, every older one ignored (its late snapshots are acknowledged and dropped). It keeps
 * no phase: the run controller decides what a press means, this class makes the calls.
 */
import type { Hyperparameters } from '../core/recipe.ts';
import type { Snapshot, TrainOptions } from '../../workers/trainer-api.ts';
import type { TrainerClient } from '../trainer-client.ts';

export interface WorkerRunHandlers {
  /** A snapshot of the live run; the returned promise is the page's acknowledgement. */
  snapshot(s: Snapshot): Promise<void> | undefined;
  /** The live run ended (done, diverged, or cancelled by stop()) with this last snapshot. */
  ended(last: Snapshot): void;
  /** The live run's train() call failed. */
  failed(e: unknown): void;
}

interface Live {
  token: number;
  hp: Hyperparameters;
  finished: Promise<Snapshot>;
}

export class WorkerRun {
  private live: Live | null = null;
  private token = 0;

  constructor(
    private readonly client: TrainerClient,
    private readonly on: WorkerRunHandlers,
  ) {}

  /** The live run's training settings, or null when none is live. */
  get hp(): Hyperparameters | null {
    return this.live?.hp ?? null;
  }

  /** Forgets the live run: whatever it still sends is ignored. */
  drop(): void {
    this.token++;
    this.live = null;
  }

  /**
   * Starts a run (replacing the live one) and resolves once it has sent its first snapshot (or
   * ended): from then on it exists in the worker, so a pause reaches it.
   */
  async start(options: TrainOptions & Hyperparameters): Promise<void> {
    const token = ++this.token;
    let started!: () => void;
    const first = new Promise<void>((resolve) => (started = resolve));
    const finished = this.client.train(options, (s) => {
      if (token !== this.token) return undefined;
      started();
      return this.on.snapshot(s);
    });
    this.live = { token, hp: options, finished };
    finished.then(
      (last) => {
        if (token !== this.token) return;
        this.live = null;
        this.on.ended(last);
      },
      (e) => {
        if (token !== this.token) return;
        this.live = null;
        this.on.failed(e);
      },
    );
    void finished.finally(started).catch(() => undefined);
    await first;
  }

  /**
   * Pauses the live run: its snapshot at the epoch it stopped, or null when it had ended first
   * (its end, on its way, has then been handled).
   */
  async pause(): Promise<Snapshot | null> {
    const live = this.live;
    const s = await this.client.pause();
    if (s && live && live.token === this.token) return s;
    if (live) await live.finished.catch(() => undefined);
    return null;
  }

  /** Resumes the live run; false when none is live (the caller starts one instead). */
  async resume(): Promise<boolean> {
    const live = this.live;
    if (!live) return false;
    await this.client.resume();
    return live.token === this.token;
  }

  /**
   * Ends the live run at the epoch on screen (the worker's cancel() rewinds a run paused
   * mid-epoch); its end is handled as usual (ended() with status 'cancelled').
   */
  async stop(): Promise<void> {
    const live = this.live;
    if (!live) return;
    await this.client.cancel();
    await live.finished.catch(() => undefined);
  }
}
