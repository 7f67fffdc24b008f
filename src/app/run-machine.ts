/**
 * The run's life as an explicit state machine: which user action may act in which phase.
 *
 * Phases: idle (data drawn, epoch 0), generating (new data being drawn), training (the worker's
 * run goes on), pausing (a pause is on its way to the worker), paused, stepping (one epoch on its
 * way), done (the run reached its epochs or diverged), failed (a call failed; the last good state
 * stays on screen).
 *
 * Every action is defined in every phase: `decide` says whether it runs now, waits in the queue
 * until the phase changes (the controller runs commands one at a time, so a press during a
 * transition is never lost and never races), or is refused with a reason the page shows. It is a
 * pure table: the controller (run-controller.svelte.ts) does the work.
 */
import type { UiStatus } from './run-events.ts';

export const PHASES = [
  'idle',
  'generating',
  'training',
  'pausing',
  'paused',
  'stepping',
  'done',
  'failed',
] as const;
export type Phase = (typeof PHASES)[number];

/** What a user can press (toggle, the space key, is resolved to train, pause or resume). */
export const ACTIONS = [
  'train',
  'pause',
  'resume',
  'step',
  'reset',
  'generate',
  'cancelGenerate',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Decision = { kind: 'run' } | { kind: 'wait' } | { kind: 'refuse'; reason: string };

const RUN: Decision = { kind: 'run' };
const WAIT: Decision = { kind: 'wait' };
const refuse = (reason: string): Decision => ({ kind: 'refuse', reason });

const NOT_DRAWING = refuse('Cancel: no data is being drawn.');
const NOTHING_RUNS = refuse('Pause: nothing is training.');
const NOTHING_PAUSED = refuse('Resume: the run is not paused; press Train to start one.');

/** The table, phase by phase: every (phase, action) pair has an entry. */
const TABLE: Record<Phase, Record<Action, Decision>> = {
  idle: {
    train: RUN,
    pause: NOTHING_RUNS,
    resume: NOTHING_PAUSED,
    step: RUN,
    reset: RUN,
    generate: RUN,
    cancelGenerate: NOT_DRAWING,
  },
  // Drawing new data: Train, Step and Reset apply to the new data, so they wait for it.
  generating: {
    train: WAIT,
    pause: refuse('Pause: data is being drawn, nothing is training (Cancel stops the drawing).'),
    resume: NOTHING_PAUSED,
    step: WAIT,
    reset: WAIT,
    generate: RUN,
    cancelGenerate: RUN,
  },
  training: {
    train: RUN,
    pause: RUN,
    resume: refuse('Resume: the run is already training.'),
    step: RUN,
    reset: RUN,
    generate: RUN,
    cancelGenerate: NOT_DRAWING,
  },
  // Transitions: the controller is between two awaits; whatever comes waits for their end.
  pausing: {
    train: WAIT,
    pause: refuse('Pause: the run is already pausing.'),
    resume: WAIT,
    step: WAIT,
    reset: WAIT,
    generate: WAIT,
    cancelGenerate: NOT_DRAWING,
  },
  paused: {
    train: RUN,
    pause: refuse('Pause: the run is already paused.'),
    resume: RUN,
    step: RUN,
    reset: RUN,
    generate: RUN,
    cancelGenerate: NOT_DRAWING,
  },
  stepping: {
    train: WAIT,
    pause: WAIT,
    resume: WAIT,
    step: WAIT,
    reset: WAIT,
    generate: WAIT,
    cancelGenerate: NOT_DRAWING,
  },
  done: {
    train: RUN,
    pause: NOTHING_RUNS,
    resume: refuse(
      'Resume: the run has finished; press Train to run again or Step for one more epoch.',
    ),
    step: RUN,
    reset: RUN,
    generate: RUN,
    cancelGenerate: NOT_DRAWING,
  },
  failed: {
    train: RUN,
    pause: NOTHING_RUNS,
    resume: NOTHING_PAUSED,
    step: RUN,
    reset: RUN,
    generate: RUN,
    cancelGenerate: NOT_DRAWING,
  },
};

/** Whether `action` runs now in `phase`, waits for the phase to change, or is refused (and why). */
export function decide(phase: Phase, action: Action): Decision {
  return TABLE[phase][action];
}

/** Actions that mean the same when pressed twice in a row: a second press merges into the first. */
const IDEMPOTENT: ReadonlySet<Action> = new Set([
  'train',
  'pause',
  'resume',
  'reset',
  'generate',
  'cancelGenerate',
]);

export function mergesWith(queued: Action, next: Action): boolean {
  return queued === next && IDEMPOTENT.has(next);
}

/** Space: train when nothing runs, pause a training run, resume a paused one. */
export function toggleAction(phase: Phase): Action {
  if (phase === 'training') return 'pause';
  if (phase === 'paused' || phase === 'pausing') return 'resume';
  return 'train';
}

/** The status the page and the Compare records show for a phase. */
export function statusOf(phase: Phase, diverged: boolean): UiStatus {
  if (phase === 'training' || phase === 'pausing') return 'training';
  if (phase === 'done') return diverged ? 'diverged' : 'done';
  if (phase === 'failed') return 'error';
  if (phase === 'paused') return 'paused';
  return 'idle';
}

const LABELS: Record<Action, string> = {
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  step: 'Step',
  reset: 'Reset',
  generate: 'Generate',
  cancelGenerate: 'Cancel',
};

/** The control's name as the page shows it, for messages. */
export function actionLabel(action: Action): string {
  return LABELS[action];
}
