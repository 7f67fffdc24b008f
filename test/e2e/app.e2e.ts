/**
 * The page in a real browser: the article's run reproduced on screen, pause / step / resume,
 * the keyboard, the URL round trip and its notice, validation, layout and accessibility, with
 * no console errors anywhere.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { pagePerTest } from './browser.ts';
import {
  byTestId,
  epoch,
  fieldValues,
  text,
  value,
  waitForEpochAbove,
  waitForGrid,
  waitForStatus,
  waitReady,
} from './page-model.ts';
import { readReport } from './report-fixture.ts';

const baseUrl = inject('baseUrl');
const ARTICLE = readReport('article');
const TILTED = readReport('seed2026-n200-tilted');
const TILTED_HASH =
  '#seed=2026&nPerClass=200&trueW=0.5,1.5&trueB=-0.3&noise=0.5&lr=0.05&epochs=150&reg=0.001';

const session = pagePerTest(baseUrl);
let page: Page;

async function open(hash = '', viewport?: { width: number; height: number }): Promise<Page> {
  page = await session.open(hash, viewport);
  return page;
}

/** Every read-out of a finished run against the reference's report. */
async function expectReport(p: Page, r: typeof ARTICLE, when: 'initial' | 'final') {
  if (when === 'initial') {
    expect(await value(p, 'sv-count')).toBe(String(r.initialSv));
    expect(await text(p, 'sv-count')).toBe(`${r.initialSv} of ${r.n}`);
    expect(await text(p, 'mean-loss')).toBe(r.initialLoss);
    expect(await waitForGrid(p, r.initialGrid)).toBe(r.initialGrid);
    return;
  }
  expect(await value(p, 'sv-count')).toBe(String(r.finalSv));
  expect(await text(p, 'sv-count')).toBe(`${r.finalSv} of ${r.n}`);
  expect(await text(p, 'mean-loss')).toBe(r.finalLoss);
  expect(await text(p, 'weights')).toBe(r.weights);
  expect(await text(p, 'bias')).toBe(r.bias);
  expect(await waitForGrid(p, r.finalGrid)).toBe(r.finalGrid);
}

describe("the article's experiment", () => {
  it('opens ready to train, showing the untrained classifier', async () => {
    await open();
    await waitReady(page);
    await expectReport(page, ARTICLE, 'initial');
    expect(await epoch(page)).toBe(0);
    expect(await page.isEnabled(byTestId('train'))).toBe(true);
    expect(await page.isDisabled(byTestId('pause'))).toBe(true);
    expect(new URL(page.url()).hash).toBe(
      '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=400&reg=0.01',
    );
  });

  it("reproduces the article's numbers when trained", async () => {
    await open();
    await waitReady(page);
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    expect(await epoch(page)).toBe(400);
    await expectReport(page, ARTICLE, 'final');
    const [w0, w1] = (await value(page, 'weights'))!.split(',').map(Number);
    expect(w0).toBeCloseTo(1.638, 3);
    expect(w1).toBeCloseTo(-1.006, 3);
    expect(Number(await value(page, 'bias'))).toBeCloseTo(0.545, 3);
    expect(Number(await value(page, 'mean-loss'))).toBeCloseTo(0.148, 4);
    expect(await page.getAttribute(byTestId('progress'), 'aria-valuenow')).toBe('400');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('button:has-text("Copy")');
    await page.waitForSelector('text=Copied.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(ARTICLE.finalGrid);
  });
});

describe('pause, step and resume', () => {
  it('pauses mid-run, steps one epoch at a time, and resumes to the same result', async () => {
    await open();
    await waitReady(page);
    // Watched at 60 epochs/s (at full speed the article's run is over in a blink).
    await page.selectOption(byTestId('field-speed'), '60');
    await page.click(byTestId('train'));
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)?.getAttribute('data-value')) >= 20,
      byTestId('epoch'),
    );
    await page.click(byTestId('pause'));
    await waitForStatus(page, 'paused');
    expect(await text(page, 'pause')).toBe('Resume');
    const paused = await epoch(page);
    expect(paused).toBeGreaterThanOrEqual(20);
    expect(paused).toBeLessThan(400);
    await page.waitForTimeout(400);
    expect(await epoch(page)).toBe(paused);

    await page.click(byTestId('step'));
    await waitForEpochAbove(page, paused);
    const afterStep = await epoch(page);
    expect(afterStep).toBe(paused + 1);
    await page.click(byTestId('step'));
    await page.waitForSelector(`${byTestId('epoch')}[data-value="${afterStep + 1}"]`);
    await page.keyboard.press('s');
    await page.waitForSelector(`${byTestId('epoch')}[data-value="${afterStep + 2}"]`);
    expect(await value(page, 'status')).toBe('paused');

    await page.click(byTestId('pause')); // Resume
    await waitForStatus(page, 'done');
    expect(await epoch(page)).toBe(400);
    await expectReport(page, ARTICLE, 'final');
  });

  it('steps from epoch 0 and resumes from there to the same result', async () => {
    await open();
    await waitReady(page);
    await page.click(byTestId('step'));
    await page.waitForSelector(`${byTestId('epoch')}[data-value="1"]`);
    await page.click(byTestId('step'));
    await page.waitForSelector(`${byTestId('epoch')}[data-value="2"]`);
    await waitForStatus(page, 'paused');
    await page.click(byTestId('pause')); // Resume
    await waitForStatus(page, 'done');
    expect(await epoch(page)).toBe(400);
    await expectReport(page, ARTICLE, 'final');
  });

  it('resets to epoch 0', async () => {
    await open();
    await waitReady(page);
    await page.selectOption(byTestId('field-speed'), 'full');
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    await page.click(byTestId('reset'));
    await waitReady(page);
    await expectReport(page, ARTICLE, 'initial');
  });
});

