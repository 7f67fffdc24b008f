/**
 * Calls to the browser's storage (IndexedDB, through SavedRuns) as the page makes them: bounded
 * in time and failing in plain words. A store that never answers (a stuck upgrade, a blocked
 * database) rejects after STORAGE_TIMEOUT_MS with a StorageProblem saying so, instead of leaving
 * Pin or Import waiting forever; a browser's raw message ("Illegal invocation", a DOMException's
 * name) becomes a sentence about what happened, and what still works is the caller's to add.
 */

/** How long a storage call may take before it is reported as not answering, ms. */
export const STORAGE_TIMEOUT_MS = 5000;

/** The timers a call is bounded with (the page's; a fake clock in tests). */
export interface StorageTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A storage failure; its message is the plain sentence to show (without a final full stop). */
export class StorageProblem extends Error {}

/**
 * `call()`'s result, or a StorageProblem: when it throws or rejects (described by
 * describeStorageError) or when it has not settled after `ms`. A late answer is dropped.
 */
export function storageCall<T>(
  call: () => Promise<T>,
  timer: StorageTimer,
  ms = STORAGE_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const seconds = Math.round(ms / 1000);
    const handle = timer.setTimeout(() => {
      reject(new StorageProblem(`the browser's storage did not answer within ${seconds} s`));
    }, ms);
    const settle = (ok: boolean, v: unknown) => {
      timer.clearTimeout(handle);
      if (ok) resolve(v as T);
      else reject(v instanceof StorageProblem ? v : new StorageProblem(describeStorageError(v)));
    };
    try {
      call().then(
        (v) => settle(true, v),
        (e: unknown) => settle(false, e),
      );
    } catch (e) {
      settle(false, e);
    }
  });
}

const NAME_WORDS: Readonly<Record<string, string>> = {
  QuotaExceededError: "the browser's storage for this site is full",
  InvalidStateError: "the browser's storage is not available here (private browsing or blocked)",
  SecurityError: 'the browser does not allow storage for this page (blocked by its settings)',
  UnknownError: "the browser's storage failed (a disk or browser problem)",
  VersionError: 'the saved runs were written by a newer hinge-lab in another tab',
  AbortError: "the browser's storage gave up on the change (another tab may hold it)",
};

/**
 * A storage error in words. Our own checks (a RangeError: "only a finished run can be pinned…")
 * and a no-such-run Error keep their message; a browser's error is named by what it means, its
 * own text kept short in brackets when it adds something.
 */
export function describeStorageError(e: unknown): string {
  if (e instanceof RangeError) return trimStop(e.message);
  const name = typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name) : '';
  const words = NAME_WORDS[name];
  if (words) return words;
  if (e instanceof TypeError || e instanceof ReferenceError) {
    // 'Illegal invocation', 'indexedDB is not defined': storage missing or replaced.
    return "the browser's storage is not available here";
  }
  const raw = e instanceof Error ? e.message : String(e);
  if (/^no saved run|^the saved run/.test(raw)) return trimStop(raw);
  const detail = raw.length > 0 && raw.length <= 80 ? ` (${trimStop(raw)})` : '';
  return `the browser's storage is not available here${detail}`;
}

function trimStop(text: string): string {
  return text.replace(/\.$/, '');
}
