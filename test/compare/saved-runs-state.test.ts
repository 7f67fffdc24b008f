import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { SavedRunsState, type Notice } from '../../src/compare/saved-runs-state.svelte.ts';
import { toRunJson } from '../../src/compare/run-file.ts';
import { SavedRuns } from '../../src/compare/saved-runs.ts';
import { makeRecord } from './records.ts';

let databases = 0;
function state(store = new SavedRuns(createStore(`saved-state-${databases++}`, 'saved-runs'))) {
  const notices: Notice[] = [];
  const s = new SavedRunsState(store, (n) => notices.push(n));
  return { s, notices, store };
}
/** A run file of a record (without its support vectors). */
const json = (over: Parameters<typeof makeRecord>[0]) =>
  toRunJson(makeRecord(over), { includeSupportVectors: false });
const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('SavedRunsState', () => {
  it('imports a finished run as saved and an unfinished one for this session only', async () => {
    const { s, notices } = state();
    await s.importFile(file('a.json', json({ id: 'a' })));
    await s.importFile(file('b.json', json({ id: 'b', status: 'running' })));
    expect(s.saved.map((r) => r.id)).toEqual(['a']);
    expect(s.importedIds).toEqual(['a']);
    expect(s.unsaved.map((r) => r.id)).toEqual(['b']);
    expect(notices.map((n) => n.text)).toEqual([
      'Importing “article”…',
      'Imported “article”, saved.',
      'Importing “article”…',
      'Imported “article”, shown until this tab closes (unfinished runs are not saved).',
    ]);
    expect(s.importError).toBe('');
  });

  it('names the file and the fault of a bad import, and saves nothing', async () => {
    const { s } = state();
    await s.importFile(file('bad.json', '{"format": "nope"'));
    expect(s.importError).toMatch(/^Could not import “bad\.json”: .+\.$/);
    expect(s.saved).toEqual([]);
  });

  it('says so when the store fails, in plain words, instead of throwing', async () => {
    const failing = {
      list: () => Promise.reject(new DOMException('x', 'InvalidStateError')),
      pin: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
      remove: () => Promise.reject(new Error('blocked')),
      clearAll: () => Promise.reject(new Error('blocked')),
      rename: () => Promise.reject(new TypeError('Illegal invocation')),
      has: () => Promise.resolve(false),
    } as unknown as SavedRuns;
    const { s, notices } = state(failing);
    await s.remove('x');
    expect(notices.at(-1)).toEqual({
      kind: 'error',
      text: "Could not delete the run: the browser's storage is not available here (blocked).",
    });
    await s.importFile(file('a.json', json({ id: 'a' })));
    expect(s.importError).toBe(
      "Imported “a.json” but could not save it: the browser's storage for this site is full. " +
        'It is shown until this tab closes; the file still holds it.',
    );
    expect(s.unsaved.map((r) => r.id)).toEqual(['a']);
    expect(await s.rename('a', 'x')).toEqual({
      ok: false,
      error: "the browser's storage is not available here",
    });
    await expect(s.pin(makeRecord({ id: 'b' }))).rejects.toThrow(
      "the browser's storage for this site is full. Export run still saves it as a file",
    );
  });

  it('renames and deletes, and clear() forgets the unsaved ones too', async () => {
    const { s } = state();
    await s.pin(makeRecord({ id: 'a' }));
    expect(await s.rename('a', 'new name')).toEqual({ ok: true });
    expect(s.saved[0]?.label).toBe('new name');
    await s.importFile(file('b.json', json({ id: 'b', status: 'paused' })));
    await s.clear();
    expect(s.saved).toEqual([]);
    expect(s.unsaved).toEqual([]);
  });
});
