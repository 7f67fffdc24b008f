/**
 * The Compare panel in a real browser: runs in two tabs of one browser context see each other
 * live over BroadcastChannel and leave when their tab closes; a duplicate tab is a new run; a
 * pinned run survives a reload; a run file exports and re-imports to the same numbers, and a
 * malformed one is refused with its reason; the dataset and the plot download.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { EXPIRE_MS } from '../../src/compare/run-registry.ts';
import { byTestId, value, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const hash = (lr: string, epochs = 60) =>
  `#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=${lr}&epochs=${epochs}&reg=0.01`;

let browser: Browser;
let contexts: BrowserContext[] = [];
let errors: string[] = [];

/** A fresh browser context (its own storage): its pages share BroadcastChannel and IndexedDB. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  context.on('page', watch);
  return context;
}

function watch(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
}

async function openIn(context: BrowserContext, h: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + h);
  await waitReady(page);
  return page;
}

/** This tab's run id, once the panel has a record of it. */
async function runId(page: Page): Promise<string> {
  await page.waitForSelector(`${byTestId('run-label')}[data-run-id]`);
  return (await page.getAttribute(byTestId('run-label'), 'data-run-id'))!;
}

const row = (id: string, extra = '') => `${byTestId('compare-row')}[data-run-id="${id}"]${extra}`;

async function train(page: Page): Promise<void> {
  await page.click(byTestId('train'));
  await waitForStatus(page, 'done');
}

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(byTestId(testid))]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  const seen = errors;
  for (const c of contexts) await c.close();
  contexts = [];
  errors = [];
  expect(seen, 'console errors and uncaught exceptions').toEqual([]);
});

describe('runs in other tabs', () => {
  it('shows a run trained in another tab, live, with its numbers, and drops it when that tab closes', async () => {
    const context = await newContext();
    const a = await openIn(context, hash('0.05'));
    const b = await openIn(context, hash('0.2'));
    const idA = await runId(a);
    const idB = await runId(b);
    expect(idB).not.toBe(idA);
    await a.waitForSelector(row(idB, '[data-source="other-tab"][data-status="idle"]'));
    await b.waitForSelector(row(idA, '[data-source="other-tab"]'));

    await train(b);
    await a.waitForSelector(row(idB, '[data-status="done"]'));
    expect(await a.getAttribute(row(idB), 'data-epoch')).toBe(await value(b, 'epoch'));
    expect(await a.getAttribute(row(idB), 'data-mean-loss')).toBe(await value(b, 'mean-loss'));
    expect(await value(b, 'epoch')).toBe('60');
    // This tab's own row, and the setting that differs, highlighted.
    expect(await a.getAttribute(row(idA), 'data-source')).toBe('this-tab');
    expect(await a.textContent(`${byTestId('compare-panel')} thead th.differs`)).toContain(
      'Learning rate',
    );
    expect(await seriousAxeViolations(a)).toEqual([]);

    await b.close();
    // Well within the registry's expiry, so only B's bye (sent on pagehide) can remove its row.
    await a.waitForSelector(row(idB), { state: 'detached', timeout: EXPIRE_MS / 2 });
    expect(await a.$$(byTestId('compare-row'))).toHaveLength(1);
  });

  it('opens a duplicate as a new run, and a new name reaches the other tabs', async () => {
    const context = await newContext();
    const a = await openIn(context, hash('0.05'));
    const idA = await runId(a);
    const [copy] = await Promise.all([
      context.waitForEvent('page'),
      a.click('button:has-text("Duplicate in new tab")'),
    ]);
    await copy.waitForLoadState();
    await waitReady(copy);
    const idCopy = await runId(copy);
    expect(idCopy).not.toBe(idA);
    expect(new URL(copy.url()).search).toBe('');
    expect(new URL(copy.url()).hash).toBe(hash('0.05'));
    expect(await copy.inputValue(byTestId('run-label'))).toBe('lr 0.05 · λ 0.01 · seed 7');

    await copy.fill(byTestId('run-label'), '  high learning rate ');
    await copy.press(byTestId('run-label'), 'Enter');
    await a.waitForSelector(row(idCopy, ':has-text("high learning rate")'));

    await copy.fill(byTestId('run-label'), 'x'.repeat(81));
    await copy.press(byTestId('run-label'), 'Enter');
    expect(await copy.getAttribute(byTestId('run-label'), 'aria-invalid')).toBe('true');
    expect(await copy.textContent('#run-label-note')).toContain('label must be 1 to 80 characters');
    expect(await a.textContent(row(idCopy))).toContain('high learning rate');
  });
});

describe('saved runs', () => {
  it('keeps a pinned run across a reload, beside the fresh run of the reloaded tab', async () => {
    const context = await newContext();
    const a = await openIn(context, hash('0.05'));
    expect(await a.isDisabled(byTestId('pin'))).toBe(true); // not finished yet
    await train(a);
    const id = await runId(a);
    await a.waitForSelector(row(id, '[data-status="done"]'));
    const loss = await value(a, 'mean-loss');
    await a.click(byTestId('pin'));
    await a.waitForSelector(row(id, '[data-saved="true"]'));
    expect(await a.textContent(byTestId('pin'))).toBe('Pinned');

    await a.reload();
    await waitReady(a);
    await a.waitForSelector(row(id, '[data-source="saved"]'));
    expect(await a.getAttribute(row(id, '[data-source="saved"]'), 'data-mean-loss')).toBe(loss);
    expect(await a.getAttribute(row(id, '[data-source="saved"]'), 'data-epoch')).toBe('60');
    expect(await runId(a)).toBe(id); // the tab keeps its id until it trains again

    await train(a);
    await a.waitForFunction(
      ([sel, old]) => document.querySelector(sel!)?.getAttribute('data-run-id') !== old,
      [byTestId('run-label'), id] as const,
    );
    expect(await a.$$(row(id))).toHaveLength(1); // the saved one

    await a.click(byTestId('clear-saved'));
    await a.click(byTestId('confirm-clear'));
    await a.waitForSelector(row(id), { state: 'detached' });
  });
});

