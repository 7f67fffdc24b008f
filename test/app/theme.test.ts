import { describe, expect, it } from 'vitest';
import { THEME_KEY, ThemeState, type ThemeHost } from '../../src/app/theme.svelte.ts';

/** A root element that records its data-theme attribute, and a Map-backed storage. */
function host(saved?: string, failing = false) {
  const attrs = new Map<string, string>();
  const store = new Map<string, string>();
  if (saved !== undefined) store.set(THEME_KEY, saved);
  const h: ThemeHost = {
    root: {
      setAttribute: (k, v) => void attrs.set(k, v),
      removeAttribute: (k) => void attrs.delete(k),
    },
    storage: {
      getItem: (k) => {
        if (failing) throw new Error('denied');
        return store.get(k) ?? null;
      },
      setItem: (k, v) => {
        if (failing) throw new Error('denied');
        store.set(k, v);
      },
    },
  };
  return { h, attrs, store };
}

describe('ThemeState', () => {
  it('follows the system (no data-theme) when nothing is saved', () => {
    const { h, attrs } = host();
    expect(new ThemeState(h).theme).toBe('system');
    expect(attrs.has('data-theme')).toBe(false);
  });

  it('applies a saved choice at once', () => {
    const { h, attrs } = host('dark');
    expect(new ThemeState(h).theme).toBe('dark');
    expect(attrs.get('data-theme')).toBe('dark');
  });

  it('sets, saves and clears the attribute as the choice changes', () => {
    const { h, attrs, store } = host();
    const t = new ThemeState(h);
    t.theme = 'light';
    expect(attrs.get('data-theme')).toBe('light');
    expect(store.get(THEME_KEY)).toBe('light');
    t.theme = 'system';
    expect(attrs.has('data-theme')).toBe(false);
    expect(store.get(THEME_KEY)).toBe('system');
  });

  it('ignores junk in storage and survives storage that throws', () => {
    const junk = host('purple');
    expect(new ThemeState(junk.h).theme).toBe('system');
    expect(junk.attrs.has('data-theme')).toBe(false);
    const failing = host(undefined, true);
    const t = new ThemeState(failing.h);
    t.theme = 'dark';
    expect(t.theme).toBe('dark');
    expect(failing.attrs.get('data-theme')).toBe('dark');
  });

  it('refuses a value that is not a theme, naming the allowed ones', () => {
    const t = new ThemeState(host().h);
    expect(() => ((t as { theme: string }).theme = 'blue')).toThrow(/system, light, dark/);
    expect(t.theme).toBe('system');
  });
});
