import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportFormat } from '../../../src/core/import/types.ts';
import { bytesOf, importText, plain } from './helpers.ts';

/** Texts made of the characters that matter to the parsers, in any order. */
const text = fc
  .array(
    fc.constantFrom(
      ...[',', ';', '"', '\n', '\r\n', ' ', '\t', ':', '#', '1', '0', '-1', '+1', '2:3', '.5'],
      ...['e', 'e9', 'x', 'NaN', 'é', '\uFEFF', '1.25', '7', 'a,b,y\n', '1 1:2 2:3\n'],
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** The import's outcome: the data, or the ImportError's message (any other throw fails). */
function outcome(format: ImportFormat, bytes: Uint8Array, cuts: number[]): unknown {
  try {
    return plain(importText(format, bytes, {}, cuts));
  } catch (e) {
    if (e instanceof ImportError) return { error: e.message };
    throw e;
  }
}

describe('importers on arbitrary text', () => {
  it('end in data or an ImportError, the same however the bytes are chunked', () => {
    let imported = 0;
    fc.assert(
      fc.property(
        text,
        fc.constantFrom<ImportFormat>('csv', 'libsvm'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (t, format, raw) => {
          const bytes = bytesOf(t);
          const cuts = [...new Set(raw.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const whole = outcome(format, bytes, []);
          if (!('error' in (whole as object))) imported++;
          expect(outcome(format, bytes, cuts)).toEqual(whole);
          const single = Array.from({ length: bytes.length }, (_, k) => k);
          expect(outcome(format, bytes, single)).toEqual(whole);
        },
      ),
      { numRuns: 3000 },
    );
    // Not only errors: some texts are datasets.
    expect(imported).toBeGreaterThan(30);
  });
});
