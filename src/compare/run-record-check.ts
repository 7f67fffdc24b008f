/**
 * What makes a run record valid, checked field by field on untrusted data: an imported file,
 * another tab's message, an IndexedDB entry written by another version. The settings are read
 * by the settings schema (src/settings/record.ts) and checked by the core's validators, so a
 * record says the same thing about them as the form and the CLI. The result is a fresh record
 * of only the known fields: nothing else (extra keys, Svelte proxies, arrays shared with the
 * caller) is carried along.
 */
import { DEFAULT_OPTIMIZER_CHOICE } from '../core/optimizers/optimizer-limits.ts';
import type { Hyperparameters, Recipe } from '../core/recipe.ts';
import { readGroup } from '../settings/record.ts';
import { SETTINGS } from '../settings/schema.ts';
import { Invalid, number, numbers, object, req, shown } from '../settings/untrusted.ts';
import { checkLabel } from './run-label.ts';
import {
  MAX_CURVE_POINTS,
  RUN_STATUSES,
  type Metrics,
  type RunCurves,
  type RunData,
  type RunRecord,
  type RunStatus,
} from './run-record.ts';

export type RecordCheck = { ok: true; record: RunRecord } | { ok: false; error: string };

export const MAX_ID_LENGTH = 2048;

export { shown };

function finite(v: unknown, path: string, lo = -Infinity, hi = Infinity): number {
  const x = number(v, path);
  if (Number.isFinite(x) && x >= lo && x <= hi) return x;
  const range = hi < Infinity ? ` in [${lo}, ${hi}]` : lo > -Infinity ? ` >= ${lo}` : '';
  throw new Invalid(`${path} must be a finite number${range}, got ${x}`);
}

function integer(v: unknown, path: string, lo = 0, hi = Number.MAX_SAFE_INTEGER): number {
  const x = number(v, path);
  if (Number.isInteger(x) && x >= lo && x <= hi) return x;
  throw new Invalid(`${path} must be an integer in [${lo}, ${hi}], got ${x}`);
}

function ascending(a: number[], path: string): number[] {
  for (let i = 1; i < a.length; i++) {
    if (!(a[i]! > a[i - 1]!)) {
      throw new Invalid(
        `${path} must be strictly ascending; ${path}[${i}] is ${a[i]} after ${a[i - 1]}`,
      );
    }
  }
  return a;
}

function nonDecreasing(a: number[]): number[] {
  const i = a.findIndex((x, k) => k > 0 && x < a[k - 1]!);
  if (i < 0) return a;
  throw new Invalid(
    `curves.seconds must not decrease; curves.seconds[${i}] is ${a[i]} after ${a[i - 1]}`,
  );
}

function sameLength(a: number[], path: string, epochs: number[]): number[] {
  if (a.length === epochs.length) return a;
  throw new Invalid(`${path} has ${a.length} entries but curves.epochs has ${epochs.length}`);
}

/** The settings groups, read and checked by the schema (src/settings/record.ts). */
function recipe(v: unknown): Recipe {
  return readGroup(SETTINGS, 'recipe', v) as unknown as Recipe;
}

/**
 * hp, an absent optimizer field taking its default: records written before there was a choice
 * (run files of version 1, older tabs, saved runs) were full-batch GD, and read as such.
 */
function hyperparameters(v: unknown): Hyperparameters {
  const withDefaults =
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? { ...DEFAULT_OPTIMIZER_CHOICE, ...(v as object) }
      : v;
  return readGroup(SETTINGS, 'hp', withDefaults) as unknown as Hyperparameters;
}

function metrics(v: unknown, n: number): Metrics {
  const o = object(v, 'metrics');
  return {
    meanLoss: finite(...req(o, 'meanLoss', 'metrics'), 0),
    objective: finite(...req(o, 'objective', 'metrics'), 0),
    svCount: integer(...req(o, 'svCount', 'metrics'), 0, n),
    accuracy: finite(...req(o, 'accuracy', 'metrics'), 0, 1),
  };
}

function curves(v: unknown, n: number): RunCurves {
  const o = object(v, 'curves');
  const max = MAX_CURVE_POINTS;
  const nonNegative = (x: unknown, p: string) => finite(x, p, 0);
  const count = (x: unknown, p: string) => integer(x, p, 0, n);
  const epochs = ascending(numbers(...req(o, 'epochs', 'curves'), max, integer), 'curves.epochs');
  const series = (key: string, each: (x: unknown, p: string) => number) =>
    sameLength(numbers(...req(o, key, 'curves'), max, each), `curves.${key}`, epochs);
  const c: RunCurves = {
    epochs,
    meanLoss: series('meanLoss', nonNegative),
    objective: series('objective', nonNegative),
    svCount: series('svCount', count),
  };
  if (o.churn !== undefined) c.churn = series('churn', (x, p) => integer(x, p));
  if (o.seconds !== undefined) c.seconds = nonDecreasing(series('seconds', nonNegative));
  return c;
}

function status(v: unknown): RunStatus {
  const found = RUN_STATUSES.find((s) => s === v);
  if (found) return found;
  throw new Invalid(`status must be one of ${RUN_STATUSES.join(', ')}, got ${shown(v)}`);
}

