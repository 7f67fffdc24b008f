/**
 * The page's import (ImportState through AppState, on the in-process service): a file becomes
 * the data on screen like a drawing; a refused one changes nothing but the message; Train keeps
 * the file's data; Generate goes back to the generator; the link carries and asks for the file.
 */
import { describe, expect, it } from 'vitest';
import { datasetCsv } from '../../src/core/export-formats.ts';
import { readyApps, trainToEnd, until } from './harness.ts';
import type { AppState } from '../../src/app-state.svelte.ts';

const ready = readyApps();

/** A small d = 3 dataset with labels in no class order, as the exporter writes it. */
function csv(n = 40): string {
  const x = Float64Array.from({ length: 3 * n }, (_, k) => ((k * 7919) % 101) / 25 - 2);
  const y = Float64Array.from({ length: n }, (_, i) => (x[3 * i]! - x[3 * i + 1]! > 0 ? 1 : -1));
  return [...datasetCsv({ x, y, n, d: 3, nPositive: y.filter((v) => v > 0).length })].join('');
}

/** Chooses a file and waits until it is the data on screen or refused. */
async function imported(app: AppState, text: string, name = 'mine.csv'): Promise<void> {
  const before = app.summary;
  await app.imports.choose(new File([text], name));
  const settled = () => app.summary !== before || app.imports.error !== '';
  await until(() => settled() && !app.generating && app.run.idle, 'the import');
}

describe('ImportState', () => {
  it('makes a file the data on screen, at zero weights, and trains on it without drawing', async () => {
    const app = await ready();
    await imported(app, csv());
    expect(app.summary).toMatchObject({ n: 40, d: 3 });
    expect(app.summary!.source).toMatchObject({ name: 'mine.csv', rows: 40, d: 3 });
    expect(app.imports.error).toBe('');
    expect(app.status).toBe('idle');
    expect(Array.from(app.snapshot!.w)).toEqual([0, 0, 0]);
    const s = await trainToEnd(app);
    // Train kept the file's data (the generator's recipe was not drawn again).
    expect(app.summary!.source?.name).toBe('mine.csv');
    expect(s.epoch).toBe(400);
    expect(s.w).toHaveLength(3);
  });

  it('refuses a bad file with its exact message; the data, the run and the status stay', async () => {
    const app = await ready();
    const done = await trainToEnd(app);
    const summary = app.summary;
    await imported(app, 'x0,x1,label\n1,2,1\n3,oops,-1\n', 'bad.csv');
    expect(app.imports.error).toBe(
      'Line 3, column 3: expected a number for feature "x1", found "oops".',
    );
    expect(app.summary).toBe(summary);
    expect(app.snapshot).toBe(done);
    expect(app.status).toBe('done');
    expect(app.message).toBe('The file was not imported: the data on screen stays.');
    // A good file afterwards clears the message.
    await imported(app, csv());
    expect(app.imports.error).toBe('');
    expect(app.summary!.d).toBe(3);
  });

  it('Cancel stops a reading: the data on screen stays', async () => {
    const app = await ready();
    const summary = app.summary;
    await app.imports.choose(new File([csv(20_000)], 'big.csv'));
    // The reading of 20,000 rows takes many slices; Cancel lands before its end.
    await until(() => app.run.phase === 'generating', 'the reading');
    app.cancelGenerate();
    await app.run.settled();
    expect(app.run.message).toBe('Cancelled: the data on screen stays.');
    expect(app.status).toBe('idle');
    expect(app.summary).toBe(summary);
    expect(app.imports.error).toBe('');
    // The same file read again afterwards is the data.
    app.imports.load();
    await until(() => app.summary !== summary && app.run.idle, 'the reading');
    expect(app.summary!.source!.rows).toBe(20_000);
  });

  it('reads the chosen file again with other choices (the label column)', async () => {
    const app = await ready();
    await imported(app, 'y,a,b\n1,0.5,2\n0,1.5,3\n1,2.5,4\n');
    // The last column is the label by default: 2, 3, 4 are three labels.
    expect(app.imports.error).toBe(
      'Line 4, column 7: expected one of the two labels "2" and "3", found a third: "4".',
    );
    expect(app.imports.preview?.firstLine).toEqual(['y', 'a', 'b']);
    expect(app.imports.columns.map((c) => c.label)).toEqual([
      'the last column',
      '1: y',
      '2: a',
      '3: b',
    ]);
    app.imports.choices.labelColumn = 1;
    app.imports.load();
    await until(() => app.summary?.source !== undefined && app.run.idle, 'the second reading');
    expect(app.imports.error).toBe('');
    expect(app.summary).toMatchObject({ n: 3, d: 2, nPositive: 2 });
    expect(app.summary!.source!.featureNames).toEqual(['a', 'b']);
  });

  it('Generate goes back to the generator, even pressed before the file is read', async () => {
    const app = await ready();
    await imported(app, csv());
    app.generate();
    await until(() => !app.generating && app.run.idle && !app.summary?.source, 'the generator');
    expect(app.summary).toMatchObject({ n: 60, d: 2 });
    // A refusal's message goes when new data comes.
    await imported(app, '', 'empty.csv');
    expect(app.imports.error).not.toBe('');
    app.generate();
    await until(() => app.imports.error === '' && app.run.idle, 'the message to go');
    // A file chosen, then Generate pressed before the worker reads it: the generator's data.
    const before = app.summary;
    await app.imports.choose(new File([csv()], 'late.csv')); // queued: read after a frame
    app.generate();
    await until(() => app.summary !== before && app.run.phase === 'idle', 'the new data');
    await app.run.settled();
    expect(app.summary!.source).toBeUndefined();
    expect(app.summary).toMatchObject({ n: 60, d: 2 });
  });

  it('puts the file in the link, and a link naming a file asks for it until it is imported', async () => {
    const app = await ready();
    const generatorHash = app.hash!;
    await imported(app, csv());
    const source = app.summary!.source!;
    expect(app.hash).toBe(`${generatorHash}&data=${source.hash}&file=mine.csv&rows=40&d=3`);
    const other = await ready();
    other.readHash(app.hash!);
    expect(other.imports.linked).toEqual({ hash: source.hash, name: 'mine.csv', rows: 40, d: 3 });
    // Until the file is there, the link keeps naming it; the generator's data is on screen.
    expect(other.hash).toBe(app.hash);
    expect(other.summary!.source).toBeUndefined();
    await imported(other, csv(), 'renamed.csv');
    expect(other.imports.linked).toBeNull();
    expect(other.summary!.source!.hash).toBe(source.hash);
  });
});
