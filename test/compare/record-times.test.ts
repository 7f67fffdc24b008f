/**
 * The time column in records and run files: the sampler keeps each kept epoch's time, a record
 * checks it (non-negative, non-decreasing, one per epoch), a run file carries it, and a record
 * or file from before it (no `seconds`) reads as "no time".
 */
import { describe, expect, it } from 'vitest';
import { CurveSampler } from '../../src/compare/curve-sampler.ts';
import { parseRunJson, toRunJson } from '../../src/compare/run-file.ts';
import { checkRunRecord } from '../../src/compare/run-record-check.ts';
import { makeRecord } from './records.ts';

describe('records with time', () => {
  it('keep the time of each kept epoch, and none when any is unknown', () => {
    const n = 5000;
    const loss = Float64Array.from({ length: n }, (_, t) => 1 / (1 + t) + (t % 17) * 1e-4);
    const seconds = Float64Array.from({ length: n }, (_, t) => t * 0.002 + (t % 3) * 1e-4);
    const src = { meanLoss: loss, objective: loss, svCount: loss, seconds };
    const c = new CurveSampler(500).sample(src);
    expect(c.epochs.length).toBeGreaterThan(100);
    expect(c.seconds).toEqual(c.epochs.map((t) => seconds[t]));
    seconds[0] = NaN;
    expect(new CurveSampler(500).sample(src).seconds).toBeUndefined();
    expect(new CurveSampler(500).sample({ ...src, seconds: undefined }).seconds).toBeUndefined();
  });

  it('check the time: one per epoch, finite, >= 0, never decreasing', () => {
    const curves = makeRecord().curves;
    const ok = checkRunRecord(makeRecord({ curves: { ...curves, seconds: [0, 0.001, 0.2, 0.2] } }));
    expect(ok.ok && ok.record.curves.seconds).toEqual([0, 0.001, 0.2, 0.2]);
    const bad = (seconds: unknown[]) =>
      checkRunRecord({ ...makeRecord(), curves: { ...curves, seconds } });
    expect(bad([0, 0.3, 0.2, 0.4])).toEqual({
      ok: false,
      error: 'curves.seconds must not decrease; curves.seconds[2] is 0.2 after 0.3',
    });
    expect(bad([0, 1, 2])).toEqual({
      ok: false,
      error: 'curves.seconds has 3 entries but curves.epochs has 4',
    });
    expect(bad([0, -1, 2, 3])).toMatchObject({
      ok: false,
      error: expect.stringContaining('curves.seconds[1]'),
    });
    expect(bad([0, null, 2, 3])).toMatchObject({
      ok: false,
      error: expect.stringContaining('curves.seconds[1]'),
    });
  });

  it('go through a run file, and a file without them reads as no time', () => {
    const curves = { ...makeRecord().curves, seconds: [0, 0.0005, 0.1, 0.25] };
    const back = parseRunJson(toRunJson(makeRecord({ curves }), { includeSupportVectors: false }));
    expect(back.ok && back.record.curves.seconds).toEqual(curves.seconds);
    const old = parseRunJson(toRunJson(makeRecord(), { includeSupportVectors: false }));
    expect(old.ok && 'seconds' in old.record.curves).toBe(false);
  });
});
