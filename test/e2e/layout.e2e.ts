/**
 * One screen at any width (issue 16): at a laptop's 1440×900 and 1280×800, half of a wide screen
 * (720×900) and a phone (390×844), after training the article's run beside a second run in
 * another tab, the plot, the run buttons and the live read-outs lie inside the first screen (and
 * the loss chart at 1440×900), nothing in the Compare panel reaches outside it, and the page does
 * not scroll sideways. On a 375 px phone, the controls added since (the import panel's choices
 * and error, the sliced plot's feature selects, Reproduce in Python, the race links) and the
 * hinge panel reach past neither edge of the screen. Then axe in the light and the dark theme,
 * chosen by the browser's prefers-color-scheme and by the theme switch, and the exported plot on
 * the theme's surface.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { byTestId, text, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const ARTICLE = '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=400&reg=0.01';
/** A second run on the same data with two settings changed, so Compare has differing columns. */
const OTHER = '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.2&epochs=400&reg=0.001';

/** A million points (generated in about a second), two epochs: the read-outs' longest values. */
const MILLION =
  '#seed=7&nPerClass=500000&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=2&reg=0.01';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 720, height: 900 },
  { width: 390, height: 844 },
] as const;

/** What must be on the first screen at every viewport. */
const FIRST_SCREEN = [
  'plot',
  'train',
  'pause',
  'step',
  'reset',
  'epoch',
  'mean-loss',
  'objective',
  'sv-count',
];

let browser: Browser;
let contexts: BrowserContext[] = [];
let errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const c of contexts) await c.close();
  contexts = [];
  const seen = errors;
  errors = [];
  expect(seen, 'console errors and uncaught exceptions').toEqual([]);
});

async function newContext(
  viewport: { width: number; height: number },
  colorScheme: 'light' | 'dark' = 'light',
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, colorScheme });
  contexts.push(context);
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  });
  return context;
}

async function trainAt(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + hash);
  await waitReady(page);
  await page.click(byTestId('train'));
  await waitForStatus(page, 'done');
  return page;
}

/** The test ids among `ids` whose boxes are not wholly inside the viewport at scroll (0, 0). */
async function outsideFirstScreen(page: Page, ids: readonly string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    window.scrollTo(0, 0);
    const out: string[] = [];
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const r = el?.getBoundingClientRect();
      const inside =
        r !== undefined &&
        r.width > 0 &&
        r.height > 0 &&
        r.left >= 0 &&
        r.top >= 0 &&
        r.right <= window.innerWidth &&
        r.bottom <= window.innerHeight;
      if (!inside) out.push(r ? `${id} at ${r.left},${r.top} to ${r.right},${r.bottom}` : id);
    }
    return out;
  }, ids);
}

/**
 * Everything visible in the Compare panel that reaches outside the panel's box, or that scrolls
 * sideways (a scroll area whose content is wider than it), one line each.
 */
async function compareOverflow(page: Page): Promise<string[]> {
  return page.evaluate((sel) => {
    const panel = document.querySelector(sel)!;
    const p = panel.getBoundingClientRect();
    const out: string[] = [];
    for (const el of panel.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      // Visually hidden helpers (1 px boxes: labels for screen readers, the file input) show nothing.
      if (r.width <= 1 || r.height <= 1) continue;
      const name = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
      if (r.left < p.left - 0.5 || r.right > p.right + 0.5) {
        out.push(`${name} spans ${r.left}..${r.right}, the panel ${p.left}..${p.right}`);
      }
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        out.push(`${name} scrolls sideways: ${el.scrollWidth} in ${el.clientWidth}`);
      }
    }
    return out;
  }, byTestId('compare-panel'));
}

