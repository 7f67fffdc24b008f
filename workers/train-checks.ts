/**
 * The service's checks of a call's own options (the settings themselves are the core's
 * validators'): each returns the RangeError to reject with, naming the field and its range.
 */
import type { TrainOptions } from './trainer-api.ts';

/** The errors as one RangeError, or null when there are none. */
export function invalid(errors: { message: string }[]): Error | null {
  return errors.length ? new RangeError(errors.map((e) => e.message).join('; ')) : null;
}

export function checkEpochPolicy(options: Pick<TrainOptions, 'snapshots'>): Error | null {
  const every = options.snapshots?.everyEpochs;
  if (every !== undefined && (!Number.isInteger(every) || every < 1)) {
    return new RangeError(`snapshots.everyEpochs must be an integer >= 1, got ${every}`);
  }
  const eps = options.snapshots?.epochsPerSecond;
  if (eps !== undefined && !(Number.isFinite(eps) && eps > 0 && eps <= 1000)) {
    return new RangeError(`snapshots.epochsPerSecond must be a number in (0, 1000], got ${eps}`);
  }
  const ms = options.snapshots?.minIntervalMs;
  if (ms !== undefined && !(Number.isFinite(ms) && ms >= 0)) {
    return new RangeError(`snapshots.minIntervalMs must be a finite number >= 0, got ${ms}`);
  }
  return null;
}

export function checkFrom(from: unknown): Error | null {
  if (from === undefined || from === 'start' || from === 'current') return null;
  return new RangeError(`from must be 'start' or 'current', got '${String(from)}'`);
}
