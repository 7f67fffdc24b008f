/**
 * How fast a run goes: at compute speed (the default), or at a set number of epochs per second
 * for watching it learn. The pace is kept by the worker's clock, so it is the same in every
 * browser; at full speed the page draws the latest state each frame and drops the rest (the
 * curves still get every epoch: each snapshot carries the metrics of the epochs since the last).
 */
import type { SnapshotPolicy } from '../../workers/trainer-api.ts';

export interface Speed {
  id: string;
  label: string;
  /** Epochs per second, or null for compute speed. */
  epochsPerSecond: number | null;
}

export const SPEEDS: readonly Speed[] = [
  { id: 'full', label: 'Full speed', epochsPerSecond: null },
  { id: '60', label: '60 epochs/s', epochsPerSecond: 60 },
  { id: '10', label: '10 epochs/s', epochsPerSecond: 10 },
  { id: '1', label: '1 epoch/s', epochsPerSecond: 1 },
];

export const DEFAULT_SPEED = 'full';

/**
 * The worker's snapshot policy for a speed id (full speed for an unknown one): paced snapshots
 * at most one a frame, never waiting for the page; or every epoch at its time.
 */
export function snapshotPolicy(id: string): SnapshotPolicy {
  const eps = SPEEDS.find((s) => s.id === id)?.epochsPerSecond ?? null;
  return eps === null ? { minIntervalMs: 16 } : { epochsPerSecond: eps, minIntervalMs: 0 };
}
