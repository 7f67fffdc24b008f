/**
 * Fuzzing the readers of untrusted text (fast-check): numbers as the form and the link spell
 * them, whole link hashes, CLI flag values and run files. Each agrees with a plain oracle or
 * never throws, and whatever it quotes back stays short. How long an input takes is measured by
 * bench/parse-bench.ts, never here: a test that depends on time would fail on a busy machine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunJson } from '../../src/compare/run-file.ts';
import { EXCERPT_LENGTH, MAX_NUMBER_TEXT } from '../../src/settings/excerpt.ts';
import { FlagError, parseFlagValue, schemaFlags } from '../../src/settings/flags.ts';
import { checkText } from '../../src/settings/form.ts';
import { SETTINGS } from '../../src/settings/schema.ts';
import { parseNumber } from '../../src/settings/text.ts';
import { describeIgnored, parseHash } from '../../src/url-state.ts';

/**
 * The number grammar written as a scanner, one character at a time (the oracle): optional sign,
 * digits with an optional '.' and more digits, or '.' and digits; then optionally e/E, a sign
 * and digits. Nothing else, after trimming.
 */
function spells(text: string): boolean {
  const t = text.trim();
  if (t.length > MAX_NUMBER_TEXT) return false;
  let i = 0;
  const digits = () => {
    const from = i;
    while (i < t.length && t[i]! >= '0' && t[i]! <= '9') i++;
    return i - from;
  };
  if (t[i] === '+' || t[i] === '-') i++;
  const whole = digits();
  let fraction = 0;
  if (t[i] === '.') {
    i++;
    fraction = digits();
  }
  if (whole === 0 && fraction === 0) return false;
  if (t[i] === 'e' || t[i] === 'E') {
    i++;
    if (t[i] === '+' || t[i] === '-') i++;
    if (digits() === 0) return false;
  }
  return i === t.length;
}

/** Text built of the characters a number is made of, and a few that end it badly. */
const numberish = fc
  .array(fc.constantFrom(...'0123456789.eE+-x ,\u00A0٣١\u202E'), { maxLength: 40 })
  .map((cs) => cs.join(''));

/** A long digit run (up to 5,000 digits) with a bad or good ending: the old regex's worst case. */
const longRun = fc
  .tuple(
    fc.integer({ min: 1, max: 5000 }),
    fc.constantFrom('', 'x', '.', 'e', 'e+', '.5e-3', ' ', '😀'),
  )
  .map(([n, end]) => '9'.repeat(n) + end);

const anyText = fc.oneof(
  numberish,
  longRun,
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

describe('parseNumber (fuzzed)', () => {
  it('reads exactly what the grammar spells, as Number does', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const v = parseNumber(text);
        if (spells(text)) expect(v).toBe(Number(text.trim()));
        else expect(v).toBeNaN();
      }),
      { numRuns: 2000 },
    );
  });

  it('a field message never quotes more than a short excerpt of the text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...SETTINGS.entries.map((e) => e.key)), (text, key) => {
        const check = checkText(SETTINGS, key, text);
        if (!check.ok) expect(check.message.length).toBeLessThan(260);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('link hashes (fuzzed)', () => {
  const key = fc.constantFrom(...SETTINGS.entries.map((e) => e.key), 'x', '%E0%A4%A', '');
  const entry = fc.tuple(key, anyText).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  const hash = fc.oneof(
    fc.array(entry, { maxLength: 8 }).map((es) => '#' + es.join('&')),
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => '#' + s),
  );

  it('never throw, keep every setting valid and quote at most an excerpt per entry', () => {
    fc.assert(
      fc.property(hash, (h) => {
        const { settings, ignored } = parseHash(h);
        expect(parseHash(h).settings).toEqual(settings);
        for (const e of ignored) {
          // Each hidden character may become a \u{…} escape of up to 9 characters.
          expect(e.name.length).toBeLessThanOrEqual(9 * EXCERPT_LENGTH + 1);
          expect(e.raw.length).toBeLessThanOrEqual(9 * EXCERPT_LENGTH + 1);
        }
        expect(describeIgnored(ignored).length).toBeLessThan(100 + 700 * ignored.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('report a repeated key once per earlier entry, whatever its values', () => {
    fc.assert(
      fc.property(fc.array(numberish, { minLength: 2, maxLength: 5 }), (values) => {
        const h = '#' + values.map((v) => `lr=${encodeURIComponent(v)}`).join('&');
        const repeats = parseHash(h).ignored.filter((e) => e.reason.includes('more than once'));
        expect(repeats).toHaveLength(values.length - 1);
      }),
    );
  });
});

describe('CLI flag values and run files (fuzzed)', () => {
  const specs = schemaFlags(SETTINGS);

  it('a flag value is read or refused with a FlagError of one short line', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...specs), (text, spec) => {
        try {
          parseFlagValue(spec, text);
        } catch (e) {
          expect(e).toBeInstanceOf(FlagError);
          expect((e as Error).message.length).toBeLessThan(260);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a run file of any text is read or refused in one sentence, never thrown', () => {
    const json = fc.oneof(
      anyText,
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ format: 'hinge-lab/run', version: 1, v })),
    );
    fc.assert(
      fc.property(json, (text) => {
        const read = parseRunJson(text);
        if (!read.ok) expect(read.error.length).toBeLessThan(400);
      }),
      { numRuns: 500 },
    );
  });
});
