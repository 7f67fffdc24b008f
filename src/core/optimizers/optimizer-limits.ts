/**
 * The optimizer a run uses and each optimizer's own settings: names, defaults and allowed
 * ranges, written once here for the settings schema (src/settings/schema.ts), the CLI and the
 * worker. lr and reg stay in Hyperparameters (recipe.ts); these add to them.
 */
import { limitErrors, type FieldError, type Limit } from '../limits.ts';
import { MOMENTUM_KINDS, type MomentumKind } from './momentum.ts';
import { STEP_SCHEDULES, type StepSchedule } from './minibatch-sgd.ts';

export const OPTIMIZER_NAMES = ['gd', 'pegasos', 'sgd', 'momentum', 'dcd'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** Which optimizer, and the settings of every optimizer (each reads only its own). */
export interface OptimizerChoice {
  optimizer: OptimizerName;
  /** pegasos: project w onto the ball of radius 1/√reg after each update ('on' | 'off'). */
  project: 'on' | 'off';
  /** sgd: samples a batch (clamped to n). */
  batchSize: number;
  /** sgd: how the step decays with τ = epochs so far + 1. */
  schedule: StepSchedule;
  /** momentum: β in [0, 1). */
  beta: number;
  /** momentum: heavy ball or Nesterov. */
  momentum: MomentumKind;
}

export const DEFAULT_OPTIMIZER_CHOICE: Readonly<OptimizerChoice> = Object.freeze({
  optimizer: 'gd',
  project: 'on',
  batchSize: 32,
  schedule: 'inverse-sqrt',
  beta: 0.9,
  momentum: 'heavy-ball',
});

export const OPTIMIZER_LIMITS = Object.freeze({
  optimizer: { kind: 'choice', options: OPTIMIZER_NAMES },
  project: { kind: 'choice', options: ['on', 'off'] },
  batchSize: { kind: 'integer', min: 1, max: 10_000_000 },
  schedule: { kind: 'choice', options: STEP_SCHEDULES },
  beta: { kind: 'number', min: 0 },
  momentum: { kind: 'choice', options: MOMENTUM_KINDS },
} as const satisfies Record<keyof OptimizerChoice, Limit>);

/** Which own settings each optimizer reads (the form shows only these). */
export const OPTIMIZER_FIELDS: Readonly<Record<OptimizerName, readonly (keyof OptimizerChoice)[]>> =
  Object.freeze({
    gd: [],
    pegasos: ['project'],
    sgd: ['batchSize', 'schedule'],
    momentum: ['beta', 'momentum'],
    dcd: [],
  });

const OWN_FIELDS = new Set<string>(Object.values(OPTIMIZER_FIELDS).flat());

/**
 * Whether setting `key` applies under `optimizer` (an id, or any text a form holds): every
 * setting but another optimizer's own. An unknown optimizer text shows every field.
 */
export function fieldApplies(optimizer: string, key: string): boolean {
  if (!OWN_FIELDS.has(key)) return true;
  const fields = (OPTIMIZER_FIELDS as Readonly<Record<string, readonly string[]>>)[optimizer];
  return !fields || fields.includes(key);
}

/** Every problem with an optimizer choice (reg is the run's, checked against pegasos' need). */
export function optimizerErrors(c: OptimizerChoice, reg?: number): FieldError[] {
  const out = limitErrors(OPTIMIZER_LIMITS, c as unknown as Record<string, unknown>);
  if (typeof c.beta === 'number' && c.beta >= 1) {
    out.push({ field: 'beta', message: `beta must be a finite number in [0, 1), got ${c.beta}` });
  }
  if (c.optimizer === 'pegasos' && reg !== undefined && !(reg > 0)) {
    out.push({ field: 'reg', message: `reg must be > 0 for pegasos (step 1/(reg·t)), got ${reg}` });
  }
  if (c.optimizer === 'dcd' && reg !== undefined && !(reg > 0)) {
    out.push({
      field: 'reg',
      message: `reg must be > 0 for dcd (w = Σ α_i y_i x_i / reg), got ${reg}`,
    });
  }
  return out;
}