describe('the keyboard', () => {
  it('space trains and pauses, s steps, r resets; not while typing in a field', async () => {
    await open();
    await waitReady(page);
    await page.focus(byTestId('field-seed'));
    await page.keyboard.press('s');
    await page.keyboard.press('r');
    expect(await page.inputValue(byTestId('field-seed'))).toBe('7sr');
    expect(await value(page, 'status')).toBe('idle');
    expect(await page.isDisabled(byTestId('train'))).toBe(true);
    await page.fill(byTestId('field-seed'), '7');
    await page.selectOption(byTestId('field-speed'), '60');

    await page.click('h1');
    await page.keyboard.press(' ');
    await waitForStatus(page, 'training');
    await page.keyboard.press(' ');
    await waitForStatus(page, 'paused');
    const e = await epoch(page);
    await page.keyboard.press('s');
    await page.waitForFunction(
      ([sel, v]) => Number(document.querySelector(sel!)?.getAttribute('data-value')) > v!,
      [byTestId('epoch'), e] as const,
    );
    await page.keyboard.press('r');
    await waitReady(page);
  });
});

describe('the URL', () => {
  it('rebuilds the same run from its hash, matching the reference', async () => {
    await open(TILTED_HASH);
    await waitReady(page);
    expect(await fieldValues(page)).toEqual({
      seed: '2026',
      nPerClass: '200',
      trueW: '0.5,1.5',
      trueB: '-0.3',
      noise: '0.5',
      lr: '0.05',
      epochs: '150',
      reg: '0.001',
    });
    expect(await page.$(byTestId('url-notice'))).toBeNull();
    expect(new URL(page.url()).hash).toBe(TILTED_HASH);
    await expectReport(page, TILTED, 'initial');
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    await expectReport(page, TILTED, 'final');
  });

  it('follows the form, and Duplicate in new tab opens the same experiment', async () => {
    await open();
    await waitReady(page);
    await page.fill(byTestId('field-lr'), '0.2');
    await page.fill(byTestId('field-trueW'), '2,-1');
    await page.waitForFunction(() => location.hash.includes('lr=0.2'));
    const hash = new URL(page.url()).hash;
    expect(hash).toBe(
      '#seed=7&nPerClass=30&trueW=2,-1&trueB=0.4&noise=0.5&lr=0.2&epochs=400&reg=0.01',
    );
    await page.fill(byTestId('field-epochs'), 'lots');
    await page.waitForTimeout(100);
    expect(new URL(page.url()).hash).toBe(hash); // an invalid form leaves the last valid hash

    await page.fill(byTestId('field-epochs'), '400');
    const [copy] = await Promise.all([
      page.context().waitForEvent('page'),
      page.click('button:has-text("Duplicate in new tab")'),
    ]);
    await copy.waitForLoadState();
    await waitReady(copy);
    expect(new URL(copy.url()).hash).toBe(hash);
    expect(await fieldValues(copy)).toEqual(await fieldValues(page));
  });

  it('loads a hash typed into the address bar', async () => {
    await open();
    await waitReady(page);
    await page.evaluate(`location.hash = '${TILTED_HASH}'`);
    await page.waitForSelector(`${byTestId('sv-count')}[data-value="${TILTED.initialSv}"]`);
    expect((await fieldValues(page)).seed).toBe('2026');
    await expectReport(page, TILTED, 'initial');
  });

  it('names malformed and out-of-range values it ignored and uses defaults for those only', async () => {
    await open('#seed=abc&nPerClass=30&trueW=1,-0.6&lr=-1&epochs=50&colour=red');
    await waitReady(page);
    const notice = await text(page, 'url-notice');
    expect(notice).toContain('seed=abc');
    expect(notice).toContain('lr=-1');
    expect(notice).toContain('lr must be a finite number > 0');
    expect(notice).toContain('colour=red');
    const fields = await fieldValues(page);
    expect(fields.seed).toBe('7');
    expect(fields.lr).toBe('0.05');
    expect(fields.epochs).toBe('50');
    await page.click('button:has-text("Dismiss")');
    expect(await page.$(byTestId('url-notice'))).toBeNull();
  });
});

