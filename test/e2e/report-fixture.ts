/** Reads a report fixture (the Python reference's output) into the numbers the page shows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReportNumbers {
  initialSv: number;
  n: number;
  initialLoss: string;
  initialGrid: string;
  finalSv: number;
  finalLoss: string;
  /** '(+1.638, -1.006)' */
  weights: string;
  /** '+0.545' */
  bias: string;
  finalGrid: string;
}

export function readReport(name: string): ReportNumbers {
  const path = join(import.meta.dirname, '..', 'fixtures', 'report', `${name}.txt`);
  const lines = readFileSync(path, 'utf8').split('\n');
  const find = (re: RegExp): RegExpMatchArray => {
    for (const l of lines) {
      const m = l.match(re);
      if (m) return m;
    }
    throw new Error(`${name}: no line matches ${re}`);
  };
  const gridAfter = (heading: string): string => {
    const start = lines.findIndex((l) => l.startsWith(heading)) + 1;
    const end = lines.findIndex((l, i) => i >= start && l.trim() === '');
    return lines.slice(start, end < 0 ? undefined : end).join('\n');
  };
  const before = find(/^support vectors before training: (\d+) of (\d+)$/);
  const after = find(/^support vectors after training: +(\d+) of \d+$/);
  const learned = find(/^learned w = (\(.*\)), b = (\S+)$/);
  return {
    initialSv: Number(before[1]),
    n: Number(before[2]),
    initialLoss: find(/^initial mean hinge loss: (\S+)$/)[1]!,
    initialGrid: gridAfter('decision boundary at random init:'),
    finalSv: Number(after[1]),
    finalLoss: find(/^final mean hinge loss: +(\S+)$/)[1]!,
    weights: learned[1]!,
    bias: learned[2]!,
    finalGrid: gridAfter('decision boundary after training'),
  };
}
