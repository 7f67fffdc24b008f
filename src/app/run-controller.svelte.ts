/**
 * The run's controller: the state machine of run-machine.ts made real against the worker.
 *
 * Every press becomes a command in one queue, run one at a time, so two presses in one task
 * (Pause, then Reset and Step) never interleave their worker calls. A command that `decide` says
 * must wait stays at the head of the queue until the phase changes; a refused one shows its
 * reason. Two long activities run in the background, so Pause and Cancel stay instant: the
 * worker's training run (its snapshots arrive through `view`, its end through `ended`) and the
 * drawing of new data (`draw`). Nothing here throws at the page: a failed call turns the phase to
 * 'failed' with its message, and the last good state stays on screen.
 */
import { sameHyperparameters, sameRecipe, type Settings } from '../fields.ts';
import type { Hyperparameters, Recipe } from '../core/recipe.ts';
import type { Snapshot, SnapshotPolicy } from '../../workers/trainer-api.ts';
import type { TrainerClient } from '../trainer-client.ts';
import type { PacerClock } from '../ui/draw-pacer.ts';
import { snapshotPolicy } from '../ui/speeds.ts';
import type { DatasetState } from './dataset-state.svelte.ts';
import { WorkerRun } from './worker-run.ts';
import { CommandQueue } from './command-queue.ts';
import { RunEvents, type UiStatus } from './run-events.ts';
import { actionLabel, decide, mergesWith, statusOf, toggleAction } from './run-machine.ts';
import type { Action, Phase } from './run-machine.ts';
import type { SnapshotView } from './snapshot-view.svelte.ts';

/** The page draws a sample: snapshots leave the full support-vector list out (MBs at 10^7). */
const LEAN: SnapshotPolicy = { supportVectors: false };

export interface RunControllerDeps {
  client: TrainerClient;
  form: { readonly settings: Settings | null; readonly speed: string };
  dataset: DatasetState;
  view: SnapshotView;
  clock: PacerClock;
  cores: number;
}

export class RunController {
  phase: Phase = $state('idle');
  /** A sentence about the status: what failed, what is happening, why a press was refused. */
  message = $state('');
  /** The phase a drawing or a step started from: its status is what the page shows meanwhile. */
  private resting: Phase = $state('idle');
  private diverged = $state(false);
  readonly status: UiStatus = $derived(
    this.phase === 'generating' || this.phase === 'stepping'
      ? statusOf(this.resting, this.diverged)
      : statusOf(this.phase, this.diverged),
  );
  readonly events = new RunEvents();

  private readonly queue: CommandQueue<Action> = new CommandQueue({
    decide: (a) => decide(this.phase, a),
    perform: (a) => this.perform(a),
    refused: (reason) => (this.message = reason),
  });
  private readonly worker: WorkerRun;
  private drawToken = 0;
  private restarted = false; // a new worker (at epoch 0) took over; the screen shows the old run

  constructor(private readonly deps: RunControllerDeps) {
    // The status is derived from three fields; an effect announces each change once, in order.
    $effect.root(() => {
      $effect(() => {
        const status = this.status;
        this.events.emit({ type: 'status', status });
      });
    });
    this.worker = new WorkerRun(deps.client, {
      snapshot: (s) => {
        this.events.emit({ type: 'snapshot', snapshot: s });
        return deps.view.receive(s);
      },
      ended: (last) => this.ended(last),
      failed: (e) => this.fail(e),
    });
    deps.client.onCrash((error) => this.queue.pushFirst({ internal: () => this.recover(error) }));
  }

  /** Presses a control: queued, merged with the same press just before it, or refused. */
  press(action: Action | 'toggle'): void {
    const a = action === 'toggle' ? toggleAction(this.phase) : action;
    const last = this.queue.last;
    if (last !== undefined && mergesWith(last, a)) return;
    // Cancel and a new drawing act on the drawing itself: they go before what waits for it.
    const first = this.phase === 'generating' && (a === 'cancelGenerate' || a === 'generate');
    if (first) this.queue.pushFirst({ action: a });
    else this.queue.push({ action: a });
  }

