/**
 * Threads in the browser: at 10^6 points the page is cross-origin isolated (vite preview sends
 * COOP and COEP), a run with 2 threads (the training worker and a nested pass worker) trains,
 * pauses and steps, and ends with the same weights, loss and support-vector count, to the bit,
 * as the run with 1 thread.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pagePerTest } from './browser.ts';
import {
  byTestId,
  epoch,
  value,
  waitForEpochAbove,
  waitForStatus,
  waitReady,
} from './page-model.ts';

const baseUrl = inject('baseUrl');
const MILLION =
  '#seed=7&nPerClass=500000&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=400&reg=0.01';

const session = pagePerTest(baseUrl);

/** The read-outs that must not depend on the thread count (data-value: full precision). */
async function results(page: Page): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const id of ['epoch', 'sv-count', 'mean-loss', 'weights', 'bias']) {
    out[id] = await value(page, id);
  }
  return out;
}

async function setThreads(page: Page, threads: number): Promise<void> {
  await page.fill(byTestId('field-threads'), String(threads));
  expect(await page.textContent('#field-threads-note')).toMatch(/^Integer, 1 to 16;/);
}

describe('threads', () => {
  it('10^6 points with 2 threads: trains, pauses and steps to the 1-thread run’s bits', async () => {
    const page = await session.open(MILLION);
    await waitReady(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const workersAtStart = page.workers().length;

    await setThreads(page, 1);
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    const alone = await results(page);
    expect(alone.epoch).toBe('400');

    await setThreads(page, 2);
    expect(new URL(page.url()).hash).toBe(MILLION); // not in the link
    await page.click(byTestId('train'));
    await waitForEpochAbove(page, 20);
    await page.click(byTestId('pause'));
    await waitForStatus(page, 'paused', 5_000);
    const paused = await epoch(page);
    expect(paused).toBeLessThan(400);
    await page.click(byTestId('step'));
    await page.waitForSelector(`${byTestId('epoch')}[data-value="${paused + 1}"]`);
    await page.click(byTestId('pause')); // Resume
    await waitForStatus(page, 'done');
    expect(await results(page)).toEqual(alone);
    // The training worker started a pass worker (Chromium lists nested workers too).
    console.log(`workers: ${workersAtStart} at start, ${page.workers().length} after 2 threads`);
    expect(page.workers().length).toBeGreaterThan(workersAtStart);
  });

  it('a pass worker that closes itself fails the run naming it; the next run starts fresh threads', async () => {
    const page = await session.open(MILLION.replace('epochs=400', 'epochs=100000'));
    await waitReady(page);
    await setThreads(page, 2);
    await page.click(byTestId('train'));
    await waitForEpochAbove(page, 3);
    const pass = page.workers().find((w) => w.url().includes('pass-worker'));
    expect(pass, 'the nested pass worker').toBeDefined();
    await pass!.evaluate(() => self.close()).catch(() => undefined);
    await waitForStatus(page, 'error', 15_000);
    expect(await page.textContent('.status-line .message')).toContain(
      'pass thread 2 of 2 stopped: it closed itself',
    );
    const shown = await epoch(page);
    // The page learns of a nested worker a little after it starts: wait for its announcement
    // rather than race it (the list was once read before the fresh pass worker was in it).
    const fresh = page.waitForEvent('worker', {
      predicate: (w) => w.url().includes('pass-worker'),
      timeout: 15_000,
    });
    await page.click(byTestId('train')); // a fresh pool: the run goes on past where it failed
    await waitForStatus(page, 'training');
    await waitForEpochAbove(page, 3);
    await fresh;
    expect(page.workers().filter((w) => w.url().includes('pass-worker')).length).toBe(1);
    expect(shown).toBeGreaterThan(3);
  });
});
