/**
 * What the cross-engine specs read from and do to the app, written once over the driver-neutral
 * page (engine.ts): the read-outs' data-value attributes, the waits the Chromium suite's
 * page-model.ts makes, and an exported file caught in the page.
 */
import { byTestId, type EnginePage, type EngineProfile, type WaitOptions } from './engine.ts';

/** Opens the app at baseUrl + hash in a new page of `profile`. */
export async function openApp(
  profile: EngineProfile,
  baseUrl: string,
  hash = '',
): Promise<EnginePage> {
  const page = await profile.newPage();
  await page.goto(baseUrl + hash);
  return page;
}

/** An attribute of the element with this test id (null when it or the attribute is missing). */
export function attr(page: EnginePage, selector: string, name: string): Promise<string | null> {
  return page.evaluate(
    ([sel, n]) => document.querySelector(sel!)?.getAttribute(n!) ?? null,
    [selector, name],
  );
}

/** The full-precision data-value of a read-out. */
export const value = (page: EnginePage, id: string): Promise<string | null> =>
  attr(page, byTestId(id), 'data-value');

export async function epoch(page: EnginePage): Promise<number> {
  return Number(await value(page, 'epoch'));
}

export function isDisabled(page: EnginePage, id: string): Promise<boolean> {
  return page.evaluate(
    (sel) => (document.querySelector(sel) as HTMLButtonElement | null)?.disabled ?? false,
    byTestId(id),
  );
}

/** Waits until an element matching `selector` is in the document. */
export function waitForSelector(
  page: EnginePage,
  selector: string,
  opts: WaitOptions = {},
): Promise<void> {
  return page.waitFor((sel) => document.querySelector(sel) !== null, selector, {
    what: selector,
    ...opts,
  });
}

/** Waits until no element matches `selector`. */
export function waitForGone(
  page: EnginePage,
  selector: string,
  opts: WaitOptions = {},
): Promise<void> {
  return page.waitFor((sel) => document.querySelector(sel) === null, selector, {
    what: `${selector} gone`,
    ...opts,
  });
}

export function waitForStatus(page: EnginePage, status: string, timeout = 60_000): Promise<void> {
  return waitForSelector(page, `${byTestId('status')}[data-value="${status}"]`, { timeout });
}

/** Waits until the epoch read-out shows at least `e`. */
export function waitForEpochAtLeast(page: EnginePage, e: number, timeout?: number): Promise<void> {
  return page.waitFor(
    ([sel, e]) => Number(document.querySelector(sel as string)?.getAttribute('data-value')) >= e!,
    [byTestId('epoch'), e] as [string, number],
    { what: `epoch >= ${e}`, timeout },
  );
}

/** Waits until the page has drawn its dataset and shows epoch 0, ready to train. */
export async function waitReady(page: EnginePage, timeout = 60_000): Promise<void> {
  await waitForStatus(page, 'idle', timeout);
  await page.waitFor(
    ([epochSel, plotSel]) => {
      const plot = document.querySelector(plotSel!);
      return (
        document.querySelector(epochSel!)?.getAttribute('data-value') === '0' &&
        (!plot || plot.getAttribute('data-drawn') === 'all')
      );
    },
    [byTestId('epoch'), byTestId('plot')],
    { what: 'the dataset drawn at epoch 0', timeout },
  );
}

/** The element's text once it equals `expected` (or, after 10 s, whatever it is). */
export async function textOnce(page: EnginePage, id: string, expected: string): Promise<string> {
  try {
    await page.waitFor(
      ([sel, want]) => document.querySelector(sel!)?.textContent === want,
      [byTestId(id), expected],
      { timeout: 10_000 },
    );
  } catch {
    // Fall through: the caller's assertion shows the difference.
  }
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', byTestId(id));
}

/**
 * Clicks `id` and returns the file the app saves, caught in the page: the app saves through a
 * temporary <a download href="blob:…">; a capturing listener cancels that click (no download
 * dialog in any engine) and reads the blob. Driver download events differ in every engine (and
 * WebDriver has none), so the file is caught the same way in all three.
 */
export async function captureDownload(
  page: EnginePage,
  id: string,
): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const w = window as unknown as { __e2eSaved?: { name: string; text: string }[] };
    if (w.__e2eSaved) return;
    const saved: { name: string; text: string }[] = (w.__e2eSaved = []);
    document.addEventListener(
      'click',
      (e) => {
        const a = e.target;
        if (!(a instanceof HTMLAnchorElement) || !a.download) return;
        e.preventDefault();
        void fetch(a.href)
          .then((r) => r.text())
          .then((text) => saved.push({ name: a.download, text }));
      },
      { capture: true },
    );
  }, null);
  const before = await page.evaluate(
    () => (window as unknown as { __e2eSaved: unknown[] }).__e2eSaved.length,
    null,
  );
  await page.click(id);
  await page.waitFor(
    (n) => (window as unknown as { __e2eSaved: unknown[] }).__e2eSaved.length > n,
    before,
    { what: `a file saved by ${id}`, timeout: 10_000 },
  );
  return page.evaluate(
    (n) => (window as unknown as { __e2eSaved: { name: string; text: string }[] }).__e2eSaved[n]!,
    before,
  );
}