  /** True when no command runs or waits. */
  get idle(): boolean {
    return !this.queue.busy && this.queue.length === 0;
  }

  /** Resolves once no command runs and none can run before the phase changes: for tests. */
  async settled(): Promise<void> {
    do await this.deps.clock.sleep(1);
    while (!this.idle && !(this.phase === 'generating' && !this.queue.busy));
  }

  private async perform(action: Action): Promise<void> {
    try {
      if (action === 'generate') return await this.generate();
      if (action === 'cancelGenerate') return await this.cancelGenerate();
      if (action === 'pause') return await this.pause();
      if (action === 'reset') return await this.reset();
      const settings = this.deps.form.settings;
      if (!settings) {
        this.message = `${actionLabel(action)}: correct the fields marked in red first.`;
        return;
      }
      if (action === 'resume') return await this.resume(settings.hp);
      const onScreen = this.deps.dataset.recipe;
      if (!onScreen || !sameRecipe(settings.recipe, onScreen)) {
        // New data first; the press waits at the head of the queue until it is drawn.
        this.queue.pushFirst({ action });
        return await this.generate();
      }
      if (action === 'train') return await this.train(settings);
      return await this.step(settings.hp);
    } catch (e) {
      this.fail(e);
    }
  }

  private async generate(): Promise<void> {
    const settings = this.deps.form.settings;
    if (!settings) {
      this.message = 'New data: correct the fields marked in red first.';
      return;
    }
    if (this.phase !== 'generating') {
      await this.stopLive();
      this.resting = this.phase;
    }
    const token = ++this.drawToken;
    this.phase = 'generating';
    this.message = this.deps.dataset.drawingMessage(settings.recipe);
    void this.draw(settings.recipe, token);
  }

  /** The drawing in the background: the page shows that it draws before the worker takes a core. */
  private async draw(recipe: Recipe, token: number): Promise<void> {
    const { dataset, client, view } = this.deps;
    try {
      await this.deps.clock.frame();
      await this.deps.clock.afterFrame();
      if (token !== this.drawToken) return;
      const summary = await dataset.draw(recipe);
      if (!summary || token !== this.drawToken) return;
      const first = await client.reset();
      if (token !== this.drawToken) return;
      this.worker.drop();
      view.forget();
      dataset.adopt(summary, recipe);
      this.events.emit({ type: 'dataset', summary, recipe });
      this.diverged = false;
      this.phase = 'idle';
      this.message = '';
      view.showFresh(first);
      this.events.emit({ type: 'snapshot', snapshot: first });
    } catch (e) {
      if (token !== this.drawToken) return;
      this.queue.clear(); // what waited for this drawing goes with it
      if (dataset.fromFile) [this.phase, this.message] = [this.resting, dataset.refusal];
      else this.fail(e);
    }
    void this.queue.pump();
  }

  private async cancelGenerate(): Promise<void> {
    this.drawToken++;
    this.queue.clear(); // what waited for this drawing goes with it
    this.phase = this.resting;
    this.message = 'Cancelled: the data on screen stays.';
    await this.deps.dataset.cancel();
  }

  private async train(settings: Settings): Promise<void> {
    this.restarted = false;
    this.deps.view.clearCurves();
    this.diverged = false;
    this.message = '';
    this.events.emit({ type: 'started', hp: settings.hp, recipe: settings.recipe, fresh: true });
    await this.startLive(settings.hp, 'start');
  }

  /** Starts the worker's run (from epoch 0, or on from the weights on screen). */
  private async startLive(hp: Hyperparameters, from: 'start' | 'current'): Promise<void> {
    const { view, form, cores } = this.deps;
    const snapshots = { ...snapshotPolicy(form.speed), ...LEAN };
    // Watching slowly, each epoch is wanted on screen: the page acknowledges as soon as it drew.
    view.pace(snapshots.epochsPerSecond !== undefined, cores);
    this.phase = 'training';
    await this.worker.start({ ...hp, from, snapshots });
  }

