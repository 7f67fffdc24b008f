import { describe, expect, it } from 'vitest';
import { defaultLabel } from '../../src/compare/default-label.ts';
import { datasetFileName, plotFileName, runFileName, slug } from '../../src/compare/file-names.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';

describe('defaultLabel', () => {
  it('names the knobs one turns between tabs', () => {
    expect(defaultLabel(DEFAULT_RECIPE, DEFAULT_HYPERPARAMETERS)).toBe('lr 0.05 · λ 0.01 · seed 7');
    expect(defaultLabel({ ...DEFAULT_RECIPE, seed: 3 }, { lr: 1e-7, epochs: 1, reg: 0 })).toBe(
      'lr 1e-7 · λ 0 · seed 3',
    );
    const hp = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'pegasos' as const };
    expect(defaultLabel(DEFAULT_RECIPE, hp)).toBe('Pegasos (SGD) · lr 0.05 · λ 0.01 · seed 7');
    expect(defaultLabel(DEFAULT_RECIPE, { ...hp, optimizer: 'gd' })).toBe(
      'lr 0.05 · λ 0.01 · seed 7',
    );
  });
});

describe('file names', () => {
  it('slugs labels to plain ASCII, keeping decimal points', () => {
    expect(slug('lr 0.05 · λ 0.01 · seed 7')).toBe('lr-0.05-0.01-seed-7');
    expect(slug('Café run. v2!')).toBe('cafe-run-v2');
    expect(slug('…')).toBe('run');
    expect(slug('x'.repeat(100))).toHaveLength(48);
  });

  it('names run, dataset and plot files', () => {
    expect(runFileName('baseline')).toBe('hinge-lab-run-baseline.json');
    expect(datasetFileName(DEFAULT_RECIPE, 'csv')).toBe('hinge-lab-data-seed7-n60.csv');
    expect(datasetFileName(DEFAULT_RECIPE, 'libsvm')).toBe('hinge-lab-data-seed7-n60.libsvm');
    expect(plotFileName('lr 0.2', 'png')).toBe('hinge-lab-plot-lr-0.2.png');
  });
});
