/**
 * Command-line flags of `npm run solve`: the report's dataset flags (the schema's recipe
 * entries, src/settings/schema.ts, any dimension: the solver is not limited to the plot's two)
 * and --reg, which must be > 0 here (λ = 0 has no unique optimum); plus --tol T, --json and
 * --alpha-out FILE.
 */
import type { Recipe } from '../core/recipe.ts';
import type { Limit } from '../core/limits.ts';
import { DEFAULT_TOL } from '../core/exact-solver.ts';
import { flagName } from '../settings/define.ts';
import {
  FlagError,
  parseFlags,
  settingsFromFlags,
  usageLine,
  type FlagSpec,
} from '../settings/flags.ts';
import { SETTINGS } from '../settings/schema.ts';

export { FlagError };

export interface SolveOptions {
  recipe: Recipe;
  reg: number;
  tol: number;
  json: boolean;
  /** Where to write α as n little-endian float64 values, or null. */
  alphaOut: string | null;
}

const REG: Limit = { kind: 'number', min: 0, strict: true };
const TOL: Limit = { kind: 'number', min: 0, strict: true };

const FLAGS: readonly FlagSpec[] = [
  ...SETTINGS.entries
    .filter((e) => e.group === 'recipe')
    .map((e) => ({ flag: flagName(e.key), limit: e.limit })),
  { flag: 'reg', limit: REG },
  { flag: 'tol', limit: TOL },
];

export const USAGE = `${usageLine('usage: npm run --silent solve --', FLAGS)}
       [--json] [--alpha-out FILE]
Solves the report's dataset (same flags) to the exact SVM optimum and prints w, b, P, D and
the certified gap P − D (--tol, default ${DEFAULT_TOL}); --json prints one JSON line;
--alpha-out writes the dual α (n little-endian float64 values, row order, 0 <= α_i <= 1/n).`;

/** Parses argv (without node and script); throws FlagError with a one-line message. */
export function parseSolveFlags(argv: readonly string[]): SolveOptions {
  const rest: string[] = [];
  let json = false;
  let alphaOut: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg.startsWith('--json=')) throw new FlagError(`--json takes no value, got '${arg}'`);
    else if (arg === '--alpha-out' || arg.startsWith('--alpha-out=')) {
      const value = arg === '--alpha-out' ? argv[++i] : arg.slice('--alpha-out='.length);
      if (value === undefined || value === '') {
        throw new FlagError('--alpha-out needs a value: a file path to write α to');
      }
      alphaOut = value;
    } else rest.push(arg);
  }
  const values = parseFlags(FLAGS, rest);
  const { recipe, hp } = settingsFromFlags(SETTINGS, values);
  const reg = (values.get('reg') as number | undefined) ?? hp.reg;
  const tol = (values.get('tol') as number | undefined) ?? DEFAULT_TOL;
  return { recipe, reg, tol, json, alphaOut };
}
