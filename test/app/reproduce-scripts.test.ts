import { describe, expect, it } from 'vitest';
import {
  importedDataFileName,
  reproduceScript,
  scriptDownload,
  scriptFileName,
  scriptRunOf,
} from '../../src/app/reproduce-scripts.ts';
import { pyRepr } from '../../src/core/scripts/python-literal.ts';
import { checkScriptRun } from '../../src/core/scripts/script-run.ts';
import { makeRecord } from '../compare/records.ts';

describe('reproduce scripts of a record', () => {
  it('name the file after the run, ASCII only', () => {
    expect(scriptFileName('lr 0.05 · λ 0.01 · seed 7', 'sklearn')).toBe(
      'hinge-lab-sklearn-lr-0.05-0.01-seed-7.py',
    );
    expect(scriptFileName('"; rm -rf / ; \'', 'spark')).toBe('hinge-lab-spark-rm-rf.py');
  });

  it("take the record's weights, objective, settings and recipe; a file source when given", () => {
    const record = makeRecord({ w: [0.1 + 0.2, -1e-7], b: 1e16, label: 'a\'b"c\\' });
    const run = scriptRunOf(record);
    expect(run).toMatchObject({ w: record.w, b: 1e16, objective: 0.166, epoch: 400 });
    expect(run.data).toEqual({ kind: 'generator', recipe: record.recipe });
    const { name, text } = reproduceScript(record, 'sklearn');
    expect(name).toBe('hinge-lab-sklearn-a-b-c.py');
    expect(text).toContain('HINGE_LAB_W = [0.30000000000000004, -1e-07]\n');
    expect(text).toContain('HINGE_LAB_B = 1e+16\n');
    expect(text).toContain(`HINGE_LAB_OBJECTIVE = ${pyRepr(0.166)}  #`);
    expect(text).toContain("RUN_NAME = 'a\\'b\"c\\\\'\n");
    const file = { kind: 'file', fileName: 'x.csv', format: 'csv', n: 9, d: 2 } as const;
    expect(reproduceScript(record, 'spark', file).text).toContain("DATA_FILE = 'x.csv'  #");
  });

  it('refuse runs whose numbers do not fit together, naming the field', () => {
    const run = scriptRunOf(makeRecord());
    expect(() => checkScriptRun({ ...run, w: [1] })).toThrow(
      'w must be 2 numbers (one per feature), got 1',
    );
    expect(() => checkScriptRun({ ...run, hp: { ...run.hp, reg: -1 } })).toThrow(
      'reg must be a finite number >= 0, got -1',
    );
    const file = { kind: 'file', fileName: ' ', format: 'csv', n: 9, d: 2 } as const;
    expect(() => checkScriptRun({ ...run, data: file })).toThrow('fileName must be a file name');
    expect(() => reproduceScript(makeRecord({ w: [1, 2, 3] }), 'spark')).toThrow(RangeError);
  });
});

describe('scriptDownload', () => {
  it('gives the script with a notice saying how to run it, or why there is none', () => {
    const ok = scriptDownload(makeRecord(), 'sklearn');
    expect(ok).toMatchObject({ ok: true, name: 'hinge-lab-sklearn-article.py' });
    expect(ok.notice).toBe(
      "Saved hinge-lab-sklearn-article.py: python3 hinge-lab-sklearn-article.py prints the objective of these weights and scikit-learn's fits.",
    );
    expect(scriptDownload(makeRecord(), 'spark').notice).toContain('not run by hinge-lab');
    expect(scriptDownload(null, 'spark')).toEqual({
      ok: false,
      notice: 'Train or step first: the script needs the weights.',
    });
    expect(scriptDownload(makeRecord({ w: [1] }), 'sklearn')).toEqual({
      ok: false,
      notice: 'Could not write the script: w must be 2 numbers (one per feature), got 1.',
    });
  });
});

describe('an imported run', () => {
  it("reads the data's CSV export, named after the file and its hash, beside the script", () => {
    const data = { name: 'My "iris" data.v2.csv', rows: 150, d: 4, hash: '3f2a9c1e00aa11bb' };
    const record = makeRecord({ data, w: [1, 2, 3, 4] });
    expect(importedDataFileName(data)).toBe('hinge-lab-data-my-iris-data-v2-3f2a9c1e.csv');
    expect(importedDataFileName(data, 'libsvm')).toBe(
      'hinge-lab-data-my-iris-data-v2-3f2a9c1e.libsvm',
    );
    expect(scriptRunOf(record).data).toEqual({
      ...{ kind: 'file', fileName: 'hinge-lab-data-my-iris-data-v2-3f2a9c1e.csv' },
      ...{ format: 'csv', n: 150, d: 4 },
    });
    const { text } = reproduceScript(record, 'sklearn');
    expect(text).toContain(
      "RECIPE = None\nDATA_FILE = 'hinge-lab-data-my-iris-data-v2-3f2a9c1e.csv'",
    );
    expect(text).toContain('D = 4  # features\n');
    expect(scriptDownload(record, 'spark').notice).toMatch(
      / It reads this data's CSV export \(Dataset: CSV, hinge-lab-data-my-iris-data-v2-3f2a9c1e\.csv\) from its folder\.$/,
    );
  });
});
