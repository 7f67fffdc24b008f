/**
 * The specs every engine runs, written once against the driver-neutral page: the article's
 * numbers (and its run time at the default settings, printed), pause / step / resume, a run at a
 * million points without long tasks where the engine reports them, Compare across two pages of one
 * profile, a run file exported in one profile and imported in another, and a CSV file imported,
 * trained on and exported back.
 */
import { describe, expect, inject, it } from 'vitest';
import { readReport } from '../report-fixture.ts';
import { rowsKernelBytes } from '../../../src/core/wasm/rows-kernel-code.ts';
import {
  attr,
  captureDownload,
  epoch,
  openApp,
  textOnce,
  value,
  waitForEpochAtLeast,
  waitForGone,
  waitForSelector,
  waitForStatus,
  waitReady,
} from './app-model.ts';
import { byTestId, type EngineBrowser, type EnginePage } from './engine.ts';
import { engineSession } from './engine-session.ts';

const ARTICLE = readReport('article');
/** The article's run to the bit (the same in Node and in all three engines). */
const ARTICLE_W = '1.6383530628294214,-1.0057067713962307';
const ARTICLE_B = '0.5450000000000023';
const MILLION =
  '#seed=7&nPerClass=500000&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=100000&reg=0.01';
const short = (lr: string) =>
  `#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=${lr}&epochs=60&reg=0.01`;

/**
 * The longest wait for the article's run at the default speed. It takes under a second at
 * compute speed; when each epoch waited for the page to draw it took ~14 s in Chromium and
 * Firefox and 100-170 s in WebKitGTK here (issue 15), which this still lets finish, so that a
 * regression shows as a slow time in the log rather than as a timeout.
 */
const ARTICLE_RUN_MS = 300_000;
/**
 * How soon a closed page leaves the other pages' Compare list: by its goodbye, well within the
 * registry's 4 s expiry, in every engine. (Firefox lost about one goodbye in two posted at
 * pagehide; the page now says it at beforeunload too.)
 */
const GOODBYE_MS = 3_000;
/** A main-thread task this long is a frozen page, whatever the machine's load. */
const FROZEN_MS = 250;