function text(v: unknown, path: string, maxLength: number): string {
  if (typeof v === 'string' && v.length >= 1 && v.length <= maxLength) return v;
  throw new Invalid(`${path} must be text of 1 to ${maxLength} characters, got ${shown(v)}`);
}

function weights(v: unknown, d: number, of: string): number[] {
  const w = numbers(v, 'w', d, finite);
  if (w.length === d) return w;
  throw new Invalid(`w must have ${d} entries (${of} has ${d}), got ${w.length}`);
}

/** An imported file's source: its name, rows (1 to 10^7), d (1 to 1,000) and content hash. */
function dataSource(v: unknown): RunData {
  const o = object(v, 'data');
  const hash = req(o, 'hash', 'data')[0];
  if (typeof hash !== 'string' || !/^[0-9a-f]{16}$/.test(hash)) {
    throw new Invalid(`data.hash must be 16 lowercase hex digits, got ${shown(hash)}`);
  }
  return {
    name: text(...req(o, 'name', 'data'), 1000),
    rows: integer(...req(o, 'rows', 'data'), 1, 10_000_000),
    d: integer(...req(o, 'd', 'data'), 1, 1000),
    hash,
  };
}

function supportVectors(v: unknown, n: number, svCount: number): number[] {
  const inRange = (x: unknown, p: string) => integer(x, p, 0, n - 1);
  const sv = ascending(numbers(v, 'svIndices', n, inRange), 'svIndices');
  if (sv.length === svCount) return sv;
  throw new Invalid(`svIndices has ${sv.length} entries but metrics.svCount is ${svCount}`);
}

/** The record, fields read (and checked) in the order they are written. */
function read(v: unknown): RunRecord {
  const o = object(v, 'the run');
  const id = text(...req(o, 'id'), MAX_ID_LENGTH);
  const label = checkLabel(req(o, 'label')[0]);
  if (!label.ok) throw new Invalid(label.error);
  const head = {
    id,
    label: label.label,
    status: status(req(o, 'status')[0]),
    epoch: integer(...req(o, 'epoch')),
    createdAt: finite(...req(o, 'createdAt'), 0),
    updatedAt: finite(...req(o, 'updatedAt'), 0),
    recipe: recipe(req(o, 'recipe')[0]),
    hp: hyperparameters(req(o, 'hp')[0]),
  };
  const data = o.data === undefined ? undefined : dataSource(o.data);
  const n = data ? data.rows : 2 * head.recipe.nPerClass;
  const r: RunRecord = {
    ...head,
    ...(data ? { data } : {}),
    metrics: metrics(req(o, 'metrics')[0], n),
    w: data
      ? weights(req(o, 'w')[0], data.d, 'data.d')
      : weights(req(o, 'w')[0], head.recipe.trueW.length, 'recipe.trueW'),
    b: finite(...req(o, 'b')),
    curves: curves(req(o, 'curves')[0], n),
  };
  if (o.svIndices !== undefined) r.svIndices = supportVectors(o.svIndices, n, r.metrics.svCount);
  if (o.optimum !== undefined) {
    const p = object(o.optimum, 'optimum');
    const primal = finite(...req(p, 'primal', 'optimum'), 0);
    r.optimum = { primal, gap: finite(...req(p, 'gap', 'optimum'), 0) };
  }
  if (o.threads !== undefined) r.threads = integer(o.threads, 'threads', 1, 16);
  return r;
}

/**
 * Why a valid record's numbers disagree with each other, or null: the run took more than its
 * epochs (a run file saying `epoch: 1e15` of 400), or its curves do not end at the stated epoch
 * with the stated mean loss there. Imports are held to it (run-file.ts); records already saved
 * by older versions are not, so none of them disappears from the list.
 */
export function inconsistency(r: RunRecord): string | null {
  if (r.epoch > r.hp.epochs)
    return `epoch must be at most hp.epochs (${r.hp.epochs}), got ${r.epoch}`;
  const { epochs, meanLoss } = r.curves;
  const k = epochs.length - 1;
  if (k < 0) return null;
  if (epochs[k] !== r.epoch) return `curves.epochs must end at epoch ${r.epoch}, got ${epochs[k]}`;
  if (meanLoss[k] !== r.metrics.meanLoss) {
    const stated = r.metrics.meanLoss;
    return `curves.meanLoss at epoch ${r.epoch} must equal metrics.meanLoss (${stated}), got ${meanLoss[k]}`;
  }
  return null;
}

/**
 * Checks untrusted data as a run record. Never throws: either a fresh valid record (label
 * trimmed) or the first problem, naming the field by its path, e.g.
 * "hp.lr must be a finite number > 0, got -1" or "curves.objective has 3 entries but
 * curves.epochs has 4".
 */
export function checkRunRecord(value: unknown): RecordCheck {
  try {
    return { ok: true, record: read(value) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    // Anything else is a bug here or a hostile getter; report it rather than throw.
    return {
      ok: false,
      error: `unreadable run record (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}
