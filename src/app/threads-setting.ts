/**
 * The `threads` setting: how many threads share each full pass of a run (the training worker
 * and threads − 1 pass workers it owns, workers/pass-threads.ts). A property of this machine,
 * not of the experiment: results are the same bits for any count (the fixed blocked order), so
 * it is not in the link (a link from a 2-core laptop reproduces on a 16-core desktop), like the
 * speed. Its form field is drawn from THREADS_ENTRY as the schema's fields are.
 */
import { limitError, type Limit } from '../core/limits.ts';
import type { SettingEntry } from '../settings/define.ts';
import { explain, parseText } from '../settings/text.ts';

/** 1 to 16 threads. */
export const THREADS_LIMIT = { kind: 'integer', min: 1, max: 16 } as const satisfies Limit;

/** Whether this page can share memory with workers (cross-origin isolated, SharedArrayBuffer). */
export function pageSharesMemory(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean };
  return typeof SharedArrayBuffer === 'function' && g.crossOriginIsolated === true;
}

/**
 * One less than the machine's logical cores (the page keeps one), within 1..16:
 * max(1, min(16, hardwareConcurrency − 1)); 1 when the browser does not say. And 1 where the
 * page cannot share memory: each pass worker would need its own copy of its rows (twice the
 * data's memory in all; WebKitGTK here has no SharedArrayBuffer); more threads can still be
 * chosen by hand.
 */
export function defaultThreads(
  hardwareConcurrency: number | undefined = globalThis.navigator?.hardwareConcurrency,
  sharesMemory: boolean = pageSharesMemory(),
): number {
  if (!sharesMemory) return THREADS_LIMIT.min;
  const cores = Number.isInteger(hardwareConcurrency) ? hardwareConcurrency! : 2;
  return Math.max(THREADS_LIMIT.min, Math.min(THREADS_LIMIT.max, cores - 1));
}

/** The form field's entry (not one of the schema's: it is neither in the link nor the CLI). */
export const THREADS_ENTRY: SettingEntry = {
  key: 'threads',
  group: 'machine',
  label: 'Threads',
  heading: 'Threads',
  limit: THREADS_LIMIT,
  default: defaultThreads(),
  note: 'this machine’s, never changes results (so not in the link)',
};

/** The threads a text spells, or the message that refuses it (naming the field and its range). */
export function readThreads(
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const value = parseText(THREADS_LIMIT, text) as number;
  const error = limitError('threads', THREADS_LIMIT, value);
  return error ? { ok: false, message: explain(error.message, text, value) } : { ok: true, value };
}
