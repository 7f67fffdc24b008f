/**
 * `npm run --silent bench:solve -- [--json] [--sizes 10000,1000000,10000000]`: time to a
 * certified gap <= 1e-6 on the article's generator (seed 7, λ = 0.01) at each size, one line
 * (one JSON object with --json) per size. The solver's own time: data generation is outside
 * it, and a small solve warms V8 up first (a long loop first met on a huge array can stay
 * partly un-optimised). At 10^6 points, when Debian's python3-sklearn is installed, the same
 * data go to scikit-learn's LinearSVC with its default settings (C = 1, squared hinge,
 * regularised bias, no certificate) in the same run, timed around fit() alone, both with
 * dual=True (the default of Debian's 1.2) and dual=False (what 1.3's dual='auto' picks when
 * n > d); without it the line says so. Figures, not tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDataset, type Dataset } from '../src/core/dataset.ts';
import { createSolver } from '../src/core/exact-solver.ts';
import { PyRandom } from '../src/core/py-random.ts';
import { DEFAULT_RECIPE } from '../src/core/recipe.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
const sizes = (sizesArg ?? '10000,1000000,10000000').split(',').map(Number);
const REG = 0.01;
const TOL = 1e-6;
const SKLEARN_AT = 1_000_000;

function dataset(n: number): Dataset {
  const recipe = { ...DEFAULT_RECIPE, nPerClass: Math.round(n / 2) };
  return generateDataset(recipe, new PyRandom(recipe.seed));
}

function print(line: Record<string, unknown>): void {
  if (json) process.stdout.write(JSON.stringify(line) + '\n');
  else {
    const parts = Object.entries(line).map(
      ([k, v]) => `${k} ${Array.isArray(v) ? v.join(',') : v}`,
    );
    process.stdout.write(parts.join('  ') + '\n');
  }
}

const PY = `
import sys, time, numpy as np
from sklearn.svm import LinearSVC
n, d = int(sys.argv[3]), int(sys.argv[4])
x = np.fromfile(sys.argv[1], dtype='<f8').reshape(n, d)
y = np.fromfile(sys.argv[2], dtype='<f8')
for dual in (True, False):
    m = LinearSVC(dual=dual)
    t = time.perf_counter(); m.fit(x, y); s = time.perf_counter() - t
    print(s, m.n_iter_, *m.coef_[0], m.intercept_[0])
`;

/** LinearSVC's default fit of the same data, or why it was not run. */
function sklearn(data: Dataset): Record<string, unknown> {
  // Debian's python3-sklearn lives in /usr/bin/python3, which another python3 on PATH may hide.
  const pythons = [process.env.HINGE_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (p): p is string => !!p,
  );
  const probe = (python: string) =>
    spawnSync(python, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' });
  const python = pythons.find((p) => probe(p).status === 0);
  if (python === undefined) {
    return { note: 'scikit-learn not installed (apt-get install -y python3-sklearn): skipped' };
  }
  const version = probe(python).stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), 'solve-bench-'));
  try {
    writeFileSync(join(dir, 'x.f64'), new Uint8Array(data.x.buffer));
    writeFileSync(join(dir, 'y.f64'), new Uint8Array(data.y.buffer));
    const r = spawnSync(
      python,
      ['-c', PY, join(dir, 'x.f64'), join(dir, 'y.f64'), String(data.n), String(data.d)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (r.status !== 0) return { note: `LinearSVC failed: ${r.stderr.trim().split('\n').pop()}` };
    const fits = r.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [seconds, iterations, ...rest] = line.trim().split(/\s+/).map(Number);
        const b = rest.pop();
        return { fitSeconds: seconds, iterations, w: rest, b };
      });
    return {
      sklearn: `LinearSVC(), scikit-learn ${version}`,
      // 1.2's default is dual=True; from 1.3 dual='auto' picks the primal solver when n > d.
      defaultDualTrue: fits[0],
      dualFalse: fits[1],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

createSolver(dataset(20_000), { reg: REG, tol: TOL }).solve();

for (const n of sizes) {
  const data = dataset(n);
  const start = performance.now();
  const solver = createSolver(data, { reg: REG, tol: TOL });
  const r = solver.solve();
  const seconds = (performance.now() - start) / 1000;
  print({
    n,
    reg: REG,
    tol: TOL,
    solveSeconds: Number(seconds.toFixed(4)),
    gap: r.gap,
    primal: r.primal,
    status: r.status,
    method: solver.method,
    sweeps: r.sweeps,
    valuesOfB: r.outerSteps,
    w: Array.from(r.w),
    b: r.b,
  });
  if (n === SKLEARN_AT) print({ n, ...sklearn(data) });
}
