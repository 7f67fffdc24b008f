/**
 * The small driver-neutral interface the cross-engine specs are written against, once: a browser
 * of one engine, its profiles (separate storage) and their pages (tabs or windows of one profile,
 * which share BroadcastChannel and IndexedDB). Three adapters implement it: playwright-core
 * (Chromium), puppeteer-core over WebDriver BiDi (Firefox) and selenium-webdriver (WebKitGTK).
 *
 * Elements are named by their data-testid. Functions passed to `waitFor` and `evaluate` run in
 * the page: they must be self-contained (no closure over test variables) and take one
 * JSON-serialisable argument.
 */

export type EngineName = 'chromium' | 'firefox' | 'webkit';

export interface Viewport {
  width: number;
  height: number;
}

export interface WaitOptions {
  /** Milliseconds before the wait fails (default 60 s). */
  timeout?: number;
  /** What is awaited, for the failure message. */
  what?: string;
}

export interface EnginePage {
  goto(url: string): Promise<void>;
  /** A real click (scrolled into view, from the driver's input source) on the element. */
  click(testid: string): Promise<void>;
  /** Replaces the text of an input as typed keys would (input events fire). */
  fill(testid: string, value: string): Promise<void>;
  /** Chooses the option with this value in a <select>. */
  select(testid: string, value: string): Promise<void>;
  /** One key, pressed and released on whatever has the focus ('s', 'Escape', …). */
  press(key: string): Promise<void>;
  /** Resolves once `predicate(arg)` is truthy in the page, polled every ~50 ms. */
  waitFor<A>(predicate: (arg: A) => unknown, arg: A, opts?: WaitOptions): Promise<void>;
  /** `fn(arg)` in the page; a returned promise is awaited; the result comes back as JSON. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The element's textContent, trimmed. */
  text(testid: string): Promise<string>;
  /** Gives an <input type=file> one file, as a user choosing it would (a change event fires). */
  setInputFile(testid: string, file: { name: string; content: string }): Promise<void>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  /** Console errors and uncaught exceptions the page has had so far. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface EngineProfile {
  /** A new tab or window in this profile, blank until `goto`. */
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

export interface EngineBrowser {
  readonly engine: EngineName;
  /** The browser's name and version, for the test log. */
  readonly version: string;
  /** A fresh profile (its own storage) whose pages have this viewport. */
  newProfile(viewport: Viewport): Promise<EngineProfile>;
  close(): Promise<void>;
}

export const byTestId = (id: string): string => `[data-testid="${id}"]`;

/** How long a wait lasts by default. */
export const DEFAULT_WAIT_MS = 60_000;
