/**
 * A race of optimizers in a real browser: from one tab, the race links open the same experiment
 * under Pegasos, mini-batch SGD and momentum, one click a tab (no pop-up blocker involved); each
 * tab trains by itself to the end (the link's race=1), is titled with its optimizer and shows
 * only its optimizer's own settings. The first tab's Compare lists all four runs, each with its
 * optimizer, all done at the same epoch; its overlay has one curve per run, "reached first"
 * names a run in the table and on the chart, and the x switch puts the curves (Compare's and the
 * tab's own) against training time.
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

/** The `d` of each curve of the Compare chart `chart`, by row key. */
async function curves(page: Page, chart: string): Promise<string[]> {
  return page.$$eval(`${byTestId(chart)} ${byTestId('overlay-line')}`, (paths) =>
    paths.map((p) => p.getAttribute('d') ?? ''),
  );
}

/** The x (px) where each path `d` ends: its last 'L' or 'M' point. */
function ends(ds: string[]): number[] {
  return ds.map((d) => Number(/[LM](-?[\d.]+),-?[\d.]+$/u.exec(d)?.[1]));
}

/** The x axis title of the chart under `sel` (the axes' bold title at the right end). */
async function xTitle(page: Page, sel: string): Promise<string> {
  return page.$eval(`${sel} text.title[text-anchor="end"]`, (t) => t.textContent ?? '');
}

