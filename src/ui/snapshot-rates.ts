/** How often the worker sends snapshots while training: the choices the form offers. */
import type { SnapshotPolicy } from '../../workers/trainer-api.ts';

export interface SnapshotRate {
  id: string;
  label: string;
  /** The policy for a run of `epochs` epochs over n points. */
  policy: (epochs: number, n: number) => SnapshotPolicy;
}

/** Snapshots per short run under 'auto': at one a frame, about ten seconds to watch. */
export const AUTO_SNAPSHOTS = 600;

/**
 * Under 'auto', a run of more points × epochs than this (several seconds of training) gets paced
 * snapshots instead: one per frame at most, within the worker's cost budget, never waiting for the
 * page. Every-k-epochs snapshots each wait for the page and cost an extra capturing pass, which a
 * long run of millions of points would feel.
 */
export const AUTO_PACED_ABOVE = 1e9;

const PACED: SnapshotPolicy = { minIntervalMs: 16 };

export const SNAPSHOT_RATES: readonly SnapshotRate[] = [
  {
    id: 'auto',
    label: `Auto: ~${AUTO_SNAPSHOTS}/run or per frame`,
    policy: (epochs, n) =>
      n * epochs > AUTO_PACED_ABOVE
        ? { ...PACED }
        : { everyEpochs: Math.max(1, Math.ceil(epochs / AUTO_SNAPSHOTS)) },
  },
  { id: 'frame', label: 'As fast as possible', policy: () => ({ ...PACED }) },
  { id: 'epoch', label: 'Every epoch', policy: () => ({ everyEpochs: 1 }) },
  { id: 'epoch10', label: 'Every 10 epochs', policy: () => ({ everyEpochs: 10 }) },
  { id: 'epoch100', label: 'Every 100 epochs', policy: () => ({ everyEpochs: 100 }) },
];

/** The policy of a rate id for a run of `epochs` epochs over n points (auto for an unknown id). */
export function snapshotPolicy(id: string, epochs: number, n: number): SnapshotPolicy {
  return (SNAPSHOT_RATES.find((r) => r.id === id) ?? SNAPSHOT_RATES[0]!).policy(epochs, n);
}
