/**
 * Bytes as text for the importers' slow paths — messages, header names, label names — so the
 * core needs no TextDecoder. None of this runs per value.
 */

/** The UTF-8 bytes [start, stop) as a string; a malformed sequence becomes U+FFFD. */
export function decodeUtf8(buf: Uint8Array, start: number, stop: number): string {
  let out = '';
  let i = start;
  while (i < stop) {
    const b = buf[i]!;
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0) [cp, len] = tail(buf, i, stop, b & 0x1f, 2, 0x80);
    else if (b >= 0xe0 && b < 0xf0) [cp, len] = tail(buf, i, stop, b & 0x0f, 3, 0x800);
    else if (b >= 0xf0 && b < 0xf5) [cp, len] = tail(buf, i, stop, b & 0x07, 4, 0x10000);
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** A multi-byte sequence's code point and length, or U+FFFD and 1 when it is malformed. */
function tail(
  buf: Uint8Array,
  i: number,
  stop: number,
  lead: number,
  len: number,
  min: number,
): [number, number] {
  if (i + len > stop) return [0xfffd, 1];
  let cp = lead;
  for (let k = 1; k < len; k++) {
    const c = buf[i + k]!;
    if ((c & 0xc0) !== 0x80) return [0xfffd, 1];
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return [0xfffd, 1];
  return [cp, len];
}

/** 1 + the characters (code points) in [lineStart, pos): a 1-based column. */
export function columnOf(buf: Uint8Array, lineStart: number, pos: number): number {
  let column = 1;
  for (let i = lineStart; i < pos; i++) if ((buf[i]! & 0xc0) !== 0x80) column++;
  return column;
}

/** At most this many characters of a field appear in a message. */
const EXCERPT_CHARS = 40;

/**
 * A short, escaped quotation of some text for a message: JSON string syntax (so quotes, control
 * characters and line ends show as \", \t, \r), cut to 40 characters with "…".
 */
export function quote(text: string): string {
  const chars = Array.from(text);
  const cut = chars.length > EXCERPT_CHARS ? chars.slice(0, EXCERPT_CHARS).join('') + '…' : text;
  return JSON.stringify(cut);
}

/** quote() of the bytes [start, stop); "an empty field" when there are none. */
export function excerpt(buf: Uint8Array, start: number, stop: number): string {
  if (start >= stop) return 'an empty field';
  // Decode enough for 41 characters (4 bytes at most each), never the whole of a long line.
  return quote(decodeUtf8(buf, start, Math.min(stop, start + 4 * (EXCERPT_CHARS + 1))));
}

/** True for [+-]?(nan|inf|infinity) in any case: the words for non-finite numbers. */
export function isNonFiniteWord(buf: Uint8Array, start: number, stop: number): boolean {
  let p = start;
  if (p < stop && (buf[p] === 43 || buf[p] === 45)) p++;
  let word = '';
  for (; p < stop && word.length <= 8; p++) word += String.fromCharCode(buf[p]! | 0x20);
  return word === 'nan' || word === 'inf' || word === 'infinity';
}
