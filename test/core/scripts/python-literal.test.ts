import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  pyFloat,
  pyFloatList,
  pyInt,
  pyRepr,
  pyStr,
} from '../../../src/core/scripts/python-literal.ts';
import { findPython, firstPythonWithSklearn, runPython, scratchDir } from './python.ts';

// Each test starts Python (and scikit-learn): seconds each, more on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });
const scratch = scratchDir();
afterAll(() => scratch.remove());

/** Doubles of every kind: fast-check's (subnormals, huge, tiny), random bit patterns, edges. */
function sampleDoubles(): number[] {
  const edges = [
    0,
    -0,
    1,
    -1,
    0.1,
    0.5,
    1e-4,
    1e-5,
    9.999e-5,
    1e15,
    1e16,
    9999999999999998,
    123456789012345.6,
    1234567890123456,
    2 ** 53,
    2 ** 53 + 2,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    1.7976931348623157e308,
    1e21,
    1e22,
    1e-7,
    0.05,
    0.01,
    0.3,
    1 / 3,
    100,
    1e100,
    -1.5e-300,
  ];
  const random = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 400);
  const bits = new Float64Array(
    new BigUint64Array(fc.sample(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), 300)).buffer,
  );
  const scaled = fc
    .sample(fc.integer({ min: -20, max: 20 }), 200)
    .map((e, i) => (i + 0.37) * 10 ** e);
  return [...edges, ...random, ...Array.from(bits).filter(Number.isFinite), ...scaled];
}

describe('pyRepr', () => {
  it("is Python's repr() of the same double, for every kind of double", () => {
    const values = sampleDoubles();
    // Python reads JavaScript's shortest text back to the same double, and prints its repr.
    const texts = values.map((v) => (Object.is(v, -0) ? '-0.0' : String(v)));
    const source = `import json\nfor t in json.loads(${JSON.stringify(JSON.stringify(texts))}):\n    print(repr(float(t)))\n`;
    const reprs = runPython(source, scratch.dir).trimEnd().split('\n');
    expect(values.map(pyRepr)).toEqual(reprs);
  });

  it('writes nan and the infinities as repr does, and as expressions pyFloat', () => {
    expect([NaN, Infinity, -Infinity].map(pyRepr)).toEqual(['nan', 'inf', '-inf']);
    const source = `print(repr([${[NaN, Infinity, -Infinity, 1, -0].map(pyFloat).join(', ')}]))\n`;
    expect(runPython(source, scratch.dir).trim()).toBe('[nan, inf, -inf, 1.0, -0.0]');
    expect(pyFloatList([1, -0.6])).toBe('[1.0, -0.6]');
  });

  it('pyInt takes safe integers only, naming the value', () => {
    expect(pyInt(9007199254740991)).toBe('9007199254740991');
    expect(() => pyInt(0.5)).toThrow('pyInt needs a safe integer, got 0.5');
    expect(() => pyInt(2 ** 53)).toThrow(RangeError);
  });
});

describe('pyStr', () => {
  const hostile = [
    '',
    "it's",
    'say "hi"',
    'back\\slash\\',
    "\\'",
    'line\nbreak\r\nand\ttab',
    "'''",
    '"""',
    "'); import os; os.system('echo pwned'); ('",
    'ünïcödé · λ 0.01 — 日本語',
    '😀 emoji and 𝔘 astral',
    '\u0000nul\u0007bell\u007fdel\u0085nel\u2028ls',
    'lone \ud800 high and \udfff low',
    'data\\n.csv',
    '# not a comment',
  ];

  it('reads back in Python as the same text (a lone surrogate as U+FFFD), in ASCII only', () => {
    const texts = [
      ...hostile,
      ...fc.sample(fc.string({ unit: 'binary', maxLength: 30 }), 150),
      ...fc.sample(fc.string({ unit: 'grapheme', maxLength: 30 }), 150),
    ];
    const literals = texts.map(pyStr);
    for (const l of literals) expect(l).toMatch(/^'[\x20-\x7e]*'$/);
    const source = `import json\nprint(json.dumps([\n${literals.map((l) => `    ${l},`).join('\n')}\n]))\n`;
    const back = JSON.parse(runPython(source, scratch.dir)) as string[];
    expect(back).toEqual(texts.map((t) => t.replace(/\p{Surrogate}/gu, '\ufffd')));
  });

  it('escapes by name what has a name', () => {
    expect(pyStr('a\'b"c\\d\ne')).toBe("'a\\'b\"c\\\\d\\ne'");
    expect(pyStr('é😀')).toBe("'\\xe9\\U0001f600'");
  });
});

describe('the Python the tests run', () => {
  it('is the first candidate with scikit-learn; none fails naming each tried and what to install', () => {
    expect(firstPythonWithSklearn(['/nonexistent/python3', findPython().python]).python).toBe(
      findPython().python,
    );
    expect(() => firstPythonWithSklearn(['/nonexistent/python3', 'false'])).toThrow(
      /^no Python with scikit-learn and numpy: tried \/nonexistent\/python3 \(spawnSync \/nonexistent\/python3 ENOENT\); false \(exit code 1\)\. Install them \(Debian or Ubuntu: apt-get install -y python3-sklearn python3-numpy; elsewhere: pip install scikit-learn numpy\) or set HINGE_PYTHON to such an interpreter$/,
    );
  });
});
