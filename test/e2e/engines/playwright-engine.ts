/**
 * The page interface over playwright-core: Chromium found by discovery (never a downloaded
 * browser unless one is installed), a browser context per profile.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser.ts';
import {
  DEFAULT_WAIT_MS,
  byTestId,
  type EngineBrowser,
  type EnginePage,
  type EngineProfile,
  type Viewport,
} from './engine.ts';

export async function launchPlaywrightChromium(): Promise<EngineBrowser> {
  const browser = await launchChromium();
  return {
    engine: 'chromium',
    version: `Chromium ${browser.version()}`,
    async newProfile(viewport: Viewport): Promise<EngineProfile> {
      const context = await browser.newContext({ viewport });
      return {
        newPage: async () => wrap(await context.newPage()),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

function wrap(page: Page): EnginePage {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    click: (id) => page.click(byTestId(id)),
    fill: (id, value) => page.fill(byTestId(id), value),
    select: async (id, value) => {
      await page.selectOption(byTestId(id), value);
    },
    press: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    waitFor: async (predicate, arg, opts = {}) => {
      await page.waitForFunction(predicate as (a: unknown) => unknown, arg, {
        polling: 50,
        timeout: opts.timeout ?? DEFAULT_WAIT_MS,
      });
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    text: async (id) => ((await page.textContent(byTestId(id))) ?? '').trim(),
    setInputFile: (id, file) =>
      page.setInputFiles(byTestId(id), {
        name: file.name,
        mimeType: 'application/json',
        buffer: Buffer.from(file.content, 'utf8'),
      }),
    screenshot: () => page.screenshot(),
    errors: async () => [...errors],
    close: () => page.close(),
  };
}