describe('run files', () => {
  it('exports a run that imports back, in another browser profile, to the same numbers', async () => {
    const a = await openIn(await newContext(), hash('0.05'));
    await train(a);
    const id = await runId(a);
    await a.waitForSelector(row(id, '[data-status="done"]'));
    await a.check('text=With support-vector indices');
    const file = await download(a, 'export-run');
    expect(file.name).toBe('hinge-lab-run-lr-0.05-0.01-seed-7.json');
    const json = JSON.parse(file.bytes.toString('utf8'));
    expect(json.format).toBe('hinge-lab/run');
    expect(json.version).toBe(3);
    expect(json.id).toBe(id);
    expect(String(json.metrics.meanLoss)).toBe(await value(a, 'mean-loss'));
    expect(json.svIndices).toHaveLength(Number(await value(a, 'sv-count')));

    const c = await openIn(await newContext(), hash('0.05'));
    await c.setInputFiles(byTestId('import-run'), {
      name: file.name,
      mimeType: 'application/json',
      buffer: file.bytes,
    });
    await c.waitForSelector(row(id, '[data-source="imported"]'));
    expect(await c.getAttribute(row(id), 'data-mean-loss')).toBe(await value(a, 'mean-loss'));
    expect(await c.getAttribute(row(id), 'data-epoch')).toBe('60');
    expect(await c.textContent(byTestId('run-import-error'))).toBe('');
  });

  it('refuses a malformed or foreign file, saying what is wrong, and changes nothing else', async () => {
    const a = await openIn(await newContext(), hash('0.05'));
    await runId(a);
    const before = await a.$$eval(byTestId('compare-row'), (rs) =>
      rs.map((r) => r.textContent + JSON.stringify({ ...(r as HTMLElement).dataset })),
    );
    const cases: [string, string][] = [
      [
        '{"format":"spreadsheet","version":1}',
        "not a hinge-lab run file (format is 'spreadsheet')",
      ],
      ['{"format":"hinge-lab/run","version":7}', 'unsupported hinge-lab run file (version 7'],
      ['this is not json', 'not JSON'],
      [
        '{"format":"hinge-lab/run","version":1,"id":"x","label":"bad","status":"done","epoch":1,' +
          '"createdAt":1,"updatedAt":1,"recipe":{"seed":7,"nPerClass":30,"trueW":[1,-0.6],' +
          '"trueB":0.4,"noise":0.5},"hp":{"lr":-1,"epochs":400,"reg":0.01}}',
        'hp.lr must be',
      ],
    ];
    for (const [text, reason] of cases) {
      await a.setInputFiles(byTestId('import-run'), {
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await a.waitForFunction(
        ([sel, want]) => document.querySelector(sel!)?.textContent?.includes(want!),
        [byTestId('run-import-error'), reason] as const,
      );
      expect(await a.getAttribute(byTestId('run-import-error'), 'role')).toBe('alert');
      expect(await a.textContent(byTestId('run-import-error'))).toContain(
        'Could not import “notes.json”',
      );
    }
    const after = await a.$$eval(byTestId('compare-row'), (rs) =>
      rs.map((r) => r.textContent + JSON.stringify({ ...(r as HTMLElement).dataset })),
    );
    expect(after).toEqual(before);
    expect(await value(a, 'epoch')).toBe('0');
  });
});

describe('downloads', () => {
  it('writes the dataset as CSV and LIBSVM (not while training) and the plot as SVG and PNG', async () => {
    const a = await openIn(await newContext(), hash('0.05'));
    const csv = await download(a, 'export-csv');
    expect(csv.name).toBe('hinge-lab-data-seed7-n60.csv');
    const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('x0,x1,label');
    expect(lines).toHaveLength(61);
    const libsvm = await download(a, 'export-libsvm');
    const rows = libsvm.bytes.toString('utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => /^[+-]1 1:\S+ 2:\S+$/.test(r))).toBe(true);
    // The same points in both files.
    expect(rows[0]!.replace(/^\S+ 1:(\S+) 2:(\S+)$/, '$1,$2')).toBe(
      lines[1]!.split(',').slice(0, 2).join(','),
    );

    const svg = await download(a, 'export-svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg /);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).not.toContain('class=');
    expect(text).not.toContain('var(--');
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(text)![1]);
    const png = await download(a, 'export-png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBe(Math.round(2 * width));

    await a.fill(byTestId('field-epochs'), '1000000');
    await a.click(byTestId('train'));
    await waitForStatus(a, 'training');
    expect(await a.isDisabled(byTestId('export-csv'))).toBe(true);
    await a.click(byTestId('pause'));
    await waitForStatus(a, 'paused');
    expect(await a.isEnabled(byTestId('export-csv'))).toBe(true);
  });
});
