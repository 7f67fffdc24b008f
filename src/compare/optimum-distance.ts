/**
 * Each run's distance to the exact optimum of its dataset: objective − P*, where P* is the run's
 * own record's optimum, or else that of any record of the same dataset and λ (a tab that solved
 * it), so one Solve serves every run on that problem. Null when no record knows P*.
 */
import { sameData } from './same-data.ts';
import type { RunOptimum, RunRecord } from './run-record.ts';

/** P* of the record's dataset at its λ, from itself or a record of the same problem, or null. */
export function optimumOf(record: RunRecord, records: readonly RunRecord[]): RunOptimum | null {
  if (record.optimum) return record.optimum;
  const same = records.find((r) => r.optimum && r.hp.reg === record.hp.reg && sameData(r, record));
  return same?.optimum ?? null;
}

/**
 * The record's objective − P* (≥ −gap), or null when P* is not known or the run has not started
 * (a tab's epoch-0 objective before any run is of λ = 0, whatever its settings say).
 */
export function distanceToOptimum(record: RunRecord, records: readonly RunRecord[]): number | null {
  const o = optimumOf(record, records);
  return o && record.epoch > 0 ? record.metrics.objective - o.primal : null;
}
