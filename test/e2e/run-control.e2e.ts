/**
 * Pause, Step and Resume on the worker's live run, and what happens when the form's training
 * settings change while a run is paused: the run stops there and carries on with the new ones.
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

const session = pagePerTest(baseUrl);
let page: Page;

async function pausedMidRun(): Promise<number> {
  page = await session.open();
  await waitReady(page);
  await page.selectOption(byTestId('field-speed'), '60');
  await page.click(byTestId('train'));
  await page.waitForFunction(
    (sel) => Number(document.querySelector(sel)?.getAttribute('data-value')) >= 20,
    byTestId('epoch'),
  );
  await page.click(byTestId('pause'));
  await waitForStatus(page, 'paused');
  return epoch(page);
}

describe('a paused run', () => {
  it('resumes to a new Epochs count typed while paused', async () => {
    const paused = await pausedMidRun();
    expect(paused).toBeLessThan(400);
    await page.fill(byTestId('field-epochs'), '450');
    await page.click(byTestId('pause')); // Resume
    await waitForStatus(page, 'done');
    expect(await epoch(page)).toBe(450);
  });

  it('steps with a learning rate typed while paused, counting from the epoch shown', async () => {
    await pausedMidRun();
    await page.fill(byTestId('field-lr'), '0.1');
    const before = await epoch(page);
    await page.click(byTestId('step'));
    await waitForEpochAbove(page, before);
    const after = await epoch(page);
    // The run ends at the epoch shown (back from a pass it had begun), then steps once.
    expect(after).toBe(before + 1);
    expect(await value(page, 'status')).toBe('paused');
  });
});

describe('presses in one task', () => {
  it('Pause, then Reset and Step in one task: a clean run at epoch 1 that trains to the article', async () => {
    await pausedMidRun();
    await page.click(byTestId('pause')); // Resume
    await waitForStatus(page, 'training');
    // Three clicks in one task, as a fast double action gives them.
    await page.evaluate(
      (ids) => {
        for (const id of ids)
          document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!.click();
      },
      ['pause', 'reset', 'step'],
    );
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-value') === '1',
      byTestId('epoch'),
    );
    await waitForStatus(page, 'paused');
    await page.selectOption(byTestId('field-speed'), 'full');
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    expect(await epoch(page)).toBe(400);
    const [w0, w1] = (await value(page, 'weights'))!.split(',').map(Number);
    expect(w0).toBeCloseTo(1.638, 3);
    expect(w1).toBeCloseTo(-1.006, 3);
    expect(Number(await value(page, 'bias'))).toBeCloseTo(0.545, 3);
  });
});
