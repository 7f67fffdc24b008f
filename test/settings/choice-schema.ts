/**
 * A schema with a choice in it, as issue 13 will make hinge-lab's (an optimizer and its own
 * settings): the generic settings code must handle it in every path (form, hash, CLI, run files,
 * Compare) before the app has one. Its groups check with the generic limitErrors.
 */
import { limitErrors, type Limit } from '../../src/core/limits.ts';
import { defineSchema, type GroupSpec, type SettingEntry } from '../../src/settings/define.ts';

export const OPTIMIZERS = ['gd', 'pegasos', 'sgd', 'momentum', 'dcd'] as const;

const LIMITS = {
  seed: { kind: 'integer', min: 0, max: 1000 },
  centre: { kind: 'numbers', minLength: 1, maxLength: 3 },
  optimizer: { kind: 'choice', options: OPTIMIZERS },
  lr: { kind: 'number', min: 0, strict: true },
  batchSize: { kind: 'integer', min: 1, max: 4096 },
} as const satisfies Record<string, Limit>;

const groupLimits = (keys: readonly (keyof typeof LIMITS)[]) =>
  Object.fromEntries(keys.map((k) => [k, LIMITS[k]]));

const GROUPS: GroupSpec[] = [
  { key: 'data', legend: 'Data', errors: (v) => limitErrors(groupLimits(['seed', 'centre']), v) },
  {
    key: 'train',
    legend: 'Training',
    errors: (v) => limitErrors(groupLimits(['optimizer', 'lr', 'batchSize']), v),
  },
];

export interface ChoiceSettings {
  data: { seed: number; centre: number[] };
  train: { optimizer: string; lr: number; batchSize: number };
}

export const CHOICE_ENTRIES = [
  { key: 'seed', group: 'data', label: 'Seed', heading: 'Seed', limit: LIMITS.seed, default: 7 },
  {
    key: 'centre',
    group: 'data',
    label: 'Centre',
    heading: 'Centre',
    limit: LIMITS.centre,
    default: [0, 0],
    cliLength: 2,
  },
  {
    key: 'optimizer',
    group: 'train',
    label: 'Optimizer',
    heading: 'Optimizer',
    limit: LIMITS.optimizer,
    default: 'gd',
    optionLabels: { gd: 'Gradient descent', pegasos: 'Pegasos', dcd: 'Dual coordinate descent' },
  },
  {
    key: 'lr',
    group: 'train',
    label: 'Learning rate',
    heading: 'lr',
    limit: LIMITS.lr,
    default: 0.05,
  },
  {
    key: 'batchSize',
    group: 'train',
    label: 'Batch size',
    heading: 'Batch',
    limit: LIMITS.batchSize,
    default: 32,
    note: 'rows per step',
  },
] as const satisfies readonly SettingEntry[];

export type ChoiceField = (typeof CHOICE_ENTRIES)[number]['key'];

export const CHOICE_SCHEMA = defineSchema<ChoiceSettings, ChoiceField>(GROUPS, CHOICE_ENTRIES);

/** The defaults with some settings changed. */
export function choiceSettings(
  data: Partial<ChoiceSettings['data']> = {},
  train: Partial<ChoiceSettings['train']> = {},
): ChoiceSettings {
  const d = CHOICE_SCHEMA.defaults;
  return { data: { ...d.data, ...data }, train: { ...d.train, ...train } };
}
