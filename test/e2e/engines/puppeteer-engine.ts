/**
 * The page interface over puppeteer-core 24 driving Firefox (found by discovery) over WebDriver
 * BiDi, headless: a browser context (a BiDi user context) per profile, each page in a window of
 * its own so that every page stays visible (a background tab is hidden and its timers throttled).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { findOnThisMachine } from './discovery.ts';
import {
  DEFAULT_WAIT_MS,
  byTestId,
  type EngineBrowser,
  type EnginePage,
  type EngineProfile,
  type Viewport,
} from './engine.ts';

export async function launchPuppeteerFirefox(): Promise<EngineBrowser> {
  const executablePath = findOnThisMachine('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
  });
  const version = await browser.version();
  // Files given to inputs stay until the browser closes: the page may read them any time later.
  const uploads = await mkdtemp(join(tmpdir(), 'hinge-lab-upload-'));
  return {
    engine: 'firefox',
    version,
    async newProfile(viewport: Viewport): Promise<EngineProfile> {
      const context = await browser.createBrowserContext();
      return {
        async newPage() {
          const page = await context.newPage({ type: 'window' });
          await page.setViewport(viewport);
          return wrap(page, uploads);
        },
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

function wrap(page: Page, uploads: string): EnginePage {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${String(e)}`));
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    click: (id) => page.click(byTestId(id)),
    fill: (id, value) => page.locator(byTestId(id)).fill(value),
    select: async (id, value) => {
      await page.select(byTestId(id), value);
    },
    press: (key) => page.keyboard.press(key === ' ' ? 'Space' : (key as 's')),
    waitFor: async (predicate, arg, opts = {}) => {
      await page.waitForFunction(
        predicate as (a: unknown) => unknown,
        { polling: 50, timeout: opts.timeout ?? DEFAULT_WAIT_MS },
        arg,
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    text: async (id) => ((await page.$eval(byTestId(id), (el) => el.textContent)) ?? '').trim(),
    async setInputFile(id, file) {
      // A real file chosen through the driver (BiDi input.setFiles).
      const path = join(await mkdtemp(join(uploads, 'f-')), file.name);
      await writeFile(path, file.content);
      const input = await page.$(byTestId(id));
      if (!input) throw new Error(`no element with data-testid="${id}"`);
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    },
    screenshot: async () => Buffer.from(await page.screenshot()),
    errors: async () => [...errors],
    close: () => page.close(),
  };
}
