/**
 * Solve in a real browser: the exact optimum of the article's data with its certificate, the
 * faint optimal line under the run, the run's distance to P*, the SV-only retrain check on the
 * optimum's and the run's support vectors, and Cancel of a solve at 10^6 points.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { pagePerTest } from './browser.ts';
import { byTestId, value, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const session = pagePerTest(baseUrl);

async function solved(page: Page): Promise<void> {
  await page.click(byTestId('solve'));
  await page.waitForSelector(byTestId('optimum-objective'), { timeout: 60_000 });
}

describe('Solve', () => {
  it('finds P* = 0.16172920066728… of the article’s data, certified, drawn under the run', async () => {
    const page = await session.open('');
    await waitReady(page);
    await solved(page);
    const p = Number(await value(page, 'optimum-objective'));
    const gap = Number(await value(page, 'optimum-gap'));
    expect(Math.abs(p - 0.16172920066728)).toBeLessThan(1e-10);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(1e-9);
    const w = (await value(page, 'optimum-weights'))!.split(',').map(Number);
    expect(w[0]).toBeCloseTo(2.1221, 4);
    expect(w[1]).toBeCloseTo(-1.3077, 4);
    expect(await page.locator(byTestId('optimum-line')).count()).toBe(1);
    expect(await page.textContent('ul.legend')).toContain('Exact optimum');

    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    // The article's 400 epochs end at P = 0.166487: 0.004758 above the optimum.
    const distance = Number(await value(page, 'optimum-distance'));
    expect(distance).toBeCloseTo(0.166487 - 0.1617292, 6);
    // The loss chart then shows P(w_t, b_t) − P* on a log axis.
    await page.check(byTestId('minus-optimum'));
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes('Objective − P*'),
      byTestId('loss-chart'),
    );
    expect(await page.textContent(byTestId('loss-chart'))).toContain('P − P* (log)');
    // Compare shows the run's distance to the optimum of its dataset.
    const cell = page.locator(byTestId('compare-optimum-distance')).first();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-value'),
      byTestId('compare-optimum-distance'),
    );
    expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(0.166487 - 0.1617292, 6);
  });

  it('retrained on its support vectors gives the same line; the run’s set shows how far it is', async () => {
    const page = await session.open('#epochs=1000');
    await waitReady(page);
    await solved(page);
    await page.click(byTestId('retrain-optimum'));
    const result = page.locator(`${byTestId('retrain-result')}[data-source="optimum"]`);
    await result.waitFor();
    expect(await result.getAttribute('data-m')).toBe('13');
    expect(await result.getAttribute('data-differ')).toBe('0');
    expect(Number(await result.getAttribute('data-dw'))).toBeLessThan(1e-7);
    expect(Number(await result.getAttribute('data-db'))).toBeLessThan(1e-7);

    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    await page.click(byTestId('retrain-run'));
    const run = page.locator(`${byTestId('retrain-result')}[data-source="weights"]`);
    await run.waitFor();
    expect(await run.getAttribute('data-m')).toBe('12');
    expect(await run.getAttribute('data-differ')).toBe('1');
    expect(Number(await run.getAttribute('data-dw'))).toBeGreaterThan(0.3);
    // Everything the Solve panel shows is accessible.
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('at 10^6 points shows progress and can be cancelled; a new λ drops the optimum', async () => {
    const page = await session.open('#nPerClass=500000');
    await waitReady(page);
    await page.click(byTestId('solve'));
    await page.waitForSelector(byTestId('solve-cancel'));
    await page.click(byTestId('solve-cancel'));
    await page.waitForSelector(`${byTestId('solve-panel')}[data-phase="idle"]`);
    expect(await page.locator(byTestId('optimum-objective')).count()).toBe(0);
    await solved(page);
    expect(Number(await value(page, 'optimum-gap'))).toBeLessThanOrEqual(1e-6);
    await page.fill('[data-testid="field-reg"]', '0.02');
    await page.waitForSelector(byTestId('optimum-objective'), { state: 'detached' });
    expect(await page.locator(byTestId('optimum-line')).count()).toBe(0);
  });
});
