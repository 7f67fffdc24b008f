/**
 * How the page writes numbers: weights and bias like the article ('+1.638'), losses with four
 * decimals ('0.1480'), both Python-exact; counts with thousands separators; rates and durations
 * short and rounded. A value too large or too small for its fixed notation (a diverged run's
 * 1e+154 loss would take 160 characters; 3e-9 would read as zero) is written in scientific
 * notation with four significant digits ('1.235e+154', '+3.000e-9').
 */
import { formatFixed } from '../core/py-format.ts';

/** Magnitudes from here up are written in scientific notation. */
export const SCIENTIFIC_FROM = 1e6;

/**
 * v in scientific notation when it is finite, non-zero and either at least SCIENTIFIC_FROM in
 * magnitude or so small that `decimals` fixed decimals would round it to zero; else null.
 */
export function scientific(v: number, decimals: number, sign = false): string | null {
  const a = Math.abs(v);
  if (!Number.isFinite(v) || v === 0) return null;
  if (a < SCIENTIFIC_FROM && a >= 0.5 * 10 ** -decimals) return null;
  const text = v.toExponential(3);
  return sign && v > 0 ? '+' + text : text;
}

/** '+1.638' / '-1.006': sign and three decimals, as the article's '+.3f' ('+1.235e+154'). */
export function formatSigned(v: number): string {
  return scientific(v, 3, true) ?? formatFixed(v, 3, true);
}

/** '(+1.638, -1.006)'. */
export function formatWeights(w: ArrayLike<number>): string {
  return '(' + Array.from(w, formatSigned).join(', ') + ')';
}

/** '0.1480': four decimals, as the article's '.4f' ('3.351e+154' when large). */
export function formatLoss(v: number): string {
  return scientific(v, 4) ?? formatFixed(v, 4);
}

/**
 * An axis tick label that stays a few characters long at any magnitude: d3's own label
 * (`fallback`, e.g. '0.25', '400', '10k') within [1e-3, 1e5], else '1e+150', '2.5e-7'.
 */
export function formatTick(v: number, fallback: (v: number) => string): string {
  const a = Math.abs(v);
  if (v === 0 || !Number.isFinite(v) || (a >= 1e-3 && a < 1e5)) return fallback(v);
  return v.toExponential(2).replace(/\.?0+e/, 'e'); // '1.50e+150' → '1.5e+150'
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
