/**
 * `npm run --silent report -- [flags]`: prints the article's report for any experiment. Bad
 * flags print one line on stderr and exit with code 2, with nothing on stdout.
 */
import { articleReport } from '../core/report.ts';
import { FlagError, parseReportFlags, USAGE } from './report-flags.ts';

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let text: string;
  try {
    const { recipe, hp, grid } = parseReportFlags(argv);
    text = articleReport(recipe, hp, grid);
  } catch (e) {
    if (e instanceof FlagError || e instanceof RangeError) {
      process.stderr.write(`report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  process.stdout.write(text);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
