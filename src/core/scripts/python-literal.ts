/**
 * Python source text for values: a float as Python's repr() writes it, and any user text (a run's
 * name, a file name) as a Python string literal that reads back as the same text, whatever it
 * holds (quotes, backslashes, newlines, any Unicode). The scripts embed user text only this way,
 * never in comments, so no text can end a literal or a line and become code.
 */

/**
 * Python's repr() of a float: the shortest decimal that reads back as the same double (the same
 * digits as ECMAScript's Number::toString: both pick the shortest, then the nearest), in Python's
 * layout: positional when the decimal exponent e (v = d.ddd·10^e) is in [−4, 16), with '.0' for an
 * integer ('1.0', '0.0001', '1234567890123456.0'), else scientific with a signed exponent of at
 * least two digits ('1e-05', '1.5e+16'); '-0.0', 'nan', 'inf', '-inf'.
 */
export function pyRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const sign = v < 0 ? '-' : '';
  // toExponential() with no argument gives the shortest round-trip digits: "d.ddde±x".
  const [mantissa, expText] = Math.abs(v).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(expText);
  if (e < -4 || e >= 16) {
    const rest = digits.slice(1);
    const ex = Math.abs(e).toString().padStart(2, '0');
    return `${sign}${digits[0]}${rest ? '.' + rest : ''}e${e < 0 ? '-' : '+'}${ex}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${whole}.${frac || '0'}`;
}

/**
 * A Python expression for the float v: pyRepr(v) for finite v (a float literal: '1.0', never the
 * int '1'), and float('nan') / float('inf') / -float('inf') otherwise (repr's 'nan' is no literal).
 */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "-float('inf')";
  return pyRepr(v);
}

/** A Python list of floats: '[1.0, -0.6]'. */
export function pyFloatList(values: readonly number[]): string {
  return `[${values.map(pyFloat).join(', ')}]`;
}

/**
 * A Python int literal for a safe integer (seeds, counts); a RangeError names anything else, so a
 * fraction never becomes code.
 */
export function pyInt(v: number): string {
  if (!Number.isSafeInteger(v)) throw new RangeError(`pyInt needs a safe integer, got ${v}`);
  return String(v);
}

/**
 * A Python string literal equal to `text`, in ASCII only (so the script reads the same in any
 * encoding): single quotes; backslash, quote and the usual controls escaped by name; any other
 * character outside printable ASCII as \xhh, \uhhhh or \Uhhhhhhhh by code point. A lone UTF-16
 * surrogate (JavaScript strings may hold one; Python could not print it) becomes U+FFFD.
 */
export function pyStr(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const c = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code; // for..of yields a lone surrogate alone
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x100) out += '\\x' + hex(c, 2);
    else if (c < 0x10000) out += '\\u' + hex(c, 4);
    else out += '\\U' + hex(c, 8);
  }
  return out + "'";
}

function hex(c: number, width: number): string {
  return c.toString(16).padStart(width, '0');
}
