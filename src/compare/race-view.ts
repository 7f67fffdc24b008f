/**
 * What the Compare panel shows of "which run reached the target first" (reached-first.ts) for
 * its rows: the target in force (the one typed, else the default) or why the typed one is
 * refused, each row's reach and whether it was first in epochs or in time, each row's P* (for
 * the P − P* overlay) and the objective each row had to reach (the chart's target line).
 */
import { sameRecipe } from '../fields.ts';
import { optimumOf } from './optimum-distance.ts';
import {
  defaultTarget,
  parseTarget,
  reachedFirst,
  threshold,
  type Reach,
  type Target,
} from './reached-first.ts';
import type { RunRecord } from './run-record.ts';
import { formatSeconds } from './x-axis.ts';
import { formatCount } from '../ui/format.ts';

export interface RaceRow {
  key: string;
  record: RunRecord;
}

export interface RowReach extends Reach {
  key: string;
  /** P* of the row's dataset and λ when some row knows it, else null. */
  pStar: number | null;
  /** The objective the row had to reach (null: the target needs a P* it lacks). */
  limit: number | null;
  firstInEpochs: boolean;
  firstInSeconds: boolean;
}

export interface RaceView {
  /** The kind of target the typed text is read as (the chosen one, else the default's). */
  kind: Target['kind'];
  /** The target in force, null before any run has taken a step (and nothing typed). */
  target: Target | null;
  /** Whether the target is the default one (nothing typed, or the typed one refused). */
  isDefault: boolean;
  /** Why the typed target was refused, else ''. */
  error: string;
  /** One per row, in the rows' order. */
  rows: RowReach[];
  /** Keys of the rows first in epochs, and first in time (ties share). */
  firstByEpoch: string[];
  firstBySeconds: string[];
  /** Every row has the same dataset and λ: their objectives are of one problem. */
  oneProblem: boolean;
}

/**
 * The race view of `rows` for the typed target: `text` read as `kind` (null: the default's kind);
 * an empty text means the default target.
 */
export function raceView(
  rows: readonly RaceRow[],
  chosen: Target['kind'] | null,
  text: string,
): RaceView {
  const records = rows.map((r) => r.record);
  const [head] = records;
  const oneProblem = records.every(
    (r) => r.hp.reg === head!.hp.reg && sameRecipe(r.recipe, head!.recipe),
  );
  const racers = rows.map((r) => ({
    curves: r.record.curves,
    pStar: optimumOf(r.record, records)?.primal ?? null,
  }));
  const fallback = defaultTarget(racers);
  const kind = chosen ?? fallback?.kind ?? 'objective';
  const typed = parseTarget(kind, text);
  const target = (typed.ok ? typed.target : null) ?? fallback;
  const error = typed.ok ? '' : typed.error;
  const isDefault = !typed.ok || typed.target === null;
  if (!target) {
    const none = { epoch: null, seconds: null, limit: null, firstInEpochs: false };
    return {
      kind,
      target,
      isDefault,
      error,
      rows: rows.map((r, i) => ({
        ...none,
        key: r.key,
        pStar: racers[i]!.pStar,
        firstInSeconds: false,
      })),
      firstByEpoch: [],
      firstBySeconds: [],
      oneProblem,
    };
  }
  const result = reachedFirst(racers, target);
  const byEpoch = new Set(result.firstByEpoch);
  const bySeconds = new Set(result.firstBySeconds);
  return {
    kind,
    target,
    isDefault,
    error,
    rows: rows.map((r, i) => ({
      ...result.reaches[i]!,
      key: r.key,
      pStar: racers[i]!.pStar,
      limit: threshold(target, racers[i]!.pStar),
      firstInEpochs: byEpoch.has(i),
      firstInSeconds: bySeconds.has(i),
    })),
    firstByEpoch: result.firstByEpoch.map((i) => rows[i]!.key),
    firstBySeconds: result.firstBySeconds.map((i) => rows[i]!.key),
    oneProblem,
  };
}

/** 'objective ≤ 0.1653', 'P − P* ≤ 1e-3'. */
export function targetText(target: Target): string {
  return target.kind === 'objective'
    ? `objective ≤ ${target.value}`
    : `P − P* ≤ ${target.eps.toExponential(1).replace('.0e', 'e')}`;
}

/** A row's cell: 'epoch 12, 0.412 ms', 'epoch 12' (no time), 'not yet', or '—' (no target). */
export function reachText(view: RaceView, reach: RowReach | undefined): string {
  if (!view.target || !reach) return '—';
  if (reach.limit === null) return 'P* not known';
  if (reach.epoch === null) return 'not yet';
  const at = `epoch ${formatCount(reach.epoch)}`;
  return reach.seconds === null ? at : `${at}, ${formatSeconds(reach.seconds)}`;
}
