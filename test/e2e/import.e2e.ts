/**
 * Importing a dataset in Chromium: CSV and LIBSVM files (d = 2 and d = 5) become the data on
 * screen, train, and export back byte for byte; the plot of d = 5 says it is a slice; every bad
 * file shows the parser's exact message and leaves the dataset and the run on screen as they
 * were; a 1 GB file is refused before it is read; the link names the file and asks for it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { datasetCsv, datasetLibsvm } from '../../src/core/export-formats.ts';
import { createImporter } from '../../src/core/import/import-data.ts';
import { seriousAxeViolations } from './axe.ts';
import { pagePerTest } from './browser.ts';
import { byTestId, text, value, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const session = pagePerTest(baseUrl);

/** n rows of d features in no class order, as the exporter writes them. */
function dataset(n: number, d: number) {
  const x = Float64Array.from({ length: n * d }, (_, k) => (((k * 7919) % 1013) - 506) / 137);
  const y = Float64Array.from({ length: n }, (_, i) => {
    let s = 0.2;
    for (let j = 0; j < d; j++) s += (j % 2 ? -0.7 : 1) * x[i * d + j]!;
    return s >= 0 ? 1 : -1;
  });
  return { x, y, n, d, nPositive: y.filter((v) => v > 0).length };
}
const csvText = (n: number, d: number) => [...datasetCsv(dataset(n, d))].join('');
const libsvmText = (n: number, d: number) => [...datasetLibsvm(dataset(n, d))].join('');

