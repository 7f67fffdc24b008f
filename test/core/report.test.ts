import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportFlags } from '../../src/cli/report-flags.ts';
import { articleReport } from '../../src/core/report.ts';

// Golden outputs of the Python reference, made by scripts/make-report-fixtures.sh.
const dir = new URL('../fixtures/report/', import.meta.url);
const cases = readFileSync(new URL('cases.txt', dir), 'utf8')
  .split('\n')
  .filter((line) => line.includes('|'))
  .map((line) => {
    const [name, flags] = line.split('|') as [string, string];
    return { name, argv: flags.split(' ').filter(Boolean) };
  });

describe('articleReport against the Python reference', () => {
  it('has the article and at least six other experiments', () => {
    expect(cases.map((c) => c.name)).toContain('article');
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)('$name: byte for byte ($argv)', ({ name, argv }) => {
    const { recipe, hp, grid } = parseReportFlags(argv);
    expect(articleReport(recipe, hp, grid)).toBe(readFileSync(new URL(`${name}.txt`, dir), 'utf8'));
  });
});