  /** The worker's run ended: done, diverged, or cancelled by this controller. */
  private ended(last: Snapshot): void {
    this.deps.view.take(last);
    this.events.emit({ type: 'snapshot', snapshot: last });
    this.events.emit({ type: 'ended', snapshot: last });
    if (this.phase !== 'training' && this.phase !== 'pausing') return;
    if (last.status === 'done') {
      this.phase = 'done';
    } else if (last.status === 'diverged') {
      this.diverged = true;
      this.phase = 'done';
      this.message = `The run left the finite numbers after epoch ${last.epoch} (the weights or the objective overflowed); try a smaller learning rate.`;
    } else this.phase = 'paused';
  }

  private async pause(): Promise<void> {
    this.phase = 'pausing';
    const s = await this.worker.pause();
    if (s) {
      this.deps.view.take(s);
      this.events.emit({ type: 'snapshot', snapshot: s });
    }
    // Null: the run ended first, and its end set the phase.
    if (this.phase === 'pausing') this.phase = 'paused';
  }

  /** The live run carries on if its settings still hold; otherwise a run on from the weights shown. */
  private async resume(hp: Hyperparameters): Promise<void> {
    const liveHp = this.worker.hp;
    if (liveHp && sameHyperparameters(liveHp, hp)) {
      if ((await this.worker.resume()) && this.phase === 'paused') this.phase = 'training';
      return;
    }
    const recipe = this.deps.dataset.recipe;
    if (recipe) this.events.emit({ type: 'started', hp, recipe, fresh: false });
    await this.startLive(hp, 'current');
  }

  private async step(hp: Hyperparameters): Promise<void> {
    if (this.phase === 'training') await this.pause();
    const liveHp = this.worker.hp;
    if (liveHp && !sameHyperparameters(liveHp, hp)) await this.stopLive();
    this.resting = this.phase;
    this.phase = 'stepping';
    if (this.restarted) this.deps.view.clearCurves(); // the new worker steps from epoch 0
    this.restarted = false;
    const recipe = this.deps.dataset.recipe;
    if (recipe) this.events.emit({ type: 'started', hp, recipe, fresh: false });
    try {
      const s = await this.deps.client.step(1, hp, LEAN);
      this.deps.view.take(s);
      this.events.emit({ type: 'snapshot', snapshot: s });
      this.diverged = false;
      this.phase = s.epoch >= s.epochs ? 'done' : 'paused';
      this.message = '';
    } finally {
      if (this.phase === 'stepping') this.phase = this.resting;
    }
  }

  private async reset(): Promise<void> {
    if (!this.deps.dataset.summary) return this.generate();
    const first = await this.deps.client.reset();
    this.worker.drop();
    this.diverged = false;
    this.phase = 'idle';
    this.message = '';
    this.deps.view.showFresh(first);
    this.events.emit({ type: 'snapshot', snapshot: first });
  }

  /** Ends the live run at the epoch on screen, keeping its state: what Step and Resume count from. */
  private async stopLive(): Promise<void> {
    await this.worker.stop();
    if (this.phase === 'training') this.phase = 'paused';
  }

  private fail(e: unknown): void {
    this.worker.drop();
    this.phase = 'failed';
    this.message = e instanceof Error ? e.message : String(e);
  }

  /** The worker died: say so, start a new one on the same data, keep the last state on screen. */
  private async recover(error: Error): Promise<void> {
    this.fail(error);
    this.drawToken++;
    this.message = `${error.message}. Starting a new worker…`;
    const { client, dataset, view } = this.deps;
    try {
      const summary = await client.restart();
      if (summary && dataset.recipe) dataset.adopt(summary, dataset.recipe);
      view.newWorker();
      this.restarted = true;
      this.phase = 'failed';
      this.message = `${error.message}. A new worker has the data; the last state stays on screen: press Train to run again.`;
    } catch (e) {
      this.fail(e);
    }
  }
}
