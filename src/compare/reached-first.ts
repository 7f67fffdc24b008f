/**
 * Which run reached a target first: the objective at or below a value, or P − P* at or below ε
 * when the exact optimum P* of the run's dataset and λ is known. "First" is asked twice, in
 * epochs and in training time (the worker's own work, workers/epoch-clock.ts): a sampled
 * optimizer may need fewer epochs and still more seconds, so the two answers can differ.
 *
 * A run reaches the target at the first kept point of its curves whose objective meets it. A
 * record keeps every epoch of a run of at most 500 epochs (run-record.ts); a longer run keeps
 * 500 points, so its epoch is the first kept one at the target: within one bucket of the true
 * first (and never before it).
 */
import type { RunCurves } from './run-record.ts';

/** The objective at or below `value`, or P − P* at or below `eps`. */
export type Target = { kind: 'objective'; value: number } | { kind: 'gap'; eps: number };

/** A run in the race: its curves and the P* of its dataset and λ, when known. */
export interface Racer {
  curves: RunCurves;
  pStar: number | null;
}

/** When a run first met the target, or nulls when it has not (yet). */
export interface Reach {
  epoch: number | null;
  /** Training time (s) at that epoch; null when not reached or its time is not known. */
  seconds: number | null;
}

export interface RaceResult {
  /** Each racer's reach, in the racers' order. */
  reaches: Reach[];
  /** The racers first in epochs (ties share it), and first in training time; empty if none. */
  firstByEpoch: number[];
  firstBySeconds: number[];
}

/** The objective a racer must reach: the value, or P* + ε; null when the target needs P*. */
export function threshold(target: Target, pStar: number | null): number | null {
  if (target.kind === 'objective') return target.value;
  return pStar === null ? null : pStar + target.eps;
}

/** The first kept point of `curves` whose objective is at most `limit` (null: none). */
export function reachOf(curves: RunCurves, limit: number | null): Reach {
  if (limit === null) return { epoch: null, seconds: null };
  const i = curves.objective.findIndex((p) => p <= limit);
  if (i < 0) return { epoch: null, seconds: null };
  return { epoch: curves.epochs[i]!, seconds: curves.seconds?.[i] ?? null };
}

/** Indices of the smallest non-null values (all of them on a tie). */
function smallest(values: (number | null)[]): number[] {
  let best = Infinity;
  for (const v of values) if (v !== null && v < best) best = v;
  return values.flatMap((v, i) => (v !== null && v === best ? [i] : []));
}

/** Each racer's reach of `target`, and who was first in epochs and in seconds. */
export function reachedFirst(racers: readonly Racer[], target: Target): RaceResult {
  const reaches = racers.map((r) => reachOf(r.curves, threshold(target, r.pStar)));
  return {
    reaches,
    firstByEpoch: smallest(reaches.map((r) => r.epoch)),
    firstBySeconds: smallest(reaches.map((r) => r.seconds)),
  };
}

/** The least value >= v with `digits` significant digits (v > 0): 3.41e-4 → 3.5e-4 at 2. */
export function ceilSignificant(v: number, digits: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return v;
  const scale = 10 ** (Math.floor(Math.log10(v)) - digits + 1);
  const near = Number((Math.round(v / scale) * scale).toPrecision(digits));
  return near >= v ? near : Number((Math.ceil(v / scale) * scale).toPrecision(digits));
}

/**
 * A target every racer that has taken a step has reached, so that "first" is decided: the
 * weakest run's best, rounded up (to 2 significant digits of P − P* when every such racer knows
 * P*, else to 4 of the objective). Null when no racer has taken a step.
 */
export function defaultTarget(racers: readonly Racer[]): Target | null {
  const started = racers.filter((r) => r.curves.epochs.length > 1);
  if (started.length === 0) return null;
  const best = (r: Racer) => Math.min(...r.curves.objective);
  if (started.every((r) => r.pStar !== null)) {
    const worst = Math.max(...started.map((r) => best(r) - r.pStar!));
    if (worst > 0) return { kind: 'gap', eps: ceilSignificant(worst, 2) };
  }
  return { kind: 'objective', value: ceilSignificant(Math.max(...started.map(best)), 4) };
}

/**
 * The target the user typed (`text`, trimmed) for `kind`, or an error naming the field and its
 * allowed range; an empty text means the default (null).
 */
export function parseTarget(
  kind: Target['kind'],
  text: string,
): { ok: true; target: Target | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, target: null };
  const v = t.length <= 40 ? Number(t) : NaN;
  const shown = t.length > 20 ? `${t.slice(0, 20)}…` : t;
  if (kind === 'gap') {
    if (Number.isFinite(v) && v > 0) return { ok: true, target: { kind, eps: v } };
    return { ok: false, error: `Target ε must be a number > 0, got “${shown}”` };
  }
  if (Number.isFinite(v) && v >= 0) return { ok: true, target: { kind, value: v } };
  return { ok: false, error: `Target objective must be a number ≥ 0, got “${shown}”` };
}
