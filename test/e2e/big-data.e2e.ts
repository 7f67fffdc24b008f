/**
 * Millions of points without a frozen page: generation in slices with progress and Cancel, a
 * bounded number of SVG marks over a density layer of all n, a working Pause at 10^6 points, a
 * recipe over the limit refused without side effects, and a hidden tab that draws nothing until
 * it is shown again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_RECIPE, recipeErrors } from '../../src/core/recipe.ts';
import { pagePerTest } from './browser.ts';
import {
  byTestId,
  epoch,
  text,
  value,
  waitForEpochAbove,
  waitForStatus,
  waitReady,
} from './page-model.ts';
import { readReport } from './report-fixture.ts';

const baseUrl = inject('baseUrl');
const ARTICLE = readReport('article');
const MILLION =
  '#seed=7&nPerClass=500000&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=100000&reg=0.01';
/** The display sample's size (src/core/display-sample.ts). */
const SAMPLE_SIZE = 4000;

const session = pagePerTest(baseUrl);
let page: Page;

async function open(hash = ''): Promise<Page> {
  page = await session.open(hash);
  return page;
}

/** Marks drawn in a path: its subpaths (each mark is one, starting with M). */
async function marksIn(p: Page, selector: string): Promise<number> {
  return p.$$eval(selector, (paths) =>
    paths.reduce((k, el) => k + (el.getAttribute('d')?.match(/M/g)?.length ?? 0), 0),
  );
}

/** What the page shows that a refused edit must leave alone. */
async function shownState(p: Page) {
  const readouts: Record<string, string> = {};
  for (const id of ['epoch', 'sv-count', 'mean-loss', 'weights', 'bias', 'status']) {
    readouts[id] = `${await value(p, id)} ${await text(p, id)}`;
  }
  readouts.progress = (await p.getAttribute(byTestId('progress'), 'aria-valuetext')) ?? '';
  readouts.throughput = await text(p, 'throughput');
  return {
    readouts,
    plot: await p.$eval(byTestId('plot'), (el) => new XMLSerializer().serializeToString(el)),
    hash: new URL(p.url()).hash,
  };
}

/** Clicks Pause and returns the milliseconds, timed in the page, until the status reads paused. */
async function timedPause(p: Page): Promise<number> {
  await p.evaluate(() => {
    const status = document.querySelector('[data-testid="status"]')!;
    const w = window as unknown as { pausedAt?: number; clickedAt?: number };
    delete w.pausedAt;
    new MutationObserver((_, observer) => {
      if (status.getAttribute('data-value') !== 'paused') return;
      w.pausedAt = performance.now();
      observer.disconnect();
    }).observe(status, { attributes: true });
    document
      .querySelector('[data-testid="pause"]')!
      .addEventListener('click', (e) => (w.clickedAt = e.timeStamp), { capture: true, once: true });
  });
  await p.click(byTestId('pause'));
  await waitForStatus(p, 'paused', 5_000);
  return p.evaluate(() => {
    const w = window as unknown as { pausedAt: number; clickedAt: number };
    return w.pausedAt - w.clickedAt;
  });
}

