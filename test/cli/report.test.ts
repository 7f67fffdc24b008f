import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportFlags } from '../../src/cli/report-flags.ts';
import { DEFAULT_OPTIMIZER_CHOICE } from '../../src/core/optimizers/optimizer-limits.ts';

const root = new URL('../../', import.meta.url);
function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('report CLI', () => {
  it('with no flags prints the article’s output byte for byte', () => {
    const expected = readFileSync(new URL('test/fixtures/report/article.txt', root), 'utf8');
    expect(run([])).toEqual({ code: 0, out: expected, err: '' });
  });

  it.each([
    [['--lr', '0'], /--lr must be a finite number > 0, got '0'/],
    [['--reg', '-1'], /--reg must be a finite number >= 0/],
    [['--noise', '-0.1'], /--noise must be a finite number >= 0/],
    [['--epochs', '-1'], /--epochs must be an integer in \[0, 10000000\]/],
    [['--grid', '1'], /--grid must be an integer in \[2, 1000\]/],
    [['--n-per-class', '0'], /--n-per-class must be an integer in \[1, 5000000\]/],
    [['--seed', 'x'], /--seed must be an integer/],
    [['--true-b', 'inf'], /--true-b must be a finite number, got inf/],
    [['--true-w', '1,2,3'], /--true-w must be two finite numbers a,b/],
    [['--bogus', '1'], /unknown flag --bogus/],
    [['--lr'], /--lr needs a value/],
    [['7'], /unexpected argument '7'/],
  ])('%j: one line on stderr, exit 2, nothing on stdout', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('parseReportFlags', () => {
  it('accepts --flag value and --flag=value, the last one winning, like argparse', () => {
    const o = parseReportFlags([
      '--seed=3',
      '--true-w',
      '0.5,-2',
      '--seed',
      '4',
      '--true-b',
      '-0.25',
    ]);
    expect(o.recipe.seed).toBe(4);
    expect(o.recipe.trueW).toEqual([0.5, -2]);
    expect(o.recipe.trueB).toBe(-0.25);
    expect(o.hp).toEqual({ lr: 0.05, epochs: 400, reg: 0.01, ...DEFAULT_OPTIMIZER_CHOICE });
    expect(o.grid).toBe(21);
  });

  it('reads numbers as Python’s int() and float() do', () => {
    const o = parseReportFlags(['--epochs', ' 1_000 ', '--lr', '.5e-1', '--noise', '+2']);
    expect([o.hp.epochs, o.hp.lr, o.recipe.noise]).toEqual([1000, 0.05, 2]);
  });
});
