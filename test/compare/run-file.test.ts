import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIMIZER_CHOICE } from '../../src/core/optimizers/optimizer-limits.ts';
import {
  MAX_RUN_FILE_BYTES,
  parseRunJson,
  runFileSizeError,
  toRunJson,
} from '../../src/compare/run-file.ts';
import { arbitraryRecord, makeRecord } from './records.ts';

const withSv = { includeSupportVectors: true };
const withoutSv = { includeSupportVectors: false };

describe('toRunJson', () => {
  it('starts with the format and version, fields in a fixed order', () => {
    const text = toRunJson(makeRecord(), withSv);
    expect(
      text.startsWith('{"format":"hinge-lab/run","version":3,"id":"run-1","label":"article",'),
    ).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'format',
      'version',
      'id',
      'label',
      'status',
      'epoch',
      'createdAt',
      'updatedAt',
      'recipe',
      'hp',
      'metrics',
      'w',
      'b',
      'curves',
      'svIndices',
    ]);
  });

  it('writes the support vectors only when asked', () => {
    expect(JSON.parse(toRunJson(makeRecord(), withSv))).toHaveProperty('svIndices', [3, 17, 42]);
    expect(JSON.parse(toRunJson(makeRecord(), withoutSv))).not.toHaveProperty('svIndices');
    const noSv = makeRecord();
    delete noSv.svIndices;
    expect(JSON.parse(toRunJson(noSv, withSv))).not.toHaveProperty('svIndices');
  });

  it('refuses an invalid record rather than write a file it could not read', () => {
    const bad = makeRecord({ hp: { lr: 0, epochs: 10, reg: 0 } });
    expect(() => toRunJson(bad, withSv)).toThrow(
      'cannot export the run: hp.lr must be a finite number > 0, got 0',
    );
  });
});

describe('parseRunJson', () => {
  it('round-trips every valid record to the same numbers exactly', () => {
    fc.assert(
      fc.property(arbitraryRecord, fc.boolean(), (record, includeSupportVectors) => {
        const back = parseRunJson(toRunJson(record, { includeSupportVectors }));
        const expected = { ...record };
        if (!includeSupportVectors) delete expected.svIndices;
        expect(back).toEqual({ ok: true, record: expected });
      }),
      { numRuns: 300 },
    );
  });

  it('reads −0 back as 0: JSON.stringify writes it as 0 (the one double not kept)', () => {
    const back = parseRunJson(toRunJson(makeRecord({ b: -0 }), withSv));
    expect(back.ok && Object.is(back.record.b, 0)).toBe(true);
  });

  it.each([
    ['', 'not JSON (Unexpected end of JSON input)'],
    ['{"format":', 'not JSON (Unexpected end of JSON input)'],
    ['[1,2]', 'not a hinge-lab run file (a JSON object is expected, got an array)'],
    ['"run"', 'not a hinge-lab run file (a JSON object is expected, got "run")'],
    ['null', 'not a hinge-lab run file (a JSON object is expected, got null)'],
    ['{"id":"a"}', 'not a hinge-lab run file (it has no "format")'],
    ['{"format":"x"}', "not a hinge-lab run file (format is 'x')"],
    ['{"format":3}', 'not a hinge-lab run file (format is 3)'],
    [
      '{"format":"hinge-lab/run","version":4}',
      'unsupported hinge-lab run file (version 4; this hinge-lab reads versions 1 to 3)',
    ],
    [
      '{"format":"hinge-lab/run","version":"1"}',
      'unsupported hinge-lab run file (version "1"; this hinge-lab reads versions 1 to 3)',
    ],
    [
      '{"format":"hinge-lab/run"}',
      'unsupported hinge-lab run file (it has no "version"; this hinge-lab reads versions 1 to 3)',
    ],
    ['{"format":"hinge-lab/run","version":3}', 'id is missing'],
    ['{"format":"hinge-lab/run","version":2}', 'id is missing'],
    ['{"format":"hinge-lab/run","version":1}', 'id is missing'],
  ])('%j: %s', (text, error) => {
    expect(parseRunJson(text)).toEqual({ ok: false, error });
  });

  it('reads a version 1 file (before the optimizer choice) as a GD run; version 2 keeps its optimizer', () => {
    const record = makeRecord();
    const v2 = JSON.parse(toRunJson(record, withSv)) as {
      version: number;
      hp: Record<string, unknown>;
    };
    const { lr, epochs, reg } = record.hp;
    const v1 = { ...v2, version: 1, hp: { lr, epochs, reg } };
    const read = parseRunJson(JSON.stringify(v1));
    expect(read.ok && read.record.hp).toEqual({ ...record.hp, ...DEFAULT_OPTIMIZER_CHOICE });
    const sgd = { ...v2, hp: { ...v2.hp, optimizer: 'sgd', batchSize: 5 } };
    const again = parseRunJson(JSON.stringify(sgd));
    expect(again.ok && again.record.hp).toMatchObject({ optimizer: 'sgd', batchSize: 5 });
    const bad = { ...v2, hp: { ...v2.hp, optimizer: 'adam' } };
    expect(parseRunJson(JSON.stringify(bad))).toEqual({
      ok: false,
      error: 'hp.optimizer must be one of gd, pegasos, sgd, momentum, dcd, got "adam"',
    });
  });

  it('names an invalid field by its path', () => {
    const file = JSON.parse(toRunJson(makeRecord(), withSv)) as { hp: { lr: number } };
    file.hp.lr = -1;
    expect(parseRunJson(JSON.stringify(file))).toEqual({
      ok: false,
      error: 'hp.lr must be a finite number > 0, got -1',
    });
    const huge = toRunJson(makeRecord(), withSv).replace('"b":0.545', '"b":1e999');
    expect(parseRunJson(huge)).toEqual({
      ok: false,
      error: 'b must be a finite number, got Infinity',
    });
  });

  it('carries the threads setting (1 to 16), and reads a file without it', () => {
    const record = { ...makeRecord(), threads: 3 };
    const read = parseRunJson(toRunJson(record, withSv));
    expect(read.ok && read.record.threads).toBe(3);
    const none = parseRunJson(toRunJson(makeRecord(), withSv));
    expect(none.ok && 'threads' in none.record).toBe(false);
    const bad = toRunJson(record, withSv).replace('"threads":3', '"threads":17');
    expect(parseRunJson(bad)).toEqual({
      ok: false,
      error: 'threads must be an integer in [1, 16], got 17',
    });
  });

  it('refuses a file over 50 MB without parsing it', () => {
    const text = ' '.repeat(MAX_RUN_FILE_BYTES + 1);
    expect(parseRunJson(text)).toEqual({
      ok: false,
      error: 'the file is 50.1 MB; a run file is at most 50 MB',
    });
    expect(runFileSizeError(MAX_RUN_FILE_BYTES)).toBeNull();
    expect(runFileSizeError(64 * 1024 * 1024)).toBe(
      'the file is 64.0 MB; a run file is at most 50 MB',
    );
  });
});