describe('a million points', () => {
  it('draws a bounded sample over a density of all n, and trains, pauses and steps', async () => {
    await open(MILLION);
    await waitReady(page);
    expect(await page.getAttribute(byTestId('plot'), 'data-n')).toBe('1000000');
    expect(await text(page, 'sv-count')).toMatch(/ of 1,000,000$/);

    const positives = await marksIn(page, byTestId('marks-positive'));
    const negatives = await marksIn(page, byTestId('marks-negative'));
    expect(positives + negatives).toBe(SAMPLE_SIZE);
    expect(await page.getAttribute(byTestId('marks-positive'), 'data-count')).toBe(
      String(positives),
    );
    const rings = await marksIn(page, `${byTestId('marks-sv')} path`);
    expect(Number(await page.getAttribute(byTestId('marks-sv'), 'data-count'))).toBe(rings);
    expect(rings).toBeGreaterThan(0);
    expect(rings).toBeLessThanOrEqual(SAMPLE_SIZE);
    const elements = await page.$$eval(`${byTestId('plot')} *`, (all) => all.length);
    expect(elements).toBeLessThan(300);
    await page.waitForSelector(`${byTestId('density')}[href^="data:image/png"]`);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent,
      byTestId('ascii'),
    );
    const initialGrid = (await page.textContent(byTestId('ascii')))!;
    expect(initialGrid.split('\n')).toHaveLength(21);

    await page.click(byTestId('train'));
    await waitForStatus(page, 'training');
    // The text view follows the run at a million points too, while it trains.
    await page.waitForFunction(
      ([grid, status, before]) =>
        document.querySelector(grid!)?.textContent !== before &&
        document.querySelector(status!)?.getAttribute('data-value') === 'training',
      [byTestId('ascii'), byTestId('status'), initialGrid] as const,
    );
    const progress = () =>
      page.getAttribute(byTestId('progress'), 'aria-valuenow').then((v) => Number(v));
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)?.getAttribute('aria-valuenow')) >= 3,
      byTestId('progress'),
    );
    const first = await progress();
    await page.waitForFunction(
      ([sel, v]) => Number(document.querySelector(sel!)?.getAttribute('aria-valuenow')) > v!,
      [byTestId('progress'), first] as const,
    );
    expect(Number(await value(page, 'throughput'))).toBeGreaterThan(0);
    expect(await marksIn(page, `${byTestId('marks-sv')} path`)).toBeLessThanOrEqual(SAMPLE_SIZE);

    expect(await timedPause(page)).toBeLessThan(500);
    const paused = await epoch(page);
    expect(await progress()).toBe(paused);
    await page.waitForTimeout(600);
    expect(await epoch(page)).toBe(paused);
    expect(await progress()).toBe(paused);

    await page.click(byTestId('step'));
    await page.waitForSelector(`${byTestId('epoch')}[data-value="${paused + 1}"]`);
    expect(await value(page, 'status')).toBe('paused');

    await page.click(byTestId('pause')); // Resume
    await waitForEpochAbove(page, paused + 1);
    expect(await timedPause(page)).toBeLessThan(500);
  });

  it('shows the progress of drawing the data and cancels it, keeping the data on screen', async () => {
    await open();
    await waitReady(page);
    const before = await shownState(page);
    await page.fill(byTestId('field-nPerClass'), '2500000');
    await page.click(byTestId('generate'));
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)?.getAttribute('aria-valuenow')) > 0,
      byTestId('generate-progress'),
    );
    await page.click(byTestId('cancel-generate'));
    await page.waitForSelector(byTestId('generate-progress'), { state: 'detached' });
    await page.waitForTimeout(300);
    const after = await shownState(page);
    expect(after.plot).toBe(before.plot);
    expect(after.readouts).toEqual(before.readouts);
    expect(await page.textContent('.status-line')).toContain('Cancelled');

    // The old dataset is still the worker's: training it reproduces the article.
    await page.fill(byTestId('field-nPerClass'), '30');
    await page.selectOption(byTestId('field-speed'), 'full');
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    expect(await text(page, 'sv-count')).toBe(`${ARTICLE.finalSv} of ${ARTICLE.n}`);
  });
});

describe('the point limit', () => {
  const message = recipeErrors({ ...DEFAULT_RECIPE, nPerClass: 6_000_000 })[0]!.message;

  it('refuses a recipe over the limit with its memory, and changes nothing else', async () => {
    expect(message).toContain('would need about');
    await open();
    await waitReady(page);
    const before = await shownState(page);
    await page.fill(byTestId('field-nPerClass'), '6000000');
    await page.waitForSelector(`${byTestId('field-nPerClass')}[aria-invalid="true"]`);
    expect(await page.textContent('#field-nPerClass-note')).toBe(message);
    expect(await page.isDisabled(byTestId('train'))).toBe(true);
    expect(await page.isDisabled(byTestId('generate'))).toBe(true);
    expect(await page.isDisabled(byTestId('step'))).toBe(true);
    await page.press(byTestId('field-nPerClass'), 'Enter');
    await page.waitForTimeout(300);
    expect(await shownState(page)).toEqual(before);
  });

  it('ignores an over-limit value in a link, saying why', async () => {
    await open(MILLION.replace('nPerClass=500000', 'nPerClass=6000000'));
    await waitReady(page);
    const notice = await text(page, 'url-notice');
    expect(notice).toContain('nPerClass=6000000');
    expect(notice).toContain(message);
    expect(await page.getAttribute(byTestId('plot'), 'data-n')).toBe(String(ARTICLE.n));
  });
});

describe('a hidden tab', () => {
  it('keeps training without drawing, and catches up when shown', async () => {
    await open();
    await waitReady(page);
    await page.click(byTestId('train'));
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)?.getAttribute('data-value')) >= 5,
      byTestId('epoch'),
    );
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (h ? 'hidden' : 'visible'),
        });
        document.dispatchEvent(new Event('visibilitychange'));
        const el = document.querySelector('[data-testid="epoch"]')!;
        return Number(el.getAttribute('data-value'));
      }, hidden);
    const hiddenAt = await setHidden(true);
    const plot = await page.$eval(byTestId('plot'), (el) =>
      new XMLSerializer().serializeToString(el),
    );
    await waitForStatus(page, 'done');
    expect(await epoch(page)).toBe(hiddenAt);
    expect(
      await page.$eval(byTestId('plot'), (el) => new XMLSerializer().serializeToString(el)),
    ).toBe(plot);

    await setHidden(false);
    await page.waitForSelector(`${byTestId('epoch')}[data-value="400"]`);
    expect(await text(page, 'sv-count')).toBe(`${ARTICLE.finalSv} of ${ARTICLE.n}`);
    expect(await text(page, 'mean-loss')).toBe(ARTICLE.finalLoss);
    expect(await text(page, 'weights')).toBe(ARTICLE.weights);
  });
});
