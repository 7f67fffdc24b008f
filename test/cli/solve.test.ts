import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSolveFlags } from '../../src/cli/solve-flags.ts';
import { experiment } from '../core/helpers.ts';
import { certificate } from '../core/solver-check.ts';

const root = new URL('../../', import.meta.url);
function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/solve.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** α from --alpha-out: n little-endian float64 values. */
function readAlpha(file: string): Float64Array {
  const bytes = readFileSync(file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) =>
    view.getFloat64(i * 8, true),
  );
}

interface SolveJson {
  w: number[];
  b: number;
  primal: number;
  dual: number;
  gap: number;
  iterations: number;
  solveSeconds: number;
}

describe('solve CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hinge-solve-'));

  it('on the article’s 60 points prints P = 0.16172920066728… to 1e-10, as one JSON line', () => {
    const r = run(['--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.out) as SolveJson;
    expect(Math.abs(j.primal - 0.16172920066728)).toBeLessThan(1e-10);
    expect(j.gap).toBeLessThanOrEqual(1e-9);
    expect(j.primal - j.dual).toBe(j.gap);
    expect(j.iterations).toBeGreaterThan(0);
    expect(j.solveSeconds).toBeGreaterThan(0);
  });

  it.each([
    ['the article’s data', [] as string[], {}, 0.01, 1e-9],
    [
      'another dataset by the bias search (n = 5000, λ = 0.05)',
      ['--seed', '3', '--n-per-class', '2500', '--noise', '0.8', '--reg', '0.05', '--tol', '1e-7'],
      { seed: 3, nPerClass: 2500, noise: 0.8 },
      0.05,
      1e-7,
    ],
    [
      'a 3-D dataset',
      ['--true-w', '1,-0.6,0.3', '--n-per-class', '300', '--tol', '1e-8'],
      { trueW: [1, -0.6, 0.3], nPerClass: 300 },
      0.01,
      1e-8,
    ],
  ])(
    '%s: the certificate holds recomputed from the printed w, b and the written α',
    (_name, flags, recipe, reg, tol) => {
      const file = join(dir, `alpha-${flags.length}.bin`);
      const r = run([...flags, '--json', '--alpha-out', file]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as SolveJson;
      const { data } = experiment(recipe);
      const alpha = readAlpha(file);
      expect(alpha).toHaveLength(data.n);
      const c = certificate(data, reg, j.w, j.b, alpha);
      expect(c.boxViolation).toBe(0);
      expect(Math.abs(c.sumAlphaY)).toBeLessThan(1e-15);
      expect(c.primal - c.dual).toBeLessThanOrEqual(tol);
      expect(Math.abs(c.primal - j.primal)).toBeLessThan(1e-13);
      expect(Math.abs(c.dual - j.dual)).toBeLessThan(1e-13);
    },
  );

  it('prints w, b, P, D, the gap, α’s counts, the iterations and the time as text', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^w = \(2\.1220\d+, -1\.3077\d+\)$/m);
    expect(r.out).toMatch(/^b = 0\.9956\d+$/m);
    expect(r.out).toMatch(/^primal P\(w, b\) = 0\.161729200\d+$/m);
    expect(r.out).toMatch(/^dual D\(α\) {6}= 0\.161729200\d+$/m);
    expect(r.out).toMatch(/^gap P − D/m);
    expect(r.out).toMatch(/^α: 47 at 0, 3 strictly between, 10 at 1\/n$/m);
    expect(r.out).toMatch(/^iterations \d+; solved in \d+\.\d{3} s$/m);
  });

  it.each([
    [['--reg', '0'], /--reg must be a finite number > 0, got '0'/],
    [['--reg', '-1'], /--reg must be a finite number > 0/],
    [['--tol', '0'], /--tol must be a finite number > 0, got '0'/],
    [['--tol', 'nan'], /--tol must be a finite number > 0, got nan/],
    [['--n-per-class', '0'], /--n-per-class must be an integer in \[1, 5000000\]/],
    [['--noise', '-1'], /--noise must be a finite number >= 0/],
    [['--alpha-out'], /--alpha-out needs a value/],
    [
      ['--alpha-out', '/nonexistent-dir/a.bin'],
      /--alpha-out: cannot write \/nonexistent-dir\/a\.bin/,
    ],
    [['--json=1'], /--json takes no value/],
    [['--lr', '0.1'], /unknown flag --lr/],
    [['--grid', '3'], /unknown flag --grid/],
    [['7'], /unexpected argument '7'/],
  ])('%j: one line on stderr, exit 2, nothing on stdout', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads the report’s dataset flags and its own', () => {
    const o = parseSolveFlags(['--seed', '3', '--reg=0.5', '--tol', '1e-6', '--json']);
    expect(o).toMatchObject({ reg: 0.5, tol: 1e-6, json: true, alphaOut: null });
    expect(o.recipe.seed).toBe(3);
    expect(parseSolveFlags([])).toMatchObject({ reg: 0.01, tol: 1e-9, json: false });
  });
});
