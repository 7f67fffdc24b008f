/** How often the worker sends snapshots while training: the choices the form offers. */
import type { SnapshotPolicy } from '../../workers/trainer-api.ts';

export interface SnapshotRate {
  id: string;
  label: string;
  /** The policy for a run of `epochs` epochs. */
  policy: (epochs: number) => SnapshotPolicy;
}

/** Snapshots per run under 'auto': at one a frame, about ten seconds to watch. */
export const AUTO_SNAPSHOTS = 600;

export const SNAPSHOT_RATES: readonly SnapshotRate[] = [
  {
    id: 'auto',
    label: `About ${AUTO_SNAPSHOTS} per run`,
    policy: (epochs) => ({ everyEpochs: Math.max(1, Math.ceil(epochs / AUTO_SNAPSHOTS)) }),
  },
  { id: 'frame', label: 'As fast as possible', policy: () => ({ minIntervalMs: 16 }) },
  { id: 'epoch', label: 'Every epoch', policy: () => ({ everyEpochs: 1 }) },
  { id: 'epoch10', label: 'Every 10 epochs', policy: () => ({ everyEpochs: 10 }) },
  { id: 'epoch100', label: 'Every 100 epochs', policy: () => ({ everyEpochs: 100 }) },
];

/** The policy of a rate id for a run of `epochs` epochs (the first rate's for an unknown id). */
export function snapshotPolicy(id: string, epochs: number): SnapshotPolicy {
  return (SNAPSHOT_RATES.find((r) => r.id === id) ?? SNAPSHOT_RATES[0]!).policy(epochs);
}