export function engineSpecs(launch: () => Promise<EngineBrowser>): void {
  const baseUrl = inject('baseUrl');
  const session = engineSession(launch);
  const open = async (hash = '') => openApp(await session.profile(), baseUrl, hash);

  async function expectFinal(page: EnginePage): Promise<void> {
    expect(await epoch(page)).toBe(400);
    expect(await value(page, 'weights')).toBe(ARTICLE_W);
    expect(await value(page, 'bias')).toBe(ARTICLE_B);
    expect(await page.text('sv-count')).toBe(`${ARTICLE.finalSv} of ${ARTICLE.n}`);
    expect(await page.text('mean-loss')).toBe(ARTICLE.finalLoss);
    expect(await page.text('weights')).toBe(ARTICLE.weights);
    expect(await page.text('bias')).toBe(ARTICLE.bias);
    expect(await textOnce(page, 'ascii', ARTICLE.finalGrid)).toBe(ARTICLE.finalGrid);
  }

  describe("the article's experiment", () => {
    it(
      "reproduces the article's numbers at the default settings",
      async () => {
        const page = await open();
        await waitReady(page);
        expect(await page.text('sv-count')).toBe(`${ARTICLE.initialSv} of ${ARTICLE.n}`);
        expect(await page.text('mean-loss')).toBe(ARTICLE.initialLoss);
        expect(await textOnce(page, 'ascii', ARTICLE.initialGrid)).toBe(ARTICLE.initialGrid);

        await timeClickToDone(page);
        await page.click('train');
        await waitForStatus(page, 'done', ARTICLE_RUN_MS);
        const ms = await page.evaluate(
          () => (window as unknown as { __e2eRunMs: number }).__e2eRunMs,
          null,
        );
        expect(ms).toBeGreaterThan(0);
        console.log(
          `${session.browser().engine}: the article's run took ${Math.round(ms)} ms ` +
            '(Train clicked to status done, timed in the page)',
        );
        await expectFinal(page);

        const png = await page.screenshot();
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.readUInt32BE(16)).toBeGreaterThan(0); // the image's width
      },
      ARTICLE_RUN_MS + 60_000,
    );
  });

  describe('pause, step and resume', () => {
    it('pauses mid-run, steps by button and key, and resumes to the same numbers', async () => {
      const page = await open();
      await waitReady(page);
      // 60 epochs a second, the worker's pace in every engine: time to pause mid-run.
      await page.select('field-speed', '60');
      await page.click('train');
      await waitForEpochAtLeast(page, 20);
      await page.click('pause');
      await waitForStatus(page, 'paused');
      expect(await page.text('pause')).toBe('Resume');
      const paused = await epoch(page);
      expect(paused).toBeGreaterThanOrEqual(20);
      expect(paused).toBeLessThan(400);
      await new Promise((r) => setTimeout(r, 300));
      expect(await epoch(page)).toBe(paused);

      await page.click('step');
      await waitForSelector(page, `${byTestId('epoch')}[data-value="${paused + 1}"]`);
      await page.press('s');
      await waitForSelector(page, `${byTestId('epoch')}[data-value="${paused + 2}"]`);
      expect(await value(page, 'status')).toBe('paused');

      // The pace from here to the end, timed in the page and logged (compared across engines in
      // the closing notes; the test asserts the numbers, never the time).
      const now = () => page.evaluate(() => performance.now(), null);
      const t0 = await now();
      await page.click('pause'); // Resume
      await waitForStatus(page, 'done');
      const seconds = ((await now()) - t0) / 1000;
      const pace = (400 - (paused + 2)) / seconds;
      console.log(`${session.browser().engine}: 60 epochs/s ran at ${pace.toFixed(1)} epochs/s`);
      await expectFinal(page);
    });
  });

  describe('a million points', () => {
    it('generates, trains, pauses, steps and resumes without long tasks', async () => {
      const page = await open(MILLION);
      await waitReady(page, 120_000);
      expect(await page.evaluate(() => crossOriginIsolated, null)).toBe(true); // vite preview's headers
      // The engine takes the wasm kernels the worker compiles (src/core/wasm: SIMD, a shared
      // memory where the engine has SharedArrayBuffer); where it would not, the worker falls
      // back to the JavaScript kernels, silently, at about half the speed.
      const shares = await page.evaluate(() => typeof SharedArrayBuffer === 'function', null);
      for (const d of [2, 5]) {
        const bytes = Array.from(rowsKernelBytes(d, shares));
        const valid = await page.evaluate((b) => WebAssembly.validate(new Uint8Array(b)), bytes);
        expect(valid, `the d = ${d} kernel in ${session.browser().engine}`).toBe(true);
      }
      // 2 threads: a pass worker nested in the training worker, sharing the rows where the
      // engine has SharedArrayBuffer, else holding a copy sent in parts (WebKitGTK: README).
      await page.fill('field-threads', '2');
      expect(await attr(page, byTestId('plot'), 'data-n')).toBe('1000000');
      expect(await page.text('sv-count')).toMatch(/ of 1,000,000$/);

      // PerformanceObserver's 'longtask' entries are Chromium's alone (Firefox and WebKit do not
      // report long tasks), so only Chromium can check for them; the run must work in all three.
      const reportsLongTasks = await page.evaluate(
        () => PerformanceObserver.supportedEntryTypes.includes('longtask'),
        null,
      );
      expect(reportsLongTasks).toBe(session.browser().engine === 'chromium');
      await page.evaluate(() => {
        const w = window as unknown as { __e2eLong: number[] };
        w.__e2eLong = [];
        if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__e2eLong.push(Math.round(e.duration));
        }).observe({ type: 'longtask' });
      }, null);

      await page.click('train');
      await waitForStatus(page, 'training');
      await waitForEpochAtLeast(page, 3);
      await page.click('pause');
      await waitForStatus(page, 'paused', 5_000);
      const paused = await epoch(page);
      await page.click('step');
      await waitForSelector(page, `${byTestId('epoch')}[data-value="${paused + 1}"]`);
      await page.click('pause'); // Resume
      await waitForEpochAtLeast(page, paused + 3);
      await page.click('pause');
      await waitForStatus(page, 'paused', 5_000);
      expect(Number(await value(page, 'throughput'))).toBeGreaterThan(0);

      // Every task over 50 ms is a long task; bench:ui holds the page to none on a quiet machine.
      // This suite shares two cores with a browser, a worker at full speed and the other tests,
      // which stretches a 20 ms task past 50 ms now and then; what it must catch is a page that
      // freezes (a second of work on the main thread), so it fails on any task over 250 ms.
      const long = await page.evaluate(
        () => (window as unknown as { __e2eLong: number[] }).__e2eLong,
        null,
      );
      if (long.length > 0) console.log(`long tasks while training (ms): ${long.join(', ')}`);
      expect(
        long.filter((ms) => ms > FROZEN_MS),
        `main-thread tasks over ${FROZEN_MS} ms while training`,
      ).toEqual([]);
    }, 240_000);
  });

  describe('Compare', () => {
    it('shows a run trained in another page of the profile, live, and drops it when that page closes', async () => {
      const profile = await session.profile();
      const a = await openApp(profile, baseUrl, short('0.05'));
      const b = await openApp(profile, baseUrl, short('0.2'));
      await waitReady(a);
      await waitReady(b);
      const idA = await runId(a);
      const idB = await runId(b);
      expect(idB).not.toBe(idA);
      await waitForSelector(a, row(idB, '[data-source="other-tab"][data-status="idle"]'));
      await waitForSelector(b, row(idA, '[data-source="other-tab"]'));

      await b.click('train');
      await waitForStatus(b, 'done');
      await waitForSelector(a, row(idB, '[data-status="done"]'));
      expect(await attr(a, row(idB), 'data-epoch')).toBe('60');
      expect(await value(b, 'epoch')).toBe('60');
      expect(await attr(a, row(idB), 'data-mean-loss')).toBe(await value(b, 'mean-loss'));
      expect(await attr(a, row(idA), 'data-source')).toBe('this-tab');

      // The closed page says goodbye as it goes: the wait is shorter than the 4 s after which a
      // silent tab expires from the list, so a page that never said goodbye fails here.
      await session.closePage(b);
      await waitForGone(a, row(idB), { timeout: GOODBYE_MS });
      expect(await a.evaluate((sel) => document.querySelectorAll(sel).length, row(''))).toBe(1);
    });
  });

  describe('run files', () => {
    it('exports a run that imports back, in another profile, to the same numbers', async () => {
      const a = await open(short('0.05'));
      await waitReady(a);
      await a.click('train');
      await waitForStatus(a, 'done');
      const id = await runId(a);
      await waitForSelector(a, row(id, '[data-status="done"]'));
      const file = await captureDownload(a, 'export-run');
      expect(file.name).toBe('hinge-lab-run-lr-0.05-0.01-seed-7.json');
      const json = JSON.parse(file.text) as Record<string, unknown>;
      expect(json.format).toBe('hinge-lab/run');
      expect(json.id).toBe(id);
      const meanLoss = await value(a, 'mean-loss');
      expect(String((json.metrics as { meanLoss: number }).meanLoss)).toBe(meanLoss);

      const c = await open(short('0.05'));
      await waitReady(c);
      await c.setInputFile('import-run', { name: 'notes.json', content: 'this is not json' });
      await c.waitFor(
        (sel) => document.querySelector(sel)?.textContent?.includes('not JSON'),
        byTestId('run-import-error'),
        { what: 'the import error' },
      );
      expect(await c.text('run-import-error')).toContain('Could not import “notes.json”');

      await c.setInputFile('import-run', { name: file.name, content: file.text });
      await waitForSelector(c, row(id, '[data-source="imported"]'));
      expect(await attr(c, row(id), 'data-mean-loss')).toBe(meanLoss);
      expect(await attr(c, row(id), 'data-epoch')).toBe('60');
      expect(await c.text('run-import-error')).toBe('');
    });
  });

  describe('your own data', () => {
    it('imports a CSV with labels in no order, trains on it and exports it back as it was', async () => {
      const rows = Array.from({ length: 40 }, (_, i) => {
        const [x0, x1] = [((i * 37) % 23) / 4 - 3, ((i * 11) % 17) / 3 - 3];
        return `${x0},${x1},${x0 - 0.5 * x1 > 0 ? 1 : -1}\n`;
      });
      const csv = `x0,x1,label\n${rows.join('')}`;
      const a = await open(short('0.05'));
      await waitReady(a);
      await a.setInputFile('import-data', { name: 'bad.csv', content: 'x0,label\n1,1\n2,1\n' });
      await waitForSelector(a, byTestId('import-error'));
      expect(await a.text('import-error')).toBe(
        'The file: expected two distinct labels, found only "1" (in all 2 rows).',
      );
      await a.setInputFile('import-data', { name: 'mine.csv', content: csv });
      await waitForSelector(a, `${byTestId('plot')}[data-n="40"]`);
      await waitReady(a);
      await a.click('train');
      await waitForStatus(a, 'done');
      expect(await epoch(a)).toBe(60);
      expect((await captureDownload(a, 'export-csv')).text).toBe(csv);
    });
  });
}

/** Times, in the page, the next click on Train until the status reads done (__e2eRunMs). */
function timeClickToDone(page: EnginePage): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __e2eRunMs?: number };
    const status = document.querySelector('[data-testid="status"]')!;
    let clickedAt = 0;
    document
      .querySelector('[data-testid="train"]')!
      .addEventListener('click', () => (clickedAt = performance.now()), {
        capture: true,
        once: true,
      });
    new MutationObserver((_, observer) => {
      if (clickedAt === 0 || status.getAttribute('data-value') !== 'done') return;
      w.__e2eRunMs = performance.now() - clickedAt;
      observer.disconnect();
    }).observe(status, { attributes: true });
  }, null);
}

/** This page's run id, once the Compare panel has a record of it. */
async function runId(page: EnginePage): Promise<string> {
  const sel = `${byTestId('run-label')}[data-run-id]`;
  await waitForSelector(page, sel);
  return (await attr(page, sel, 'data-run-id'))!;
}

const row = (id: string, extra = '') =>
  id === '' ? byTestId('compare-row') : `${byTestId('compare-row')}[data-run-id="${id}"]${extra}`;