describe('the form', () => {
  it('checks every field as it is typed and disables Train while one is invalid', async () => {
    await open();
    await waitReady(page);
    await page.fill(byTestId('field-noise'), '-1');
    await page.waitForSelector(`${byTestId('field-noise')}[aria-invalid="true"]`);
    expect(await page.textContent('#field-noise-note')).toBe(
      'noise must be a finite number >= 0, got -1',
    );
    expect(await page.isDisabled(byTestId('train'))).toBe(true);
    expect(await page.isDisabled(byTestId('step'))).toBe(true);
    await page.fill(byTestId('field-nPerClass'), '2.5');
    expect(await page.textContent('#field-nPerClass-note')).toContain('[1, 5000000]');
    await page.fill(byTestId('field-noise'), '0.5');
    await page.fill(byTestId('field-nPerClass'), '30');
    expect(await page.isEnabled(byTestId('train'))).toBe(true);
    for (const f of ['seed', 'nPerClass', 'trueW', 'trueB', 'noise', 'lr', 'epochs', 'reg']) {
      const label = await page.textContent(`label[for="field-${f}"]`);
      expect(label?.trim().length, `label of ${f}`).toBeGreaterThan(0);
    }
  });

  it('reports a run that diverges', async () => {
    await open('#seed=3&lr=1e305&epochs=30');
    await waitReady(page);
    await page.click(byTestId('train'));
    await waitForStatus(page, 'diverged');
    expect(await page.textContent('.status-line')).toContain('smaller learning rate');
  });
});

describe('layout and accessibility', () => {
  it('puts the settings beside the plot on a wide screen and below it on a narrow one, the run buttons above it on both', async () => {
    await open('', { width: 1400, height: 900 });
    await waitReady(page);
    const form = (await page.locator('form').boundingBox())!;
    const plot = (await page.locator(byTestId('plot')).boundingBox())!;
    const train = (await page.locator(byTestId('train')).boundingBox())!;
    expect(plot.x).toBeGreaterThan(form.x + form.width);
    expect(train.y + train.height).toBeLessThan(plot.y);
    await page.setViewportSize({ width: 700, height: 900 });
    // The one-column layout once the resize has been laid out (the plot above the form).
    await page.waitForFunction((sel) => {
      const plotBox = document.querySelector(sel)!.getBoundingClientRect();
      return plotBox.bottom < document.querySelector('form')!.getBoundingClientRect().top;
    }, byTestId('plot'));
    const narrowPlot = (await page.locator(byTestId('plot')).boundingBox())!;
    const narrowTrain = (await page.locator(byTestId('train')).boundingBox())!;
    expect(narrowTrain.y + narrowTrain.height).toBeLessThan(narrowPlot.y);
    expect(narrowPlot.x + narrowPlot.width).toBeLessThanOrEqual(700);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(700);
  });

  it('has no serious or critical axe-core violations, before and after training', async () => {
    await open('#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=400&reg=x');
    await waitForStatus(page, 'idle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.click('button:has-text("Dismiss")');
    await page.fill(byTestId('field-reg'), '0.01');
    await page.selectOption(byTestId('field-speed'), 'full');
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
