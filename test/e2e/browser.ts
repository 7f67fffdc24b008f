/**
 * Headless Chromium for the e2e tests: an installed one found by discovery (HINGE_CHROMIUM, else
 * Debian's, Google Chrome, or Playwright's own; never a download), and a page helper that records
 * console errors and uncaught exceptions so every test can assert there were none.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { findOnThisMachine } from './engines/discovery.ts';

/** Launches headless Chromium; a missing one fails with what was tried and how to install it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findOnThisMachine('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/** A new page of the given size that collects console errors and page errors. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1400, height: 1000 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.goto(url);
  return { page, errors };
}

/**
 * One browser for a test file and fresh pages per test: open(hash) opens the app at
 * baseUrl + hash in a context of its own; after each test they all close, and the test fails if
 * any of them logged a console error or threw.
 */
export function pagePerTest(baseUrl: string): {
  open(hash?: string, viewport?: { width: number; height: number }): Promise<Page>;
} {
  let browser: Browser | undefined;
  let opened: { page: Page; errors: string[] }[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const seen = opened.flatMap((o) => o.errors);
    for (const o of opened) await o.page.context().close();
    opened = [];
    expect(seen, 'console errors and uncaught exceptions').toEqual([]);
  });
  return {
    async open(hash = '', viewport) {
      const o = await openPage(browser!, baseUrl + hash, viewport);
      opened.push(o);
      return o.page;
    },
  };
}
