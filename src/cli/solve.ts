/**
 * `npm run --silent solve -- [flags]`: the exact optimum of the dataset `report` would draw with
 * the same flags, with its duality certificate. Bad flags print one line on stderr and exit
 * with code 2, with nothing on stdout.
 */
import { writeFileSync } from 'node:fs';
import { generateDataset } from '../core/dataset.ts';
import { createSolver, type SolverResult } from '../core/exact-solver.ts';
import { PyRandom } from '../core/py-random.ts';
import { recipeErrors } from '../core/recipe.ts';
import { FlagError, parseSolveFlags, USAGE, type SolveOptions } from './solve-flags.ts';

/** α as n little-endian float64 values, whatever the machine's byte order. */
function alphaBytes(alpha: Float64Array): Uint8Array {
  const out = new Uint8Array(alpha.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < alpha.length; i++) view.setFloat64(i * 8, alpha[i]!, true);
  return out;
}

function text(
  r: SolverResult,
  o: SolveOptions,
  n: number,
  method: string,
  seconds: number,
): string {
  return [
    `n = ${n}, d = ${r.w.length}, λ = ${o.reg}: ${r.status} (${method})`,
    `w = (${Array.from(r.w).join(', ')})`,
    `b = ${r.b}`,
    `primal P(w, b) = ${r.primal}`,
    `dual D(α)      = ${r.dual}`,
    `gap P − D      = ${r.gap}  (certifies P(w, b) − P* <= gap; tol ${o.tol})`,
    `α: ${r.atZero} at 0, ${r.free} strictly between, ${r.atBound} at 1/n`,
    `iterations ${r.sweeps}${r.outerSteps > 0 ? `, values of b ${r.outerSteps}` : ''}; ` +
      `solved in ${seconds.toFixed(3)} s`,
    ...(r.note ? [r.note] : []),
  ].join('\n');
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let options: SolveOptions;
  try {
    options = parseSolveFlags(argv);
    const bad = recipeErrors(options.recipe)[0];
    if (bad) throw new FlagError(bad.message);
  } catch (e) {
    if (e instanceof FlagError || e instanceof RangeError) {
      process.stderr.write(`solve: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let data;
  try {
    data = generateDataset(options.recipe, new PyRandom(options.recipe.seed));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    process.stderr.write(`solve: ${e.message}\n`);
    return 2;
  }
  const start = performance.now();
  const solver = createSolver(data, { reg: options.reg, tol: options.tol });
  const r = solver.solve();
  const seconds = (performance.now() - start) / 1000;
  const method = solver.method;
  if (options.alphaOut !== null) {
    try {
      writeFileSync(options.alphaOut, alphaBytes(r.alpha));
    } catch (e) {
      process.stderr.write(
        `solve: --alpha-out: cannot write ${options.alphaOut}: ${(e as Error).message}\n`,
      );
      return 2;
    }
  }
  if (options.json) {
    const { w, b, primal, dual, gap, sweeps, outerSteps, status, atZero, free, atBound } = r;
    const line = {
      w: Array.from(w),
      b,
      primal,
      dual,
      gap,
      iterations: sweeps,
      outerSteps,
      solveSeconds: seconds,
      status,
      method,
      n: data.n,
      d: data.d,
      reg: options.reg,
      tol: options.tol,
      atZero,
      free,
      atBound,
      feasibility: r.feasibility,
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  } else {
    process.stdout.write(text(r, options, data.n, method, seconds) + '\n');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
