/**
 * What a CSV file's first non-blank line decides: how many fields every line has, which one is
 * the label, whether the line is a header, and the features' names. Pure: fields in, a shape or
 * the reason there is none out (the importer adds the line and turns it into an ImportError).
 */
import type { DecimalReader } from './decimal.ts';
import type { ImportLimits } from './import-limits.ts';
import { isNonFiniteWord, quote } from './text-bytes.ts';
import type { CsvImportOptions, ImportErrorCode } from './types.ts';

export interface CsvShape {
  /** Fields a line has; the label's index among them (0-based). */
  readonly columns: number;
  readonly labelColumn: number;
  /** The first line's fields when it is a header, else null. */
  readonly header: string[] | null;
  /** The columns − 1 feature names: the header's without the label, else x0, x1, …. */
  readonly featureNames: string[];
}

/** Why the first line gives no shape: an ImportError's code, expected and found. */
export interface ShapeProblem {
  readonly code: ImportErrorCode;
  readonly expected: string;
  readonly found: string;
}

/** The shape the first line's fields give under `options`, or the problem with them. */
export function csvShape(
  fields: string[],
  options: CsvImportOptions,
  reader: DecimalReader,
  limits: ImportLimits,
): CsvShape | ShapeProblem {
  const columns = fields.length;
  if (columns < 2) {
    const delimiter = quote(options.delimiter ?? ',');
    return {
      code: 'too-few-columns',
      expected: 'at least 2 fields (features, then a label)',
      found: `1 field (${quote(fields[0]!)}; is the delimiter ${delimiter}?)`,
    };
  }
  if (columns - 1 > limits.features) {
    return {
      code: 'too-many-features',
      expected: `at most ${limits.features} features (${limits.features + 1} fields)`,
      found: `${columns} fields`,
    };
  }
  const choice = options.labelColumn ?? -1;
  let header = options.header ?? 'auto';
  let lc: number;
  if (typeof choice === 'string') {
    lc = fields.indexOf(choice);
    if (lc < 0 || header === 'no') {
      const names = fields.slice(0, 6).map(quote).join(', ') + (columns > 6 ? ', …' : '');
      return {
        code: 'label-column',
        expected: `a header with a column named ${quote(choice)} for the labels`,
        found: header === 'no' ? 'no header (header: no)' : `the fields ${names}`,
      };
    }
    header = 'yes';
  } else {
    lc = choice < 0 ? columns + choice : choice;
    if (lc < 0 || lc >= columns) {
      return {
        code: 'label-column',
        expected:
          `a label column from ${-columns} to ${columns - 1} ` +
          `(${columns} fields, counted from 0; negative from the end)`,
        found: String(choice),
      };
    }
  }
  const isHeader = header === 'yes' || (header === 'auto' && looksLikeHeader(fields, lc, reader));
  return {
    columns,
    labelColumn: lc,
    header: isHeader ? fields : null,
    featureNames: isHeader
      ? fields.filter((_, j) => j !== lc)
      : Array.from({ length: columns - 1 }, (_, j) => `x${j}`),
  };
}

/**
 * Header 'auto''s rule: the line is a header when some field outside the label column (index lc)
 * is not a number (decimal.ts's grammar; NaN and Infinity count as numbers, so such a row is
 * reported as a bad row rather than taken for names).
 */
export function looksLikeHeader(fields: string[], lc: number, reader: DecimalReader): boolean {
  return fields.some((f, j) => j !== lc && !isNumberText(f, reader));
}

/** True when the whole text (spaces trimmed) is a number of decimal.ts's grammar, or NaN/Infinity. */
function isNumberText(text: string, reader: DecimalReader): boolean {
  const t = text.trim();
  const bytes = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) bytes[i] = Math.min(t.charCodeAt(i), 255);
  if (isNonFiniteWord(bytes, 0, bytes.length)) return true;
  const v = reader.read(bytes, 0, bytes.length);
  return v === v && reader.end === bytes.length;
}