/** The message the parser gives for these bytes (the page must show exactly this). */
function parserMessage(name: string, body: string | Buffer): string {
  const format = /\.(libsvm|svm)$/.test(name) ? 'libsvm' : 'csv';
  const importer = createImporter(format);
  try {
    importer.push(typeof body === 'string' ? new TextEncoder().encode(body) : body);
    importer.finish();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${name} parses without an error`);
}

async function choose(page: Page, name: string, body: string | Buffer): Promise<void> {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  await page.setInputFiles(byTestId('import-data'), { name, mimeType: 'text/plain', buffer });
}

/** Imports a file and waits until it is the data on screen, at epoch 0. */
async function importFile(page: Page, name: string, body: string | Buffer): Promise<void> {
  await choose(page, name, body);
  await page.waitForSelector(`${byTestId('data-source-name')}:text-is("${name}")`);
  await waitReady(page);
}

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(byTestId(testid))]);
  return readFileSync(await file.path(), 'utf8');
}

/** What the page shows of its data and run: compared before and after a refused file. */
async function onScreen(page: Page) {
  return {
    n: await page.getAttribute(byTestId('plot'), 'data-n'),
    // No wait: the generator's data has no source element.
    source: await page.evaluate(
      (sel) => document.querySelector(sel)?.getAttribute('data-hash') ?? null,
      byTestId('data-source'),
    ),
    status: await value(page, 'status'),
    epoch: await value(page, 'epoch'),
    objective: await value(page, 'objective'),
    weights: await value(page, 'weights'),
  };
}

describe('import', () => {
  it.each([
    ['two.csv', () => csvText(500, 2), 'export-csv'],
    ['five.csv', () => csvText(500, 5), 'export-csv'],
    ['two.libsvm', () => libsvmText(500, 2), 'export-libsvm'],
    ['five.libsvm', () => libsvmText(500, 5), 'export-libsvm'],
  ] as const)(
    '%s: imports, trains and exports back byte for byte',
    async (name, make, exporter) => {
      const body = make();
      const d = name.startsWith('five') ? 5 : 2;
      const page = await session.open('');
      await waitReady(page);
      await importFile(page, name, body);
      expect(await page.getAttribute(byTestId('plot'), 'data-n')).toBe('500');
      // The generator's true boundary is no boundary of a file's data.
      expect(await page.locator(`${byTestId('plot')} .line-truth`).count()).toBe(0);
      expect(await page.getByLabel('True boundary').count()).toBe(0); // nor a switch for one
      const csv = name.endsWith('.csv');
      // The exporter writes labels 1 and -1 in CSV, +1 and -1 in LIBSVM.
      expect(await text(page, 'label-map')).toBe(`“${csv ? '1' : '+1'}” → +1, “-1” → −1`);
      const caption = page.locator(byTestId('plot-caption'));
      if (d === 5) {
        // A CSV's header names the features (x0 …); LIBSVM has none: x₁ … (1-based like its indices).
        const [a, b, e] = csv ? ['x0', 'x1', 'x4'] : ['x₁', 'x₂', 'x₅'];
        expect(await caption.textContent()).toContain(
          `${a} against ${b} of 5 features: the decision boundary and margins are the slice through the other 3 features at their means`,
        );
        expect(await page.isVisible(byTestId('text-view-off'))).toBe(true);
        // Another pair of features: the caption follows.
        await page.selectOption(byTestId('plot-feature-y'), '4');
        await page.waitForSelector(`${byTestId('plot-caption')}:has-text("${a} against ${e}")`);
      } else {
        expect(await caption.count()).toBe(0);
      }
      await page.click(byTestId('train'));
      await waitForStatus(page, 'done');
      expect(await value(page, 'epoch')).toBe('400');
      expect(await download(page, exporter)).toBe(body);
      // The import panel, the source and the feature choices are accessible.
      if (d === 5) expect(await seriousAxeViolations(page)).toEqual([]);
    },
  );

  it('refuses every bad file with its exact message, changing nothing on screen', async () => {
    const page = await session.open('');
    await waitReady(page);
    await importFile(page, 'good.csv', csvText(200, 3));
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    const before = await onScreen(page);
    const bad: [string, string | Buffer][] = [
      ['empty.csv', ''],
      ['header-only.csv', 'x0,x1,label\n'],
      ['ragged.csv', 'x0,x1,label\n1,2,1\n3,-1\n'],
      ['word.csv', 'x0,x1,label\n1,2,1\n3,abc,-1\n'],
      ['nan.csv', 'x0,x1,label\n1,2,1\n3,NaN,-1\n'],
      ['infinity.csv', 'x0,x1,label\n1,2,1\n3,Infinity,-1\n'],
      ['one-class.csv', 'x0,label\n1,1\n2,1\n'],
      ['third.csv', 'x0,label\n1,1\n2,-1\n3,2\n'],
      ['zero.libsvm', '+1 0:1.5\n-1 1:2\n'],
      ['order.libsvm', '+1 2:1 1:3\n-1 1:2\n'],
      ['markup.csv', 'x0,label\n1,1\n<img src=x onerror=alert(1)>,-1\n'],
    ];
    for (const [name, body] of bad) {
      await choose(page, name, body);
      const error = page.locator(byTestId('import-error'));
      await error.waitFor();
      expect(await error.textContent(), name).toBe(parserMessage(name, body));
      await waitForStatus(page, 'done');
      expect(await onScreen(page), name).toEqual(before);
    }
    // Markup in a file is text on the page, never HTML.
    expect(await page.locator(`${byTestId('import-error')} img`).count()).toBe(0);
  });

  it('refuses a 1 GB file dropped on the plot before reading it', async () => {
    const page = await session.open('');
    await waitReady(page);
    const before = await onScreen(page);
    // A 1 GiB File from one 1 MiB part repeated: nothing near 1 GB is written or held.
    await page.evaluate((sel) => {
      const mb = new Blob([new Uint8Array(1 << 20).fill(49)]);
      const file = new File(
        Array.from({ length: 1024 }, () => mb),
        'huge.csv',
      );
      const dt = new DataTransfer();
      dt.items.add(file);
      const target = document.querySelector(sel)!.closest('[role="group"]')!;
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, byTestId('plot'));
    const error = page.locator(byTestId('import-error'));
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'The file: expected at most 800 MB, found 1.07 GB (1073741824 bytes).',
    );
    await waitForStatus(page, 'idle');
    expect(await onScreen(page)).toEqual(before);
  });

  it('reads a UTF-8 BOM and CRLF line ends as the same data', async () => {
    const plain = csvText(100, 2);
    const page = await session.open('');
    await waitReady(page);
    await importFile(page, 'plain.csv', plain);
    const hash = await page.getAttribute(byTestId('data-source'), 'data-hash');
    const crlf = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(plain.replace(/\n/g, '\r\n')),
    ]);
    await importFile(page, 'bom-crlf.csv', crlf);
    expect(await page.getAttribute(byTestId('data-source'), 'data-hash')).toBe(hash);
  });

  it('puts the file in the link; opened elsewhere, the page asks for it and takes it', async () => {
    const body = csvText(120, 2);
    const page = await session.open('');
    await waitReady(page);
    await importFile(page, 'shared data.csv', body);
    const hash = (await page.getAttribute(byTestId('data-source'), 'data-hash'))!;
    await page.waitForFunction((h) => location.hash.includes(`&data=${h}`), hash);
    const link = await page.evaluate(() => location.hash);
    expect(link).toContain('&file=shared%20data.csv&rows=120&d=2');

    const other = await session.open(link);
    await waitReady(other);
    const needed = other.locator(byTestId('import-needed'));
    expect(await needed.textContent()).toContain('“shared data.csv” (120 rows, d = 2, hash');
    // The generator's data meanwhile, and the link keeps naming the file.
    expect(await other.getAttribute(byTestId('plot'), 'data-n')).toBe('60');
    expect(await other.evaluate(() => location.hash)).toBe(link);
    await importFile(other, 'shared data.csv', body);
    expect(await needed.count()).toBe(0);
  });
});
