import { describe, expect, it } from 'vitest';
import { checkLabel, MAX_LABEL_LENGTH } from '../../src/compare/run-label.ts';

describe('checkLabel', () => {
  it.each([
    ['lr 0.1', 'lr 0.1'],
    ['  padded  ', 'padded'],
    ['x'.repeat(MAX_LABEL_LENGTH), 'x'.repeat(MAX_LABEL_LENGTH)],
    // 80 emoji are 160 UTF-16 units but 80 characters.
    ['😀'.repeat(80), '😀'.repeat(80)],
    // Bidi controls are removed: an override cannot disguise a name (issue 18).
    ['run \u202Egnp.exe\u202C ok', 'run gnp.exe ok'],
    ['\u2067a\u2069 \u200Fb\u200E\u061C', 'a b'],
  ])('accepts %j as %j', (raw, label) => {
    expect(checkLabel(raw)).toEqual({ ok: true, label });
  });

  it.each([
    ['', 'label must be 1 to 80 characters, got nothing after trimming spaces'],
    ['   ', 'label must be 1 to 80 characters, got nothing after trimming spaces'],
    ['x'.repeat(81), 'label must be 1 to 80 characters, got 81 characters'],
    ['a\nb', 'label must not contain control characters (line breaks, tabs)'],
    ['\u202E\u202C', 'label must be 1 to 80 characters, got nothing after trimming spaces'],
    [42, 'label must be text, got number'],
    [null, 'label must be text, got null'],
  ])('refuses %j: %s', (raw, error) => {
    expect(checkLabel(raw)).toEqual({ ok: false, error });
  });
});