describe('one screen at any width', () => {
  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width}×${viewport.height}: plot, run buttons and read-outs in the first screen; Compare within its panel`, async () => {
      const context = await newContext(viewport);
      await trainAt(context, OTHER);
      const page = await trainAt(context, ARTICLE);
      expect(await text(page, 'mean-loss')).toBe('0.1480');
      expect(await text(page, 'sv-count')).toBe('15 of 60');

      const wide = viewport.width === 1440;
      const ids = wide ? [...FIRST_SCREEN, 'loss-chart'] : FIRST_SCREEN;
      expect(await outsideFirstScreen(page, ids)).toEqual([]);

      await page.waitForFunction(
        (sel) => document.querySelectorAll(sel).length === 2,
        byTestId('compare-row'),
      );
      // Both runs' differing settings are shown, first after the run's name.
      const cells = await page.$$eval(`${byTestId('compare-row')} td`, (tds) =>
        tds.slice(0, 2).map((td) => td.classList.contains('differs')),
      );
      expect(cells).toEqual([true, true]);
      expect(await compareOverflow(page)).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(viewport.width);

      // Compare is one action from the top: the top bar's button brings it into view.
      await page.click(byTestId('open-compare'));
      const heading = (await page.locator('#compare-title').boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(0);
      expect(heading.y + heading.height).toBeLessThanOrEqual(viewport.height);
      if (wide) {
        // Beside it, the live plot stays in view (the run card sticks to the top).
        expect(await outsideFirstScreen(page, ['plot'])).toEqual([]);
      }
    });
  }

  it('at 390×844, a million points’ read-outs each stay inside their cell (the longest values wrap)', async () => {
    // "232,887 of 1,000,000" support vectors once ran over the loss beside it on a phone.
    const context = await newContext({ width: 390, height: 844 });
    const page = await trainAt(context, MILLION);
    expect(await text(page, 'sv-count')).toMatch(/ of 1,000,000$/);
    const over = await page.$$eval('.readouts dd', (dds) =>
      dds
        .filter((dd) => dd.scrollWidth > dd.clientWidth + 1)
        .map((dd) => `${dd.previousElementSibling?.textContent}: ${dd.textContent?.trim()}`),
    );
    expect(over).toEqual([]);
  });
});

/**
 * Every visible element whose box reaches past the viewport's left or right edge, one line each.
 * A card clips what overflows it (contain: paint), so the page's scroll width alone misses a
 * chart drawn wider than its card; a deliberate scroll area's content is left out.
 */
async function pastTheEdges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      if (r.left >= -0.5 && r.right <= window.innerWidth + 0.5) continue;
      let inScrollArea = false;
      for (let a = el.parentElement; a && !inScrollArea; a = a.parentElement) {
        inScrollArea = scrolls(a);
      }
      if (inScrollArea) continue;
      const id = el.getAttribute('data-testid') ?? el.getAttribute('class') ?? '';
      out.push(`${el.tagName.toLowerCase()} ${id} spans ${r.left}..${r.right}`);
    }
    return out.slice(0, 10);
  });
}

/** A CSV of 40 rows of five features and a ±1 label, with a header line. */
function fiveFeatureCsv(): string {
  const rows = ['x0,x1,x2,x3,x4,label'];
  for (let i = 0; i < 40; i++) {
    const x = [0, 1, 2, 3, 4].map((j) => ((((i * 5 + j) * 7919) % 1013) - 506) / 137);
    const s = 0.2 + x[0]! - 0.7 * x[1]! + x[2]! - 0.7 * x[3]! + x[4]!;
    rows.push([...x.map((v) => v.toFixed(4)), s >= 0 ? 1 : -1].join(','));
  }
  return rows.join('\n') + '\n';
}

describe('the controls added since issue 16, on a 375 px phone', () => {
  it('import choices and error, sliced plot, reproduce group, race links, hinge panel: all within the screen', async () => {
    const context = await newContext({ width: 375, height: 800 });
    const page = await trainAt(context, ARTICLE);
    expect(await pastTheEdges(page)).toEqual([]);

    await page.setInputFiles(byTestId('import-data'), {
      name: 'five-features.csv',
      mimeType: 'text/plain',
      buffer: Buffer.from(fiveFeatureCsv()),
    });
    await page.waitForSelector(`${byTestId('data-source-name')}:text-is("five-features.csv")`);
    await waitReady(page);
    await page.setInputFiles(byTestId('import-data'), {
      name: 'broken.csv',
      mimeType: 'text/plain',
      buffer: Buffer.from('x0,label\n1,1\nfoo,-1\n'),
    });
    await page.waitForSelector(byTestId('import-error'));
    await page.click(`${byTestId('race')} summary`);

    // Each of them is on the page, drawn, and nothing anywhere reaches past the screen's edges.
    for (const id of [
      'import-header',
      'import-label-column',
      'import-again',
      'import-error',
      'plot-feature-x',
      'plot-caption',
      'reproduce-sklearn',
      'reproduce-spark',
      'race-link',
      'reach-target',
      'compare-x',
      'curves-x',
    ]) {
      const box = await page.locator(byTestId(id)).first().boundingBox();
      expect(box, id).not.toBeNull();
    }
    expect(await pastTheEdges(page)).toEqual([]);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
  });
});

/** Pairs of the layout's regions (run card, settings, the rest) whose boxes overlap. */
async function overlappingRegions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const regions = [...document.querySelectorAll('main.layout > *')];
    const out: string[] = [];
    regions.forEach((a, i) => {
      const ra = a.getBoundingClientRect();
      for (const b of regions.slice(i + 1)) {
        const rb = b.getBoundingClientRect();
        const apart =
          ra.right <= rb.left || rb.right <= ra.left || ra.bottom <= rb.top || rb.bottom <= ra.top;
        if (!apart) out.push(`${a.className} and ${b.className}`);
      }
    });
    return out;
  });
}

describe('regions side by side never overlap', () => {
  // The four targets, and widths around the switch to three columns (1200 px).
  for (const width of [1100, 1199, 1200, 1280, 1440, 1920]) {
    it(`at ${width} px wide`, async () => {
      const context = await newContext({ width, height: 800 });
      const page = await context.newPage();
      await page.goto(baseUrl + ARTICLE);
      await waitReady(page);
      expect(await overlappingRegions(page)).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
    });
  }
});

describe('the settings away from the run buttons', () => {
  it('Enter in a field still trains: Train submits the settings form from the run card', async () => {
    const context = await newContext({ width: 1280, height: 800 });
    const page = await context.newPage();
    await page.goto(baseUrl + ARTICLE);
    await waitReady(page);
    await page.focus(byTestId('field-epochs'));
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'done', 20_000);
    expect(await text(page, 'mean-loss')).toBe('0.1480');
  });
});

/** The background (the first rect's fill) of the plot exported by Compare's SVG button. */
async function exportedBackground(page: Page): Promise<string | undefined> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(byTestId('export-svg')),
  ]);
  const svg = readFileSync(await file.path(), 'utf8');
  return /<rect width="100%" height="100%" fill="([^"]*)"/.exec(svg)?.[1];
}

describe('themes', () => {
  it('follows prefers-color-scheme, switches by hand, and passes axe in both', async () => {
    const dark = await newContext({ width: 1280, height: 800 }, 'dark');
    const page = await trainAt(dark, ARTICLE);
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(14, 19, 24)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // An exported plot keeps the theme's surface behind its light-on-dark marks.
    expect(await exportedBackground(page)).toBe('#161c23');

    await page.selectOption(byTestId('theme-switch'), 'light');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background()).toBe('rgb(244, 245, 247)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await exportedBackground(page)).toMatch(/^#fff(fff)?$/);

    // The choice outlives a reload; System goes back to the browser's preference.
    await page.reload();
    await waitReady(page);
    expect(await background()).toBe('rgb(244, 245, 247)');
    await page.selectOption(byTestId('theme-switch'), 'system');
    expect(await page.getAttribute('html', 'data-theme')).toBeNull();
    expect(await background()).toBe('rgb(14, 19, 24)');

    const light = await newContext({ width: 390, height: 844 }, 'light');
    const phone = await trainAt(light, ARTICLE);
    await phone.selectOption(byTestId('theme-switch'), 'dark');
    expect(await phone.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await seriousAxeViolations(phone)).toEqual([]);
  });
});
