/**
 * How the page writes numbers: weights and bias like the article ('+1.638'), losses with four
 * decimals ('0.1480'), both Python-exact; counts with thousands separators; rates and durations
 * short and rounded.
 */
import { formatFixed } from '../core/py-format.ts';

/** '+1.638' / '-1.006': sign and three decimals, as the article's '+.3f'. */
export function formatSigned(v: number): string {
  return formatFixed(v, 3, true);
}

/** '(+1.638, -1.006)'. */
export function formatWeights(w: ArrayLike<number>): string {
  return '(' + Array.from(w, formatSigned).join(', ') + ')';
}

/** '0.1480': four decimals, as the article's '.4f'. */
export function formatLoss(v: number): string {
  return formatFixed(v, 4);
}

/** One formatter for every count: toLocaleString builds a new one per call, which is slow. */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** '12,345'. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? COUNT.format(Math.round(n)) : String(n);
}

/** Full-precision weights for data-value attributes: 'w0,w1,…'. */
export function weightsValue(w: ArrayLike<number>): string {
  return Array.from(w, (v) => String(v)).join(',');
}

/** '3.21 M', '950': a rate with an SI prefix and three significant digits ('—' when unknown). */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '—';
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, prefix] of units) {
    if (perSecond >= scale) return `${trim(perSecond / scale)} ${prefix}`;
  }
  return trim(perSecond);
}

/** '0.4 s', '12 s', '3 min 05 s', '2 h 07 min'; '—' when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

function trim(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}
