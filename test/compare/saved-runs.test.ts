import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { SavedRuns } from '../../src/compare/saved-runs.ts';
import { makeRecord } from './records.ts';

let saved: SavedRuns;
let store: ReturnType<typeof createStore>;
let databases = 0;

beforeEach(() => {
  // A fresh database per test: fake-indexeddb keeps them for the whole file.
  store = createStore(`hinge-lab-test-${databases++}`, 'saved-runs');
  saved = new SavedRuns(store);
});

describe('SavedRuns', () => {
  it('pins finished runs and lists them oldest first', async () => {
    expect(await saved.list()).toEqual([]);
    const late = makeRecord({ id: 'late', createdAt: 20 });
    const early = makeRecord({ id: 'early', createdAt: 10, status: 'diverged' });
    const tie = makeRecord({ id: 'a-tie', createdAt: 20, status: 'cancelled' });
    for (const r of [late, early, tie]) expect(await saved.pin(r)).toEqual(r);
    expect((await saved.list()).map((r) => r.id)).toEqual(['early', 'a-tie', 'late']);
    expect(await saved.get('early')).toEqual(early);
    expect(await saved.get('missing')).toBeUndefined();
  });

  it('keeps every number exactly, support vectors included', async () => {
    const record = makeRecord({ w: [0.1 + 0.2, -1e-300], b: Number.MIN_VALUE });
    await saved.pin(record);
    expect(await saved.list()).toEqual([record]);
  });

  it('replaces a run pinned again with the same id', async () => {
    await saved.pin(makeRecord({ label: 'first' }));
    await saved.pin(makeRecord({ label: 'second' }));
    expect((await saved.list()).map((r) => r.label)).toEqual(['second']);
  });

  it('stores a trimmed copy, not the caller’s object', async () => {
    const record = makeRecord({ label: '  spaced  ' });
    const stored = await saved.pin(record);
    expect(stored.label).toBe('spaced');
    record.w[0] = 99;
    expect((await saved.get(record.id))!.w[0]).toBe(1.638);
  });

  it('refuses an unfinished or invalid run and stores nothing', async () => {
    await expect(saved.pin(makeRecord({ status: 'running' }))).rejects.toThrow(
      "only a finished run can be pinned (status is 'running'; it must be done, diverged, cancelled)",
    );
    await expect(saved.pin(makeRecord({ hp: { lr: -1, epochs: 1, reg: 0 } }))).rejects.toThrow(
      'cannot pin the run: hp.lr must be a finite number > 0, got -1',
    );
    expect(await saved.list()).toEqual([]);
  });

  it('renames a run, trimming the label and stamping updatedAt', async () => {
    await saved.pin(makeRecord());
    const renamed = await saved.rename('run-1', '  lr = 0.1  ', 1_800_000_000_000);
    expect(renamed).toEqual(makeRecord({ label: 'lr = 0.1', updatedAt: 1_800_000_000_000 }));
    expect(await saved.get('run-1')).toEqual(renamed);
  });

  it('refuses a bad label or an unknown id, changing nothing', async () => {
    await saved.pin(makeRecord());
    await expect(saved.rename('run-1', '   ')).rejects.toThrow(
      'label must be 1 to 80 characters, got nothing after trimming spaces',
    );
    await expect(saved.rename('run-1', 'x'.repeat(81))).rejects.toThrow(
      'label must be 1 to 80 characters, got 81 characters',
    );
    await expect(saved.rename('nope', 'fine')).rejects.toThrow("no saved run with id 'nope'");
    expect(await saved.list()).toEqual([makeRecord()]);
  });

  it('removes one run, and clears all', async () => {
    await saved.pin(makeRecord({ id: 'a' }));
    await saved.pin(makeRecord({ id: 'b' }));
    await saved.remove('a');
    await saved.remove('not-there');
    expect((await saved.list()).map((r) => r.id)).toEqual(['b']);
    await saved.clearAll();
    expect(await saved.list()).toEqual([]);
  });

  it('leaves unreadable entries out of the list; clearAll removes them too', async () => {
    await saved.pin(makeRecord({ id: 'good' }));
    await set('bad', { id: 'bad', label: 'written by a future version' }, store);
    expect((await saved.list()).map((r) => r.id)).toEqual(['good']);
    await expect(saved.rename('bad', 'x')).rejects.toThrow(
      "the saved run 'bad' cannot be read: status is missing",
    );
    await saved.clearAll();
    await saved.pin(makeRecord({ id: 'again' }));
    expect((await saved.list()).map((r) => r.id)).toEqual(['again']);
  });

  it('survives a new SavedRuns over the same store (a reload)', async () => {
    await saved.pin(makeRecord());
    expect(await new SavedRuns(store).list()).toEqual([makeRecord()]);
  });

  it('uses the hinge-lab / saved-runs database by default', async () => {
    const defaults = new SavedRuns();
    await defaults.pin(makeRecord({ id: 'default-store' }));
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain('hinge-lab');
    expect(
      await new SavedRuns(createStore('hinge-lab', 'saved-runs')).get('default-store'),
    ).toEqual(makeRecord({ id: 'default-store' }));
    await defaults.clearAll();
  });
});
