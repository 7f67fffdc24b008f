/**
 * A race of optimizers in a real browser: from one tab, the race links open the same experiment
 * under Pegasos, mini-batch SGD and momentum, one click a tab (no pop-up blocker involved), each
 * form showing only its optimizer's own settings; each trains, and the first tab's Compare lists all four runs, each with its optimizer, all done at
 * the same epoch, the optimizer column marked as the setting that differs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { byTestId, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const HASH = '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=40&reg=0.01';

let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function train(page: Page): Promise<void> {
  await page.click(byTestId('train'));
  await waitForStatus(page, 'done');
}

describe('a race of optimizers', () => {
  it('opens each optimizer in its own tab with a click, and Compare lists them side by side', async () => {
    const home = await context.newPage();
    await home.goto(baseUrl + HASH);
    await waitReady(home);
    await train(home);
    expect(await home.$(byTestId('field-batchSize'))).toBeNull();
    await home.click(`${byTestId('race')} summary`);
    const names = { pegasos: 'Pegasos (SGD)', sgd: 'Mini-batch SGD', momentum: 'GD with momentum' };
    for (const optimizer of Object.keys(names)) {
      const link = `${byTestId('race-link')}[data-optimizer="${optimizer}"]`;
      const [tab] = await Promise.all([context.waitForEvent('page'), home.click(link)]);
      await tab.waitForLoadState();
      await waitReady(tab);
      expect(new URL(tab.url()).hash).toBe(HASH.replace('&lr=', `&optimizer=${optimizer}&lr=`));
      expect(await tab.inputValue(byTestId('field-optimizer'))).toBe(optimizer);
      // Only the optimizer's own settings are in its form.
      expect(!!(await tab.$(byTestId('field-batchSize')))).toBe(optimizer === 'sgd');
      expect(!!(await tab.$(byTestId('field-beta')))).toBe(optimizer === 'momentum');
      await train(tab);
    }
    // A hidden field never blocks Train unseen: an invalid one stays in view.
    const sgdTab = context.pages().find((p) => p.url().includes('optimizer=sgd'))!;
    await sgdTab.fill(byTestId('field-batchSize'), '0');
    await sgdTab.selectOption(byTestId('field-optimizer'), 'gd');
    expect(await sgdTab.isVisible(byTestId('field-batchSize'))).toBe(true);
    await sgdTab.fill(byTestId('field-batchSize'), '8');
    await sgdTab.waitForSelector(byTestId('field-batchSize'), { state: 'detached' });
    const rows = `${byTestId('compare-row')}[data-status="done"]`;
    await home.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, rows);
    const seen = await home.$$eval(rows, (trs) =>
      trs.map((tr) => ({
        epoch: tr.getAttribute('data-epoch'),
        optimizer: tr.querySelector('td[data-label="Optimizer"]')?.textContent?.trim(),
      })),
    );
    expect(seen.map((r) => r.optimizer).sort()).toEqual(
      ['Gradient descent', ...Object.values(names)].sort(),
    );
    expect(seen.every((r) => r.epoch === '40')).toBe(true);
    expect(await home.textContent(`${byTestId('compare-panel')} thead th.differs`)).toContain(
      'Optimizer',
    );
    expect(errors).toEqual([]);
  });
});
