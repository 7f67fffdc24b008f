/**
 * Memory that does not grow with epochs, in Chromium: after a run of 10^6 epochs on the
 * article's 60 points, the page and the training worker each hold at most 16 MB more than at
 * idle (both measured after a collection, over the DevTools protocol). Keeping every epoch, as
 * before, held about 32 MB of curves in each (four metrics × 8 bytes × 10^6 in the worker, three
 * series in the page, each in buffers that double).
 */
import { describe, expect, inject, it } from 'vitest';
import { pagePerTest } from './browser.ts';
import { Isolate } from './isolate-memory.ts';
import { byTestId, epoch, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const session = pagePerTest(baseUrl);
const MB = 2 ** 20;

describe('memory over a long run', () => {
  it('10^6 epochs leave the page and the worker within 16 MB of idle each', async () => {
    const page = await session.open('#epochs=1000000');
    await waitReady(page);
    const cdp = await page.context().browser()!.newBrowserCDPSession();
    const iso = await Isolate.ofApp(cdp, page);
    const idle = { page: await iso.page.bytes(true), worker: await iso.worker.bytes(true) };
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done', 120_000);
    expect(await epoch(page)).toBe(1_000_000);
    const after = { page: await iso.page.bytes(true), worker: await iso.worker.bytes(true) };
    await cdp.detach();
    expect((after.page - idle.page) / MB, 'page, MB above idle').toBeLessThan(16);
    expect((after.worker - idle.worker) / MB, 'worker, MB above idle').toBeLessThan(16);
  });
});
