/**
 * Hostile text in every reader of settings (issue 18, issue 15 item 6): long digit runs, hidden
 * characters, bad escapes and repeated keys in a link. Messages quote at most a short escaped
 * excerpt and state the length limit; the link says what it dropped.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/fields.ts';
import { excerpt, MAX_NUMBER_TEXT, quoted, visible } from '../../src/settings/excerpt.ts';
import { FlagError, parseFlagValue } from '../../src/settings/flags.ts';
import { checkText } from '../../src/settings/form.ts';
import { SETTINGS } from '../../src/settings/schema.ts';
import { parseNumber } from '../../src/settings/text.ts';
import { describeIgnored, parseHash } from '../../src/url-state.ts';
import { CHOICE_SCHEMA } from './choice-schema.ts';

const DIGITS = '1'.repeat(200_000);

describe('excerpt', () => {
  it('keeps a short text, cuts a long one with its length, never splits a surrogate pair', () => {
    expect(quoted('abc')).toBe('"abc"');
    expect(quoted(DIGITS + 'x')).toBe(`"${'1'.repeat(32)}…" (200,001 characters)`);
    expect(excerpt('a'.repeat(31) + '😀' + 'b')).toBe('a'.repeat(31) + '…');
  });

  it('writes bidi controls, zero-width and control characters as escapes', () => {
    expect(visible('run \u202Egnp.exe\u202C ok\u200B\n')).toBe(
      'run \\u{202E}gnp.exe\\u{202C} ok\\u{200B}\\u{A}',
    );
    expect(visible('\uD800x')).toBe('\\u{D800}x');
  });
});

describe('number text', () => {
  it(`refuses a number longer than ${MAX_NUMBER_TEXT} characters, reads one that long`, () => {
    expect(parseNumber('1'.repeat(MAX_NUMBER_TEXT))).toBe(Number('1'.repeat(MAX_NUMBER_TEXT)));
    expect(parseNumber('1'.repeat(MAX_NUMBER_TEXT + 1))).toBeNaN();
    expect(parseNumber(` ${'0'.repeat(MAX_NUMBER_TEXT - 3)}.5 `)).toBe(0.5);
  });

  it('a field message quotes an excerpt of a long value and states the limit', () => {
    const check = checkText(SETTINGS, 'seed', DIGITS + 'x');
    expect(check).toEqual({
      ok: false,
      message:
        `seed must be an integer in [0, 9007199254740991], got "${'1'.repeat(32)}…" ` +
        `(200,001 characters); a number is written in at most ${MAX_NUMBER_TEXT} characters`,
    });
  });

  it('a long choice text is quoted as an excerpt, a short one as the core words it', () => {
    const long = checkText(CHOICE_SCHEMA, 'optimizer', 'a'.repeat(10_000));
    expect(long.ok || long.message).toMatch(/got "a{32}…" \(10,000 characters\)$/);
    const short = checkText(CHOICE_SCHEMA, 'optimizer', 'adam');
    expect(short.ok || short.message).toMatch(/got "adam"$/);
  });

  it('a replacement pattern in the text is quoted, not expanded', () => {
    const check = checkText(SETTINGS, 'lr', "$'$&x");
    expect(check.ok || check.message).toBe('lr must be a finite number > 0, got "$\'$&x"');
  });

  it('a CLI flag quotes an excerpt and states the limit', () => {
    const spec = { flag: 'seed', limit: { kind: 'integer', min: 0, max: 9 } } as const;
    const read = () => parseFlagValue(spec, DIGITS + 'x');
    expect(read).toThrow(FlagError);
    expect(read).toThrow(
      `--seed must be an integer in [0, 9], got '${'1'.repeat(32)}…' ` +
        `(200,001 characters; a number is at most ${MAX_NUMBER_TEXT})`,
    );
    expect(() => parseFlagValue(spec, 'x')).toThrow("--seed must be an integer in [0, 9], got 'x'");
  });
});

describe('a hostile link', () => {
  it('quotes a 200 KB value as an excerpt in the notice', () => {
    const { settings, ignored } = parseHash(`#seed=${DIGITS}x`);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.raw).toBe('1'.repeat(32) + '…');
    expect(ignored[0]!.reason.length).toBeLessThan(200);
    expect(describeIgnored(ignored).length).toBeLessThan(120);
  });

  it('quotes a 200 KB unknown name as an excerpt', () => {
    const { ignored } = parseHash(`#${'k'.repeat(200_000)}=1`);
    expect(ignored).toEqual([{ name: 'k'.repeat(32) + '…', raw: '1', reason: 'not a setting' }]);
  });

  it('shows a key with a bad escape as its own text, not the whole entry twice', () => {
    const { ignored } = parseHash('#%E0%A4%A=1');
    expect(ignored).toEqual([
      { name: '%E0%A4%A', raw: '1', reason: 'malformed escape in the name' },
    ]);
    expect(describeIgnored(ignored)).toBe(
      'Ignored from the link (defaults used instead): %E0%A4%A=1.',
    );
  });

  it('says when a key repeats, uses the last and reports each earlier one', () => {
    const { settings, ignored } = parseHash('#seed=7&lr=0.1&seed=8&seed=9');
    expect(settings.recipe.seed).toBe(9);
    expect(settings.hp.lr).toBe(0.1);
    expect(ignored).toEqual([
      { name: 'seed', raw: '7', reason: 'seed is given more than once; the last is used' },
      { name: 'seed', raw: '8', reason: 'seed is given more than once; the last is used' },
    ]);
  });

  it('uses no earlier value when the last one of a repeated key is bad', () => {
    const { settings, ignored } = parseHash('#seed=9&seed=x');
    expect(settings.recipe.seed).toBe(DEFAULT_SETTINGS.recipe.seed);
    expect(ignored.map((e) => e.raw)).toEqual(['9', 'x']);
  });

  it('escapes hidden characters of a value', () => {
    const { ignored } = parseHash('#seed=%E2%80%AEx');
    expect(ignored[0]!.raw).toBe('%E2%80%AEx');
    const named = parseHash('#%E2%80%AE=1').ignored;
    expect(named[0]!.name).toBe('\\u{202E}');
  });
});
