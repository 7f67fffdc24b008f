/**
 * Imports never overwrite, files whose numbers disagree are refused, and storage that fails or
 * never answers is reported in plain words within STORAGE_TIMEOUT_MS on a fake clock (issue 18
 * items 2 and 3).
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { parseRunJson, toRunJson } from '../../src/compare/run-file.ts';
import type { RunRecord } from '../../src/compare/run-record.ts';
import {
  importedCopy,
  SavedRunsState,
  type Notice,
} from '../../src/compare/saved-runs-state.svelte.ts';
import { SavedRuns } from '../../src/compare/saved-runs.ts';
import {
  describeStorageError,
  STORAGE_TIMEOUT_MS,
  storageCall,
} from '../../src/compare/storage-call.ts';
import { FakeClock } from './fake-clock.ts';
import { makeRecord } from './records.ts';

let databases = 0;
const fresh = () => new SavedRuns(createStore(`hostile-import-${databases++}`, 'saved-runs'));
const file = (r: RunRecord, name = 'run.json') =>
  new File([toRunJson(r, { includeSupportVectors: false })], name);

function state(store: SavedRuns, knownIds: string[] = [], timer = new FakeClock()) {
  const notices: Notice[] = [];
  let ids = 0;
  const s = new SavedRunsState(store, (n) => notices.push(n), {
    knownIds: () => knownIds,
    newId: () => `new-${++ids}`,
    timer,
  });
  return { s, notices, timer };
}

/** Lets pending promise callbacks (and fake-indexeddb's own timers) run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('an import whose id is already known', () => {
  it('becomes a new run next to a saved one, which keeps its numbers', async () => {
    const store = fresh();
    const { s, notices } = state(store);
    await s.pin(makeRecord({ id: 'a', label: 'real' }));
    const forged = makeRecord({ id: 'a', label: 'real', w: [9, 9], b: 9 });
    await s.importFile(file(forged));
    expect(s.saved.map((r) => [r.id, r.label, r.b])).toEqual([
      ['a', 'real', 0.545],
      ['new-1', 'real (imported)', 9],
    ]);
    expect(s.importedIds).toEqual(['new-1']);
    expect(notices.at(-1)?.text).toBe(
      'Imported “real (imported)” as a new run (its id is already here), saved.',
    );
    expect((await store.get('a'))?.b).toBe(0.545);
  });

  it("becomes a new run when the id is this tab's (or another tab's) run", async () => {
    const { s } = state(fresh(), ['mine']);
    await s.importFile(file(makeRecord({ id: 'mine' })));
    expect(s.saved.map((r) => r.id)).toEqual(['new-1']);
    await s.importFile(file(makeRecord({ id: 'u', status: 'paused', epoch: 400 })));
    await s.importFile(file(makeRecord({ id: 'u', status: 'paused', epoch: 400 })));
    expect(s.unsaved.map((r) => r.id)).toEqual(['u', 'new-2']);
  });

  it('becomes a new run when the store holds the id but the list does not show it yet', async () => {
    const store = fresh();
    await store.pin(makeRecord({ id: 'other-tab' })); // pinned by another tab meanwhile
    const { s } = state(store);
    await s.importFile(file(makeRecord({ id: 'other-tab', label: 'x' })));
    expect(s.saved.map((r) => r.id).sort()).toEqual(['new-1', 'other-tab']);
  });

  it('quotes a long or odd file name as a short escaped excerpt', async () => {
    const { s } = state(fresh());
    await s.importFile(new File(['{'], 'x'.repeat(5000) + '\u202E.json'));
    expect(s.importError).toMatch(/^Could not import “x{60}…”: not JSON/);
    await s.importFile(new File(['{'], 'a\u202Eb.json'));
    expect(s.importError).toMatch(/^Could not import “a\\u\{202E\}b\.json”: not JSON/);
  });

  it('marks the label within its 80 characters', () => {
    const copy = importedCopy(makeRecord({ label: 'y'.repeat(80) }), 'z');
    expect(copy.label).toBe('y'.repeat(69) + ' (imported)');
    expect(copy.id).toBe('z');
  });
});

describe('a run file whose numbers disagree', () => {
  const text = (over: Partial<RunRecord>) =>
    JSON.stringify({ format: 'hinge-lab/run', version: 1, ...makeRecord(), ...over });

  it.each([
    [{ epoch: 1e15 }, 'epoch must be at most hp.epochs (400), got 1000000000000000'],
    [{ epoch: 401 }, 'epoch must be at most hp.epochs (400), got 401'],
    [{ epoch: 200 }, 'curves.epochs must end at epoch 200, got 400'],
    [
      { metrics: { meanLoss: 9.99, objective: 0.166, svCount: 3, accuracy: 0.95 } },
      'curves.meanLoss at epoch 400 must equal metrics.meanLoss (9.99), got 0.148',
    ],
  ])('is refused: %j', (over, error) => {
    expect(parseRunJson(text(over))).toEqual({ ok: false, error });
  });

  it('a label with a right-to-left override is read without it', () => {
    const read = parseRunJson(text({ label: 'run \u202Egnp.exe\u202C ok' }));
    expect(read.ok && read.record.label).toBe('run gnp.exe ok');
  });
});

describe('storage that fails or never answers', () => {
  const never = () => new Promise<never>(() => undefined);
  const hung = {
    list: never,
    pin: never,
    has: never,
    remove: never,
    clearAll: never,
    rename: never,
  } as unknown as SavedRuns;

  it('reports a call that does not answer within STORAGE_TIMEOUT_MS, not before', async () => {
    const clock = new FakeClock();
    let error: unknown = null;
    storageCall(never, clock).catch((e: unknown) => (error = e));
    clock.advance(STORAGE_TIMEOUT_MS - 1);
    await settle();
    expect(error).toBeNull();
    clock.advance(1);
    await settle();
    expect(String(error)).toBe("Error: the browser's storage did not answer within 5 s");
    expect(clock.pending).toBe(0);
  });

  it('Pin, Import and the list each say so when the store hangs', async () => {
    const { s, timer, notices } = state(hung);
    const closed = s.open();
    let pinError: unknown = null;
    const pinning = s.pin(makeRecord({ id: 'p' })).catch((e: unknown) => (pinError = e));
    const importing = s.importFile(file(makeRecord({ id: 'i' }), 'i.json'));
    await settle();
    expect(notices.map((n) => n.text)).toEqual(['Importing “article”…']); // said at once
    timer.advance(STORAGE_TIMEOUT_MS); // the list, the pin and the import's id check
    await settle();
    timer.advance(STORAGE_TIMEOUT_MS); // the import's save
    await Promise.all([pinning, importing]);
    expect(String(pinError)).toBe(
      "Error: the browser's storage did not answer within 5 s. Export run still saves it as a file",
    );
    expect(s.importError).toBe(
      "Imported “i.json” but could not save it: the browser's storage did not answer within 5 s. " +
        'It is shown until this tab closes; the file still holds it.',
    );
    expect(s.unsaved.map((r) => r.id)).toEqual(['i']);
    expect(s.storageError).toMatch(
      /^Saved runs are not available here: the browser's storage did not answer within 5 s\. Runs can still be/,
    );
    closed();
  });

  it.each([
    [new TypeError('Illegal invocation'), "the browser's storage is not available here"],
    [new ReferenceError('indexedDB is not defined'), "the browser's storage is not available here"],
    [new DOMException('', 'QuotaExceededError'), "the browser's storage for this site is full"],
    [new RangeError('only a finished run can be pinned.'), 'only a finished run can be pinned'],
    ['weird', "the browser's storage is not available here (weird)"],
  ])('words %s plainly', (e, words) => {
    expect(describeStorageError(e)).toBe(words);
  });
});
