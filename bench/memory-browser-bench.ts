/**
 * `npm run --silent bench:memory:browser -- [--json] [--epochs 100000,1000000,10000000]`: the
 * app's memory in headless Chromium over a run of many epochs on the article's 60 points at full
 * speed. Builds the app, serves it with vite preview, and reads the page's and the training
 * worker's V8 isolates over the DevTools protocol (Runtime.getHeapUsage: the JS heap plus the
 * ArrayBuffer backing stores) once a second while the run trains (garbage included, no forced
 * collection), and after a collection at idle and at the end. Figures, not tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { findOnThisMachine } from '../test/e2e/engines/discovery.ts';
import { Isolate } from '../test/e2e/isolate-memory.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const list = args.includes('--epochs') ? args[args.indexOf('--epochs') + 1]! : '';
const sizes = list ? list.split(',').map(Number) : [100_000, 1_000_000, 10_000_000];
const MB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

const root = join(import.meta.dirname, '..');
const outDir = await mkdtemp(join(tmpdir(), 'hinge-lab-memory-'));
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
});
const baseUrl = server.resolvedUrls?.local[0];
if (!baseUrl) throw new Error('vite preview did not report its URL');
const browser = await chromium.launch({
  executablePath: findOnThisMachine('chromium'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});

async function measure(epochs: number) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${baseUrl}#epochs=${epochs}`);
  await page.waitForSelector('[data-testid="status"][data-value="idle"]');
  const cdp = await browser.newBrowserCDPSession();
  const { page: pageIso, worker: workerIso } = await Isolate.ofApp(cdp, page);
  const idle = { page: await pageIso.bytes(true), worker: await workerIso.bytes(true) };
  const peak = { ...idle };
  const t0 = performance.now();
  await page.click('[data-testid="train"]');
  for (;;) {
    await page.waitForTimeout(1000);
    peak.page = Math.max(peak.page, await pageIso.bytes());
    peak.worker = Math.max(peak.worker, await workerIso.bytes());
    const status = await page.getAttribute('[data-testid="status"]', 'data-value');
    if (status !== 'training') break;
  }
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const after = { page: await pageIso.bytes(true), worker: await workerIso.bytes(true) };
  const shown = Number(await page.getAttribute('[data-testid="epoch"]', 'data-value'));
  await cdp.detach();
  await page.close();
  const side = (k: 'page' | 'worker') => ({
    idle: MB(idle[k]),
    peakAboveIdle: MB(peak[k] - idle[k]),
    afterAboveIdle: MB(after[k] - idle[k]),
  });
  return { epochs, shown, seconds, workerMB: side('worker'), pageMB: side('page') };
}

try {
  const rows = [];
  for (const e of sizes) rows.push(await measure(e));
  if (json) console.log(JSON.stringify(rows));
  else {
    console.log('MB above idle (JS heap + buffers): peak sampled each second / after the run');
    console.log('epochs      shown       run s        worker          page');
    for (const r of rows) {
      const cell = (m: { peakAboveIdle: number; afterAboveIdle: number }) =>
        `${m.peakAboveIdle} / ${m.afterAboveIdle}`.padStart(14);
      const head = `${String(r.epochs).padEnd(11)} ${String(r.shown).padEnd(11)} ${String(r.seconds).padStart(5)}`;
      console.log(`${head}  ${cell(r.workerMB)}${cell(r.pageMB)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(outDir, { recursive: true, force: true });
}
