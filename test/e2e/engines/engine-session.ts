/**
 * One browser of an engine for a spec file, fresh profiles per test: after each test every page
 * opened in it is checked for console errors and uncaught exceptions (the test fails on any),
 * screenshotted into test-results/ if the test failed, and its profile closed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { EngineBrowser, EnginePage, EngineProfile, Viewport } from './engine.ts';

export interface EngineSession {
  /** The launched browser (inside a test). */
  browser(): EngineBrowser;
  /** A fresh profile whose pages are tracked for errors and closed after the test. */
  profile(viewport?: Viewport): Promise<EngineProfile>;
  /** Closes one page mid-test, keeping the errors it had. */
  closePage(page: EnginePage): Promise<void>;
}

const VIEWPORT: Viewport = { width: 1400, height: 1000 };
const SHOTS = join(import.meta.dirname, '..', '..', '..', 'test-results');

export function engineSession(launch: () => Promise<EngineBrowser>): EngineSession {
  let browser: EngineBrowser | undefined;
  let profiles: EngineProfile[] = [];
  let pages: EnginePage[] = [];
  let closedErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    console.log(`${browser.engine}: ${browser.version}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async ({ task }) => {
    const failed = task.result?.state === 'fail';
    const seen = closedErrors;
    for (const [i, page] of pages.entries()) {
      seen.push(...(await page.errors().catch((e: Error) => [`errors() failed: ${e.message}`])));
      if (failed) await saveScreenshot(page, `${browser!.engine} ${task.name} ${i}`);
    }
    for (const p of profiles) await p.close();
    profiles = [];
    pages = [];
    closedErrors = [];
    expect(seen, 'console errors and uncaught exceptions').toEqual([]);
  });

  return {
    browser: () => browser!,
    async profile(viewport = VIEWPORT) {
      const profile = await browser!.newProfile(viewport);
      profiles.push(profile);
      return {
        async newPage() {
          const page = await profile.newPage();
          pages.push(page);
          return page;
        },
        close: profile.close,
      };
    },
    async closePage(page) {
      closedErrors.push(...(await page.errors()));
      pages = pages.filter((p) => p !== page);
      await page.close();
    },
  };
}

async function saveScreenshot(page: EnginePage, name: string): Promise<void> {
  try {
    mkdirSync(SHOTS, { recursive: true });
    const path = join(SHOTS, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
    writeFileSync(path, await page.screenshot());
    console.log(`screenshot of the failed test: ${path}`);
  } catch (e) {
    console.log(`no screenshot: ${(e as Error).message}`);
  }
}
