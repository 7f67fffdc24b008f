/**
 * The dcd optimizer in a real browser: its run shows a certified gap beside the objective (full
 * precision in data-value), an upper bound of the run's distance to the solver's P*; a gd run
 * shows none.
 */
import { describe, expect, inject, it } from 'vitest';
import { pagePerTest } from './browser.ts';
import { byTestId, value, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const session = pagePerTest(baseUrl);

describe('dual coordinate descent', () => {
  it('shows its certified gap, a bound of P − P*; gd shows none', async () => {
    const page = await session.open('#nPerClass=300&optimizer=dcd&epochs=300');
    await waitReady(page);
    expect(await page.$(byTestId('run-gap'))).toBeNull();
    await page.click(byTestId('solve'));
    await page.waitForSelector(byTestId('optimum-objective'), { timeout: 60_000 });
    const pStar = Number(await value(page, 'optimum-objective'));
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    const gap = Number(await value(page, 'run-gap'));
    const p = Number(await value(page, 'objective'));
    expect(gap).toBeGreaterThanOrEqual(p - pStar - 1e-12);
    expect(gap).toBeLessThan(1e-4);
    expect(await page.textContent(byTestId('run-gap'))).toMatch(/^\s*≤ \d\.\d\de[-+]\d+\s*$/u);

    await page.selectOption(byTestId('field-optimizer'), 'gd');
    await page.click(byTestId('reset'));
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    expect(await page.$(byTestId('run-gap'))).toBeNull();
  });
});
