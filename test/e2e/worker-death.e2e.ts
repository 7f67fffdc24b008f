/**
 * The training worker dying in Chromium, each way it can: it closes itself, throws at top level,
 * or runs out of heap (Chromium then stops it without any event; a small --max-old-space-size
 * does not make 10^7 points run out, as their typed arrays live outside the JS heap, so the test
 * fills the worker's heap itself). The deaths are acted out from
 * outside through the DevTools protocol (playwright's worker.evaluate): the app has no hook for
 * them. Each time the page says what happened within about a second, keeps the finished run on
 * screen, and trains the article again on a new worker.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pagePerTest } from './browser.ts';
import { byTestId, epoch, value, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const session = pagePerTest(baseUrl);
const MESSAGE = `${byTestId('status')} ~ .message`;

/** The page's training worker (the one it started last). */
async function trainingWorker(page: Page): Promise<Worker> {
  if (page.workers().length === 0) await page.waitForEvent('worker');
  return page.workers().at(-1)!;
}

/** Ms from now until the status turns to 'error' (measured in the page, by an observer). */
async function watchForError(page: Page): Promise<() => Promise<number>> {
  await page.evaluate((sel) => {
    const badge = document.querySelector(sel)!;
    const t0 = performance.now();
    const w = window as unknown as { errorAfter?: number };
    delete w.errorAfter;
    new MutationObserver((_, obs) => {
      if (badge.getAttribute('data-value') !== 'error') return;
      w.errorAfter = performance.now() - t0;
      obs.disconnect();
    }).observe(badge, { attributes: true });
  }, byTestId('status'));
  return async () => {
    await page.waitForFunction(() => (window as { errorAfter?: number }).errorAfter !== undefined);
    return page.evaluate(() => (window as unknown as { errorAfter: number }).errorAfter);
  };
}

async function articleRunDone(page: Page): Promise<void> {
  await waitReady(page);
  await page.click(byTestId('train'));
  await waitForStatus(page, 'done');
  expect(await epoch(page)).toBe(400);
}

async function expectArticle(page: Page): Promise<void> {
  expect(await epoch(page)).toBe(400);
  const [w0, w1] = (await value(page, 'weights'))!.split(',').map(Number);
  expect(w0).toBeCloseTo(1.638, 3);
  expect(w1).toBeCloseTo(-1.006, 3);
  expect(Number(await value(page, 'bias'))).toBeCloseTo(0.545, 3);
}

/** After a death: the message, the run still on screen, then Train on the new worker. */
async function recovers(page: Page, errorAfter: () => Promise<number>, why: RegExp) {
  const ms = await errorAfter();
  // One second is the contract (pinned on a fake clock in test/worker-death.test.ts); the slack
  // is for this shared 2-core machine.
  expect(ms).toBeLessThan(1500);
  await page.waitForFunction(
    (sel) => /A new worker has the data/.test(document.querySelector(sel)?.textContent ?? ''),
    MESSAGE,
  );
  expect(await page.textContent(MESSAGE)).toMatch(why);
  await expectArticle(page); // the last good state stays
  await page.click(byTestId('train'));
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.getAttribute('data-value') === 'done',
    byTestId('status'),
  );
  await expectArticle(page);
}

describe('a dying training worker', () => {
  it('closes itself: noticed at once, the run stays on screen, Train works again', async () => {
    const page = await session.open();
    await articleRunDone(page);
    const errorAfter = await watchForError(page);
    await (await trainingWorker(page)).evaluate(() => self.close()).catch(() => undefined);
    await recovers(page, errorAfter, /^the training worker closed itself\. /);
  });

  it('throws at top level: noticed at once, the run stays on screen, Train works again', async () => {
    const page = await session.open();
    await articleRunDone(page);
    const errorAfter = await watchForError(page);
    await (
      await trainingWorker(page)
    ).evaluate(() => {
      setTimeout(() => {
        throw new Error('thrown at top level');
      });
    });
    await recovers(page, errorAfter, /^the training worker crashed: .*thrown at top level\. /);
  });

  it('runs out of heap while training (stopped without an event): noticed within a second', async () => {
    const page = await session.open();
    await waitReady(page);
    await page.fill(byTestId('field-epochs'), '10000000');
    await page.click(byTestId('train'));
    await waitForStatus(page, 'training');
    const errorAfter = await watchForError(page);
    const worker = await trainingWorker(page);
    void worker
      .evaluate(() => {
        const hoard: number[][] = [];
        for (;;) hoard.push(new Array(1e6).fill(1.5));
      })
      .catch(() => undefined);
    expect(await errorAfter()).toBeLessThan(1500);
    await page.waitForFunction(
      (sel) => /A new worker has the data/.test(document.querySelector(sel)?.textContent ?? ''),
      MESSAGE,
    );
    expect(await page.textContent(MESSAGE)).toMatch(/^the training worker stopped answering/);
    expect(await epoch(page)).toBeGreaterThan(0); // the run so far stays on screen
    await page.fill(byTestId('field-epochs'), '400');
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    await expectArticle(page);
  });
});
