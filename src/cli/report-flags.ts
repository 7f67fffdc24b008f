/**
 * Command-line flags of `npm run report`: one per setting of the schema (src/settings/schema.ts),
 * named in kebab-case (--n-per-class), plus the report's own --grid; parsed like the reference's
 * argparse (src/settings/flags.ts).
 */
import type { Hyperparameters, Recipe } from '../core/recipe.ts';
import { type Limit } from '../core/limits.ts';
import {
  FlagError,
  parseFlags,
  schemaFlags,
  settingsFromFlags,
  usageLine,
  type FlagSpec,
} from '../settings/flags.ts';
import { SETTINGS } from '../settings/schema.ts';

export { FlagError };

export const MAX_GRID = 1000;
/** The report's text picture: grid × grid characters. */
const GRID: Limit = { kind: 'integer', min: 2, max: MAX_GRID };
const DEFAULT_GRID = 21;

export interface ReportOptions {
  recipe: Recipe;
  hp: Hyperparameters;
  grid: number;
}

const FLAGS: readonly FlagSpec[] = [...schemaFlags(SETTINGS), { flag: 'grid', limit: GRID }];

export const USAGE = `${usageLine('usage: npm run --silent report --', FLAGS)}
Prints the article's experiment report; with no flags, the article's own output.`;

/** Parses argv (without node and script); throws FlagError with a one-line message. */
export function parseReportFlags(argv: readonly string[]): ReportOptions {
  const values = parseFlags(FLAGS, argv);
  const { recipe, hp } = settingsFromFlags(SETTINGS, values);
  return { recipe, hp, grid: (values.get('grid') as number | undefined) ?? DEFAULT_GRID };
}