describe('a race of optimizers', () => {
  it('opens each optimizer in a tab that trains by itself; Compare overlays them and names who reached the target first', async () => {
    const home = await context.newPage();
    await home.goto(baseUrl + HASH);
    await waitReady(home);
    await train(home);
    expect(await home.$(byTestId('field-batchSize'))).toBeNull();
    await home.click(`${byTestId('race')} summary`);
    const names = { pegasos: 'Pegasos (SGD)', sgd: 'Mini-batch SGD', momentum: 'GD with momentum' };
    for (const [optimizer, name] of Object.entries(names)) {
      const link = `${byTestId('race-link')}[data-optimizer="${optimizer}"]`;
      expect(await home.getAttribute(link, 'href')).toMatch(/&race=1$/u);
      const [tab] = await Promise.all([context.waitForEvent('page'), home.click(link)]);
      await tab.waitForLoadState();
      // Nobody presses Train: the race tab trains to the end at once.
      await waitForStatus(tab, 'done');
      // The race entry is not a setting: the tab's own link is the settings' alone.
      expect(new URL(tab.url()).hash).toBe(HASH.replace('&lr=', `&optimizer=${optimizer}&lr=`));
      expect(await tab.title()).toBe(`${name} · race · hinge-lab`);
      expect(await tab.textContent(byTestId('race-this-tab'))).toContain(name);
      expect(await tab.inputValue(byTestId('field-optimizer'))).toBe(optimizer);
      expect(await tab.$$(byTestId('url-notice'))).toHaveLength(0);
      // Only the optimizer's own settings are in its form.
      expect(!!(await tab.$(byTestId('field-batchSize')))).toBe(optimizer === 'sgd');
      expect(!!(await tab.$(byTestId('field-beta')))).toBe(optimizer === 'momentum');
    }
    // A hidden field never blocks Train unseen: an invalid one stays in view.
    const sgdTab = context.pages().find((p) => p.url().includes('optimizer=sgd'))!;
    await sgdTab.fill(byTestId('field-batchSize'), '0');
    await sgdTab.selectOption(byTestId('field-optimizer'), 'gd');
    expect(await sgdTab.isVisible(byTestId('field-batchSize'))).toBe(true);
    await sgdTab.fill(byTestId('field-batchSize'), '8');
    await sgdTab.waitForSelector(byTestId('field-batchSize'), { state: 'detached' });

    await home.bringToFront();
    const rows = `${byTestId('compare-row')}[data-status="done"]`;
    await home.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, rows);
    const seen = await home.$$eval(rows, (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-run-id'),
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
    const legend = await home.$$eval(byTestId('legend-optimizer'), (s) =>
      s.map((e) => e.textContent?.trim()),
    );
    expect(legend.sort()).toEqual(['Gradient descent', ...Object.values(names)].sort());

    // One curve per run on the overlay, each drawn.
    const objective = await curves(home, 'compare-chart-objective');
    expect(objective).toHaveLength(4);
    expect(objective.every((d) => d.startsWith('M') && d.includes('L'))).toBe(true);
    // Against epochs every run ends at epoch 40, at the same x.
    expect(new Set(ends(objective)).size).toBe(1);

    // Reached first: the default target (every run reached it) names a run in the summary, the
    // table and on the chart, the same run.
    const summary = byTestId('reached-first');
    await home.waitForFunction(
      (sel) => !!document.querySelector(sel)?.getAttribute('data-first-epochs'),
      summary,
    );
    const firstIds = (await home.getAttribute(summary, 'data-first-epochs'))!.split(' ');
    const ids = seen.map((r) => r.id);
    expect(firstIds.every((id) => ids.includes(id))).toBe(true);
    expect(await home.textContent(summary)).toMatch(
      /First in epochs: .+, at epoch \d+\. First in training time: .+, after [\d.]+ m?s\./u,
    );
    const marked = await home.$$eval(
      `${byTestId('compare-row')}:has(${byTestId('compare-reached')}[data-first-epochs="true"])`,
      (trs) => trs.map((tr) => tr.getAttribute('data-run-id')),
    );
    expect(marked.sort()).toEqual([...firstIds].sort());
    const reached = await home.$$eval(byTestId('compare-reached'), (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    expect(reached.every((t) => /^epoch \d+, [\d.]+ m?s/u.test(t))).toBe(true);
    const mark = `${byTestId('compare-chart-objective')} ${byTestId('reached-first-mark')}`;
    expect(firstIds).toContain(await home.getAttribute(mark, 'data-run-id'));
    expect(await home.textContent(mark)).toMatch(/^first: /u);
    // A target nobody reached: "not yet" for every run, no mark.
    await home.fill(byTestId('reach-target'), '0.0001');
    await home.waitForFunction(
      (sel) => !document.querySelector(sel)?.getAttribute('data-first-epochs'),
      summary,
    );
    expect(await home.textContent(summary)).toContain('No run has reached it yet.');
    expect(await home.$(mark)).toBeNull();
    await home.fill(byTestId('reach-target'), '');

    // Solved exactly here: every run (the same data and λ) gets its P − P* on a chart of its
    // own, and the default target becomes P − P* ≤ ε, marked there.
    await home.click(byTestId('solve'));
    await home.waitForSelector(byTestId('optimum-objective'), { timeout: 60_000 });
    const gapLines = `${byTestId('compare-chart-gap')} ${byTestId('overlay-line')}`;
    await home.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, gapLines);
    const block = byTestId('reached-first-block');
    await home.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes('default: P − P* ≤'),
      block,
    );
    const gapMark = `${byTestId('compare-chart-gap')} ${byTestId('reached-first-mark')}`;
    const gapFirst = (await home.getAttribute(summary, 'data-first-epochs'))!.split(' ');
    expect(gapFirst).toContain(await home.getAttribute(gapMark, 'data-run-id'));
    expect(await home.$(mark)).toBeNull(); // the objective chart has no target now

    // x: seconds. Compare's axis reads in training time, one curve per run still.
    expect(await xTitle(home, byTestId('compare-chart-objective'))).toBe('epoch');
    await home.check(`${byTestId('compare-x')} input[value="seconds"]`);
    await home.waitForFunction(
      (sel) => /^training time \((ms|s)\)$/u.test(document.querySelector(sel)?.textContent ?? ''),
      `${byTestId('compare-chart-objective')} text.title[text-anchor="end"]`,
    );
    const timed = await curves(home, 'compare-chart-objective');
    expect(timed).toHaveLength(4);
    expect(timed.every((d) => d.startsWith('M') && d.includes('L'))).toBe(true);
    // Against training time the runs end at their own times: the longest at the axis' end.
    const timedEnds = ends(timed);
    expect(new Set(timedEnds).size).toBeGreaterThan(1);
    expect(Math.max(...timedEnds)).toBe(ends(objective)[0]);
    expect(firstIds.length).toBeGreaterThan(0);
    // The tab's own curves too.
    expect(await xTitle(home, byTestId('loss-chart'))).toBe('epoch');
    await home.check(`${byTestId('curves-x')} input[value="seconds"]`);
    await home.waitForFunction(
      (sel) => /^training time \((ms|s)\)$/u.test(document.querySelector(sel)?.textContent ?? ''),
      `${byTestId('loss-chart')} text.title[text-anchor="end"]`,
    );
    expect(await home.textContent(`${byTestId('loss-chart')} .readout`)).toMatch(
      /^\s*Time [\d.]+ m?s/u,
    );
    expect(errors).toEqual([]);
  });
});
