import { describe, expect, it } from 'vitest';
import { splitDataLink, withDataLink, type LinkedSource } from '../../src/app/import-link.ts';
import { DEFAULT_SETTINGS } from '../../src/fields.ts';
import { parseHash, serialiseHash } from '../../src/url-state.ts';

const source: LinkedSource = {
  hash: '0123456789abcdef',
  name: 'my data & more #1.csv',
  rows: 60,
  d: 5,
};
const article = serialiseHash(DEFAULT_SETTINGS);

describe('the data source in the link', () => {
  it('leaves a generator link byte for byte as it was', () => {
    expect(withDataLink(article, null)).toBe(article);
    expect(withDataLink(null, source)).toBeNull();
    const split = splitDataLink(article);
    expect(split).toEqual({ rest: article, linked: null, ignored: [] });
  });

  it('appends the source after the settings and reads it back, the name escaped', () => {
    const link = withDataLink(article, source)!;
    expect(link.startsWith(article + '&data=0123456789abcdef&file=')).toBe(true);
    expect(link).not.toContain('my data');
    expect(link).toContain('&rows=60&d=5');
    const split = splitDataLink(link);
    expect(split.rest).toBe(article);
    expect(split.linked).toEqual(source);
    expect(split.ignored).toEqual([]);
    // The settings read from the rest are the settings written.
    expect(parseHash(split.rest)).toEqual({ settings: DEFAULT_SETTINGS, ignored: [] });
  });

  it('drops a source with a bad hash, rows or d, and says which', () => {
    const bad = (over: string) =>
      splitDataLink(`${article}&data=0123456789abcdef&rows=60&d=5&${over}`);
    expect(bad('data=xyz').linked).toBeNull();
    expect(bad('data=xyz').ignored.map((e) => e.name)).toEqual(['data']);
    expect(bad('rows=0').ignored.map((e) => e.name)).toEqual(['rows']);
    expect(bad('rows=10000001').linked).toBeNull();
    expect(bad('d=1001').ignored[0]!.reason).toBe('expected an integer in [1, 1000]');
    expect(bad('file=%E0%A4%A').ignored[0]!.reason).toBe('malformed escape');
    // Without rows and d there is nothing to ask for.
    expect(splitDataLink(`${article}&data=0123456789abcdef`).linked).toBeNull();
  });

  it('cuts a long name to 200 characters', () => {
    const long = { ...source, name: 'x'.repeat(1000) };
    expect(splitDataLink(withDataLink(article, long)!).linked!.name).toHaveLength(200);
  });
});
