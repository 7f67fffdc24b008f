/**
 * Who waits on a training run: the callers of pause(), and step(k) requests queued in order
 * (the first one under way). Kept apart from the run loop (training-run.ts) so the loop reads as
 * slices and outcomes only.
 */
import type { Snapshot } from './trainer-api.ts';

type StepRequest = { k: number; resolve: (s: Snapshot) => void; reject: (e: Error) => void };

export class RunWaiters {
  private readonly pauses: ((s: Snapshot | null) => void)[] = [];
  private readonly steps: StepRequest[] = [];
  /** The epoch at which the step under way ends (meaningless while none is queued). */
  stepGoal = -1;

  get stepping(): boolean {
    return this.steps.length > 0;
  }

  /** Resolves with the paused snapshot, or null if the run ends first. */
  waitForPause(): Promise<Snapshot | null> {
    return new Promise((resolve) => this.pauses.push(resolve));
  }

  /** Every pause() caller gets `s` (each one after the first its own copy). */
  paused(s: Snapshot): void {
    this.pauses.splice(0).forEach((resolve, k) => resolve(k ? structuredClone(s) : s));
  }

  /** Queues k epochs; the first queued step counts from `fromEpoch` (the epoch on screen). */
  addStep(k: number, fromEpoch: number): Promise<Snapshot> {
    return new Promise((resolve, reject) => {
      this.steps.push({ k, resolve, reject });
      if (this.steps.length === 1) this.stepGoal = fromEpoch + k;
    });
  }

  /** The step under way reached its goal: its caller gets `s`; the next counts from s.epoch. */
  stepDone(s: Snapshot): void {
    this.steps.shift()!.resolve(s);
    const next = this.steps[0];
    if (next) this.stepGoal = s.epoch + next.k;
  }

  /** The run ended: pause() callers get null, queued steps fail with `stepError`. */
  settle(stepError: Error): void {
    for (const resolve of this.pauses.splice(0)) resolve(null);
    for (const s of this.steps.splice(0)) s.reject(stepError);
  }
}
