/**
 * `npx tsx bench/parse-bench.ts [--json]`: microseconds per input of the readers of untrusted
 * text, on the hostile inputs of issue 18 — a run of digits ending in a bad character, at
 * 10^3 to 2·10^5 characters — for parseNumber, a field's check, a whole link hash and a CLI flag,
 * next to the regex they used to have (`\d+\.?\d*`, quadratic on such a run; timed only up to
 * 2·10^4 characters, as it takes seconds beyond). Linear readers grow 10× per 10× length.
 * Each figure is the median of several timed batches after a warm-up. Figures, not tests.
 */
import { performance } from 'node:perf_hooks';
import { parseFlagValue, schemaFlags } from '../src/settings/flags.ts';
import { checkText } from '../src/settings/form.ts';
import { SETTINGS } from '../src/settings/schema.ts';
import { parseNumber } from '../src/settings/text.ts';
import { parseHash } from '../src/url-state.ts';

const OLD = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** text.ts's NUMBER, timed alone (parseNumber refuses a text over 100 characters before it). */
const NEW = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const seedFlag = schemaFlags(SETTINGS).find((s) => s.flag === 'seed')!;

const readers: [string, (text: string) => unknown, number][] = [
  ['parseNumber', parseNumber, Infinity],
  ['field check (seed)', (t) => checkText(SETTINGS, 'seed', t), Infinity],
  ['link hash #seed=…', (t) => parseHash(`#seed=${t}`), Infinity],
  [
    'CLI --seed',
    (t) => {
      try {
        return parseFlagValue(seedFlag, t);
      } catch (e) {
        return e;
      }
    },
    Infinity,
  ],
  ['number regex alone', (t) => NEW.test(t), Infinity],
  ['old regex (before)', (t) => OLD.test(t), 2e4],
];

const lengths = [1e3, 1e4, 2e4, 1e5, 2e5];
const BATCHES = 5;

/** Median microseconds per call of f(text), over batches of about 50 ms each. */
function time(f: (text: string) => unknown, text: string): number {
  f(text); // warm-up
  const t0 = performance.now();
  f(text);
  const once = Math.max(performance.now() - t0, 1e-3);
  const reps = Math.max(1, Math.min(10_000, Math.round(50 / once)));
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) f(text);
    batches.push(((performance.now() - start) * 1000) / reps);
  }
  return batches.sort((a, b) => a - b)[BATCHES >> 1]!;
}

const rows: { reader: string; length: number; microseconds: number }[] = [];
for (const [reader, f, upTo] of readers) {
  for (const length of lengths) {
    if (length > upTo) continue;
    const text = '1'.repeat(length - 1) + 'x';
    rows.push({ reader, length, microseconds: time(f, text) });
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const head = ['reader'.padEnd(20), ...lengths.map((n) => `${n} chars`.padStart(14))].join('');
  console.log(`µs per input: a digit run ending in 'x'\n${head}`);
  for (const [reader] of readers) {
    const cells = lengths.map((length) => {
      const row = rows.find((r) => r.reader === reader && r.length === length);
      return (row ? row.microseconds.toPrecision(3) : '—').padStart(14);
    });
    console.log(reader.padEnd(20) + cells.join(''));
  }
}
