/**
 * Generation on threads in the browser: at 10^6 points with 2 threads the training worker's
 * nested pool threads draw the candidates, and the page shows the same data as with 1 thread:
 * the same initial weights and loss at epoch 0, the same text view, and the same run after it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pagePerTest } from './browser.ts';
import { byTestId, value, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const MILLION =
  '#seed=7&nPerClass=500000&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=3&reg=0.01';

const session = pagePerTest(baseUrl);

/** What the data decide: epoch 0's read-outs and the text view, then a short run's. */
async function drawAndTrain(page: Page, threads: number): Promise<unknown> {
  await page.fill(byTestId('field-threads'), String(threads));
  await page.click(byTestId('generate'));
  await page.waitForSelector(byTestId('generate-progress'), { state: 'detached' });
  await waitReady(page);
  const out: Record<string, string | null> = {};
  for (const id of ['mean-loss', 'weights', 'bias', 'sv-count']) out[id] = await value(page, id);
  out['ascii'] = await page.textContent(byTestId('ascii'));
  await page.click(byTestId('train'));
  await waitForStatus(page, 'done');
  for (const id of ['epoch', 'mean-loss', 'weights', 'bias', 'sv-count']) {
    out[`run ${id}`] = await value(page, id);
  }
  return out;
}

describe('generation on threads', () => {
  it('10^6 points with 2 threads: the same data, weights and run as with 1', async () => {
    const page = await session.open(MILLION);
    await waitReady(page);
    const alone = await drawAndTrain(page, 1);
    const workersBefore = page.workers().length;
    expect(await drawAndTrain(page, 2)).toEqual(alone);
    // The training worker started its pool threads (Chromium lists nested workers too).
    expect(page.workers().length).toBeGreaterThan(workersBefore);
  });
});
