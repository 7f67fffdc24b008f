/**
 * Names for the files the Compare panel writes: ASCII, no spaces, from the run's label or the
 * dataset's recipe, so a folder of exports sorts and reads well.
 */
import type { ExportFormat } from '../core/export-formats.ts';
import type { Recipe } from './run-record.ts';

/** The label as a file-name part: lowercase ASCII letters, digits and single dashes (≤ 48). */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.(?![0-9])|(?<![0-9])\./g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '');
  return s === '' ? 'run' : s;
}

/** 'hinge-lab-run-lr-0.05-l-0.01-seed-7.json'. */
export function runFileName(label: string): string {
  return `hinge-lab-run-${slug(label)}.json`;
}

/** 'hinge-lab-data-seed7-n60.csv' / '….libsvm'. */
export function datasetFileName(recipe: Recipe, format: ExportFormat): string {
  return `hinge-lab-data-seed${recipe.seed}-n${2 * recipe.nPerClass}.${format}`;
}

/** 'hinge-lab-plot-lr-0.05-l-0.01-seed-7.svg' / '….png'. */
export function plotFileName(label: string, kind: 'svg' | 'png'): string {
  return `hinge-lab-plot-${slug(label)}.${kind}`;
}
