/** Imported data in Compare and run files: records carry the file, Compare groups by its hash. */
import { describe, expect, it } from 'vitest';
import { recipeGroups } from '../../src/compare/compare-rows.ts';
import { defaultLabel } from '../../src/compare/default-label.ts';
import { rowTags, settingCells, settingColumns } from '../../src/compare/compare-table.ts';
import { optimumOf } from '../../src/compare/optimum-distance.ts';
import { buildRecord } from '../../src/compare/record-builder.ts';
import { parseRunJson, toRunJson } from '../../src/compare/run-file.ts';
import { checkRunRecord } from '../../src/compare/run-record-check.ts';
import type { RunData, RunRecord } from '../../src/compare/run-record.ts';
import { sameData } from '../../src/compare/same-data.ts';
import { snap } from './fakes.ts';
import { makeRecord } from '../compare/records.ts';

const file: RunData = { name: 'iris "setosa".csv', rows: 100, d: 4, hash: '00112233445566ff' };
const other: RunData = { ...file, name: 'renamed.csv', hash: 'ffeeddccbbaa9988' };

/** A record of a run on imported data (d = 4, 100 rows). */
function onFile(data: RunData, over: Partial<RunRecord> = {}): RunRecord {
  return makeRecord({ data, w: [0.5, -1, 2, 0.25], svIndices: [1, 50, 99], ...over });
}

describe('run records of imported data', () => {
  it('check d and n against the file, not the recipe', () => {
    const ok = checkRunRecord(onFile(file));
    expect(ok.ok && ok.record.data).toEqual(file);
    // The recipe's two weights are not the file's four.
    expect(checkRunRecord(onFile(file, { w: [1, 2] }))).toEqual({
      ok: false,
      error: 'w must have 4 entries (data.d has 4), got 2',
    });
    // Support vectors index the file's 100 rows (the recipe has 60).
    expect(checkRunRecord(onFile(file, { svIndices: [1, 50, 100] })).ok).toBe(false);
    expect(checkRunRecord(onFile(file, { svIndices: [1, 50, 99] })).ok).toBe(true);
  });

  it('refuse a bad hash, rows or d, naming the field', () => {
    const bad = (data: unknown) => checkRunRecord({ ...onFile(file), data });
    expect(bad({ ...file, hash: 'XYZ' })).toEqual({
      ok: false,
      error: 'data.hash must be 16 lowercase hex digits, got "XYZ"',
    });
    expect(bad({ ...file, rows: 0 })).toMatchObject({ ok: false });
    expect(bad({ ...file, d: 1001 })).toMatchObject({ ok: false });
    expect(bad({ name: 'a.csv', rows: 1, d: 1 })).toMatchObject({ ok: false });
  });

  it('go through a version 3 run file and back; version 2 files still read', () => {
    const text = toRunJson(onFile(file), { includeSupportVectors: true });
    expect(text.startsWith('{"format":"hinge-lab/run","version":3,')).toBe(true);
    const back = parseRunJson(text);
    expect(back.ok && back.record).toEqual(onFile(file));
    const v2 = toRunJson(makeRecord(), { includeSupportVectors: false }).replace(
      '"version":3',
      '"version":2',
    );
    const old = parseRunJson(v2);
    expect(old.ok && old.record.data).toBeUndefined();
  });

  it('are built from the page with the file on screen, and refused when d disagrees', () => {
    const parts = {
      id: 'r',
      label: 'mine',
      createdAt: 1,
      updatedAt: 2,
      recipe: makeRecord().recipe,
      hp: makeRecord().hp,
      status: 'done' as const,
      curves: { epochs: [400], meanLoss: [0.2], objective: [0.25], svCount: [10] },
    };
    const s = snap(1, 400, 400, { w: Float64Array.of(1, 2, 3, 4), sampleSv: new Uint8Array(0) });
    const built = buildRecord({ ...parts, data: file, snapshot: s });
    expect(built.ok && built.record.data).toEqual(file);
    expect(buildRecord({ ...parts, data: null, snapshot: s })).toEqual({
      ok: false,
      error: 'the snapshot has 4 weights, the recipe 2',
    });
  });
});

describe('Compare on imported data', () => {
  it('groups runs by the file hash, whatever the files were called', () => {
    const a = onFile(file, { id: 'a' });
    const b = onFile({ ...file, name: 'copy.csv' }, { id: 'b' });
    const c = onFile(other, { id: 'c' });
    const g = makeRecord({ id: 'g' });
    expect(sameData(a, b)).toBe(true);
    expect(sameData(a, c)).toBe(false);
    // Imported data is never the generator's, even with the same recipe.
    expect(sameData(a, g)).toBe(false);
    expect(sameData(g, makeRecord({ id: 'h' }))).toBe(true);
    const rows = [a, g, c, b].map((record) => ({ record }));
    const groups = recipeGroups(rows).map((gr) => gr.map((r) => r.record.id));
    expect(groups).toEqual([['a', 'b'], ['g'], ['c']]);
  });

  it('shares P* only between runs on the same file', () => {
    const solved = onFile(file, { id: 'a', optimum: { primal: 0.3, gap: 1e-10 } });
    expect(optimumOf(onFile(file, { id: 'b' }), [solved])).toEqual(solved.optimum);
    expect(optimumOf(onFile(other, { id: 'c' }), [solved])).toBeNull();
    expect(optimumOf(makeRecord({ id: 'g', optimum: undefined }), [solved])).toBeNull();
  });

  it('shows no generator settings for a run on a file, its training settings as usual', () => {
    const columns = settingColumns([onFile(file), makeRecord()]);
    const cells = settingCells(onFile(file), columns);
    const text = (key: string) => cells.find((c) => c.key === key)?.text;
    expect([text('seed'), text('nPerClass'), text('trueW')]).toEqual(['–', '–', '–']);
    expect(text('lr')).toBe('0.05');
    expect(settingCells(makeRecord(), columns).find((c) => c.key === 'seed')?.text).toBe('7');
  });

  it('labels a run on a file with the file, not the seed', () => {
    const { recipe, hp } = makeRecord();
    expect(defaultLabel(recipe, hp, 'iris.csv')).toBe('lr 0.05 · λ 0.01 · iris.csv');
    expect(defaultLabel(recipe, hp, 'x'.repeat(100))).toBe(`lr 0.05 · λ 0.01 · ${'x'.repeat(30)}…`);
    expect(defaultLabel(recipe, hp)).toBe('lr 0.05 · λ 0.01 · seed 7');
  });

  it("tags a row with the file's name (escaped), rows × d and hash", () => {
    const tags = rowTags({
      key: 'k',
      record: onFile({ ...file, name: 'a\u202ebad.csv' }),
      source: 'saved',
      saved: true,
      hidden: false,
    });
    expect(tags).toBe('saved · file “a\\u{202E}bad.csv” · 100 × 4 · 00112233445566ff');
  });
});
