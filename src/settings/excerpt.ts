/**
 * Untrusted text as a message may quote it: a short prefix, with the characters that could
 * garble a line (controls, bidi overrides and isolates, zero-width and other format characters,
 * unpaired surrogates) written as \u{…} escapes, and the full length said when it was cut. A
 * 200 KB link value thus becomes `"1234567890123456789012345678901…" (200,001 characters)`, never
 * a 32,000 px banner. Linear in the prefix only: the rest of the text is never scanned.
 */

/** Characters quoted of an untrusted text. */
export const EXCERPT_LENGTH = 32;

/** Longest text read as one number (a double's shortest text has at most 24 characters). */
export const MAX_NUMBER_TEXT = 100;

/** Control (Cc), format (Cf: bidi controls, zero-width joiners…) and lone surrogates (Cs). */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

const COUNT = new Intl.NumberFormat('en-US');

/** The text with every hidden character written as \u{hex}; the text itself otherwise. */
export function visible(text: string): string {
  return text.replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/**
 * At most `max` characters of `text` (a pair of surrogates is never split), hidden characters
 * escaped, and '…' when cut. No quotes: callers add their own.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return visible(text);
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // keep a pair whole
  return visible(text.slice(0, end)) + '…';
}

/** `"text"`, or `"prefix…" (N characters)` for a long text: the form a message quotes it in. */
export function quoted(text: string, max = EXCERPT_LENGTH): string {
  const q = `"${excerpt(text, max)}"`;
  return text.length <= max ? q : `${q} (${COUNT.format(text.length)} characters)`;
}
