/**
 * The charts' x axis: epochs, or the training time spent (seconds of the worker's own work,
 * workers/epoch-clock.ts). A time axis reads in milliseconds while the run is under a second
 * (the article's 400 epochs take about a millisecond), else in seconds; ticks stay where the
 * scale puts them (nice numbers in seconds are nice in milliseconds too).
 */

export type XAxis = 'epochs' | 'seconds';

export const X_AXES: readonly XAxis[] = ['epochs', 'seconds'];

/** A short decimal without float noise: 0.30000000000000004 → '0.3'. */
function short(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** How a time axis up to `maxSeconds` reads: its title, and a tick's text for a value in s. */
export function timeAxis(maxSeconds: number): { label: string; tick: (s: number) => string } {
  if (Number.isFinite(maxSeconds) && maxSeconds >= 1) {
    return { label: 'training time (s)', tick: (s) => short(s) };
  }
  return { label: 'training time (ms)', tick: (s) => short(s * 1000) };
}

/** A time in seconds for a read-out: '0.412 ms', '12.3 ms', '1.25 s'; '—' when unknown. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  return s < 1 ? `${Number((s * 1000).toPrecision(3))} ms` : `${Number(s.toPrecision(3))} s`;
}
