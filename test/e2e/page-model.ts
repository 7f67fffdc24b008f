/** What the tests read from and do to the page, by its data-testid hooks. */
import type { Page } from 'playwright-core';

export const FIELDS = [
  'seed',
  'nPerClass',
  'trueW',
  'trueB',
  'noise',
  'lr',
  'epochs',
  'reg',
] as const;

export const byTestId = (id: string) => `[data-testid="${id}"]`;

export async function text(page: Page, id: string): Promise<string> {
  return ((await page.textContent(byTestId(id))) ?? '').trim();
}

export async function value(page: Page, id: string): Promise<string | null> {
  return page.getAttribute(byTestId(id), 'data-value');
}

export async function epoch(page: Page): Promise<number> {
  return Number(await value(page, 'epoch'));
}

/** Waits until the epoch read-out shows more than `e`. */
export async function waitForEpochAbove(page: Page, e: number): Promise<void> {
  await page.waitForFunction(
    ([sel, e]) => Number(document.querySelector(sel!)?.getAttribute('data-value')) > e!,
    [byTestId('epoch'), e] as const,
  );
}

/** Waits until the status line says `status`. */
export async function waitForStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`${byTestId('status')}[data-value="${status}"]`, { timeout });
}

/**
 * Waits until the page has drawn its dataset and shows epoch 0, ready to train: the plot (when
 * the data has two features) has drawn all its stages.
 */
export async function waitReady(page: Page): Promise<void> {
  await waitForStatus(page, 'idle');
  await page.waitForSelector(`${byTestId('epoch')}[data-value="0"]`);
  await page.waitForFunction((sel) => {
    const plot = document.querySelector(sel);
    return !plot || plot.getAttribute('data-drawn') === 'all';
  }, byTestId('plot'));
}

/** The text grid once it shows `expected` (it refreshes a moment after each snapshot). */
export async function waitForGrid(page: Page, expected: string): Promise<string> {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel!)?.textContent === want,
      [byTestId('ascii'), expected] as const,
      { timeout: 10_000 },
    );
  } catch {
    // Fall through: the caller's assertion shows the difference.
  }
  return (await page.textContent(byTestId('ascii'))) ?? '';
}

export async function fieldValues(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) out[f] = await page.inputValue(byTestId(`field-${f}`));
  return out;
}
