import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_PARAM,
  TAB_RUN_KEY,
  TabRun,
  takeDuplicateMark,
  type StorageLike,
} from '../../src/compare/tab-run.ts';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

function ids(): () => string {
  let k = 0;
  return () => `id-${++k}`;
}

describe('TabRun', () => {
  it('makes an id once and keeps it across reloads (same storage)', () => {
    const storage = memoryStorage();
    const newId = ids();
    const first = new TabRun(storage, { newId, now: 5 });
    expect(first.id).toBe('id-1');
    expect(first.createdAt).toBe(5);
    const reloaded = new TabRun(storage, { newId, now: 9 });
    expect(reloaded.id).toBe('id-1');
    expect(reloaded.createdAt).toBe(5);
  });

  it('gives a duplicate tab a fresh id but keeps the user’s label', () => {
    const storage = memoryStorage();
    const newId = ids();
    const run = new TabRun(storage, { newId });
    expect(run.setLabel('  baseline ')).toEqual({ ok: true });
    const copy = new TabRun(storage, { newId, duplicate: true });
    expect(copy.id).toBe('id-2');
    expect(copy.label).toBeNull();
  });

  it('takes a fresh id on Train only once the id has trained epochs', () => {
    const run = new TabRun(memoryStorage(), { newId: ids() });
    expect(run.trainStarted()).toBe(false);
    run.reach(0);
    expect(run.trainStarted()).toBe(false);
    expect(run.id).toBe('id-1');
    run.reach(12);
    expect(run.trainStarted(77)).toBe(true);
    expect(run.id).toBe('id-2');
    expect(run.createdAt).toBe(77);
    expect(run.trainStarted()).toBe(false); // the new id has no epochs yet
  });

  it('remembers progress across a reload, so Train after a reload takes a fresh id', () => {
    const storage = memoryStorage();
    const newId = ids();
    new TabRun(storage, { newId }).reach(400);
    const reloaded = new TabRun(storage, { newId });
    expect(reloaded.id).toBe('id-1');
    expect(reloaded.trainStarted()).toBe(true);
    expect(reloaded.id).toBe('id-2');
  });

  it('checks labels with checkLabel and restores the default with null', () => {
    const run = new TabRun(memoryStorage(), { newId: ids() });
    expect(run.setLabel('   ')).toEqual({
      ok: false,
      error: 'label must be 1 to 80 characters, got nothing after trimming spaces',
    });
    expect(run.setLabel('a\tb').ok).toBe(false);
    expect(run.label).toBeNull();
    expect(run.setLabel(' lr sweep ')).toEqual({ ok: true });
    expect(run.label).toBe('lr sweep');
    run.setLabel(null);
    expect(run.label).toBeNull();
  });

  it('starts afresh from storage that does not read, and survives storage that throws', () => {
    for (const text of [
      '{',
      '[]',
      '{"id":"","createdAt":1,"reached":0,"label":null}',
      '{"id":"x","createdAt":1,"reached":-1,"label":null}',
    ]) {
      const storage = memoryStorage();
      storage.data.set(TAB_RUN_KEY, text);
      expect(new TabRun(storage, { newId: () => 'fresh' }).id).toBe('fresh');
    }
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const run = new TabRun(full, { newId: () => 'only' });
    expect(run.id).toBe('only');
    expect(run.setLabel('ok')).toEqual({ ok: true });
    expect(new TabRun(null, { newId: () => 'none' }).id).toBe('none');
  });
});

describe('takeDuplicateMark', () => {
  it('reports the mark and takes it out of the URL, keeping the rest', () => {
    const calls: string[] = [];
    const hist = {
      state: null,
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
        void calls.push(String(url)),
    };
    const loc = { pathname: '/app/', search: `?${DUPLICATE_PARAM}&x=1`, hash: '#seed=7' };
    expect(takeDuplicateMark(loc, hist)).toBe(true);
    expect(calls).toEqual(['/app/?x=1#seed=7']);
    expect(takeDuplicateMark({ ...loc, search: `?${DUPLICATE_PARAM}` }, hist)).toBe(true);
    expect(calls[1]).toBe('/app/#seed=7');
    expect(takeDuplicateMark({ ...loc, search: '' }, hist)).toBe(false);
    expect(calls).toHaveLength(2);
  });
});
