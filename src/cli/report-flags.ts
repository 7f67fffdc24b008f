/**
 * Command-line flags of `npm run report`, parsed like the reference's argparse (`--flag value` or
 * `--flag=value`, the last occurrence wins) and checked against the allowed ranges.
 */
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_RECIPE,
  MAX_EPOCHS,
  MAX_POINTS,
  MAX_SEED,
  type Hyperparameters,
  type Recipe,
} from '../core/recipe.ts';

export const MAX_GRID = 1000;

export interface ReportOptions {
  recipe: Recipe;
  hp: Hyperparameters;
  grid: number;
}

export const USAGE = `usage: npm run --silent report -- [--seed N] [--n-per-class N] [--true-w a,b]
       [--true-b v] [--noise v] [--lr v] [--epochs N] [--reg v] [--grid N]
Prints the article's experiment report; with no flags, the article's own output.`;

/** A flag problem; `message` is the one line printed on stderr. */
export class FlagError extends Error {}

type Kind =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'float'; min: number; strict: boolean }
  | { kind: 'float'; min: null }
  | { kind: 'pair' };

const FLAGS: Record<string, Kind> = {
  seed: { kind: 'int', min: 0, max: MAX_SEED },
  'n-per-class': { kind: 'int', min: 1, max: MAX_POINTS / 2 },
  'true-w': { kind: 'pair' },
  'true-b': { kind: 'float', min: null },
  noise: { kind: 'float', min: 0, strict: false },
  lr: { kind: 'float', min: 0, strict: true },
  epochs: { kind: 'int', min: 0, max: MAX_EPOCHS },
  reg: { kind: 'float', min: 0, strict: false },
  grid: { kind: 'int', min: 2, max: MAX_GRID },
};

/** Python's int() and float() accept underscores between digits and surrounding spaces. */
function normalise(text: string): string {
  return text.trim().replace(/(?<=\d)_(?=\d)/g, '');
}

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;

function rangeText(k: Kind): string {
  switch (k.kind) {
    case 'int':
      return `an integer in [${k.min}, ${k.max}]`;
    case 'pair':
      return 'two finite numbers a,b';
    case 'float':
      if (k.min === null) return 'a finite number';
      return `a finite number ${k.strict ? '>' : '>='} ${k.min}`;
  }
}

function parseFloatStrict(flag: string, text: string, k: Kind): number {
  const t = normalise(text);
  if (NON_FINITE.test(t)) throw new FlagError(`--${flag} must be ${rangeText(k)}, got ${text}`);
  if (!FLOAT.test(t)) throw new FlagError(`--${flag} must be ${rangeText(k)}, got '${text}'`);
  const v = Number(t);
  if (!Number.isFinite(v)) throw new FlagError(`--${flag} must be ${rangeText(k)}, got ${text}`);
  return v;
}

function parseValue(flag: string, text: string): number | number[] {
  const k = FLAGS[flag]!;
  const bad = () => new FlagError(`--${flag} must be ${rangeText(k)}, got '${text}'`);
  switch (k.kind) {
    case 'int': {
      const t = normalise(text);
      if (!INT.test(t)) throw bad();
      const v = Number(t);
      if (!Number.isSafeInteger(v) || v < k.min || v > k.max) throw bad();
      return v;
    }
    case 'pair': {
      const parts = text.split(',');
      if (parts.length !== 2) throw bad();
      return parts.map((p) => parseFloatStrict(flag, p, k));
    }
    case 'float': {
      const v = parseFloatStrict(flag, text, k);
      if (k.min !== null && (k.strict ? !(v > k.min) : !(v >= k.min))) throw bad();
      return v;
    }
  }
}

/** Parses argv (without node and script); throws FlagError with a one-line message. */
export function parseReportFlags(argv: readonly string[]): ReportOptions {
  const values = new Map<string, number | number[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new FlagError(`unexpected argument '${arg}' (flags look like --seed 7)`);
    const flag = match[1]!;
    if (!(flag in FLAGS)) {
      throw new FlagError(
        `unknown flag --${flag}; known: ${Object.keys(FLAGS)
          .map((f) => '--' + f)
          .join(' ')}`,
      );
    }
    let text = match[2];
    if (text === undefined) {
      text = argv[++i];
      if (text === undefined)
        throw new FlagError(`--${flag} needs a value: ${rangeText(FLAGS[flag]!)}`);
    }
    values.set(flag, parseValue(flag, text));
  }
  const num = (flag: string, fallback: number) =>
    (values.get(flag) as number | undefined) ?? fallback;
  return {
    recipe: {
      seed: num('seed', DEFAULT_RECIPE.seed),
      nPerClass: num('n-per-class', DEFAULT_RECIPE.nPerClass),
      trueW: (values.get('true-w') as number[] | undefined) ?? [...DEFAULT_RECIPE.trueW],
      trueB: num('true-b', DEFAULT_RECIPE.trueB),
      noise: num('noise', DEFAULT_RECIPE.noise),
    },
    hp: {
      lr: num('lr', DEFAULT_HYPERPARAMETERS.lr),
      epochs: num('epochs', DEFAULT_HYPERPARAMETERS.epochs),
      reg: num('reg', DEFAULT_HYPERPARAMETERS.reg),
    },
    grid: num('grid', 21),
  };
}
