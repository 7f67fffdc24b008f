/**
 * The page interface over selenium-webdriver and WebKit's WebDriver server: WebKitGTK's
 * WebKitWebDriver driving its MiniBrowser on an X display (a private Xvfb when there is none), all
 * found by discovery. WebKitWebDriver serves one session at a time, so a profile is a driver
 * process and session of its own (an automation session's storage is ephemeral); its pages are
 * windows of that session. WebDriver talks to one window at a time, so every command of a page
 * first switches to its window, one command after another per profile.
 *
 * Console errors: classic WebDriver has no console events, so each document gets a small hook
 * (console.error, 'error', 'unhandledrejection') right after it loads; an error thrown while the
 * page is still loading, before the hook, is not seen here (the Chromium and Firefox runs see it).
 * The hook lets one 'error' event pass: "ResizeObserver loop completed with undelivered
 * notifications", which the ResizeObserver spec fires at window (with no error object) when an
 * observer's callback resizes what it observes within a frame. It is no exception, and the
 * Chromium and Firefox drivers do not report it either, so every engine is held to the same bar.
 *
 * On macOS the discovered driver is Safari's safaridriver (browserName 'safari'); that path is
 * written to the same protocol but has not been run by this project's CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, Capabilities, type WebDriver } from 'selenium-webdriver';
import { findOnThisMachine } from './discovery.ts';
import {
  DEFAULT_WAIT_MS,
  byTestId,
  type EngineBrowser,
  type EnginePage,
  type EngineProfile,
  type Viewport,
} from './engine.ts';
import { stopChild, xDisplay, type XDisplay } from './xvfb.ts';

export async function launchSeleniumWebKit(): Promise<EngineBrowser> {
  const driverPath = findOnThisMachine('webkit-driver');
  const safari = driverPath.endsWith('safaridriver');
  const browserPath = safari ? undefined : findOnThisMachine('webkit-browser');
  const display: XDisplay | undefined = safari ? undefined : await xDisplay();
  const uploads = await mkdtemp(join(tmpdir(), 'hinge-lab-upload-'));
  const profiles = new Set<EngineProfile>();
  let version = 'WebKit';

  async function newProfile(viewport: Viewport): Promise<EngineProfile> {
    const port = await freePort();
    const child = spawn(driverPath, safari ? ['--port', String(port)] : [`--port=${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: display ? { ...process.env, DISPLAY: display.display } : process.env,
    });
    let driverLog = '';
    child.stderr!.on('data', (d: Buffer) => (driverLog = (driverLog + d.toString()).slice(-4000)));
    let driver: WebDriver;
    try {
      driver = await connect(port, safari, browserPath);
    } catch (e) {
      await stopChild(child);
      throw new Error(`${driverPath} gave no session: ${(e as Error).message}\n${driverLog}`, {
        cause: e,
      });
    }
    const caps = await driver.getCapabilities();
    version = `${caps.getBrowserName()} ${caps.getBrowserVersion()}`;
    const profile = new SeleniumProfile(driver, child, viewport, uploads);
    profiles.add(profile);
    return {
      newPage: () => profile.newPage(),
      close: async () => {
        profiles.delete(profile);
        await profile.close();
      },
    };
  }

  // The first session tells the browser's version.
  const probe = await newProfile({ width: 800, height: 600 });
  await probe.close();
  return {
    engine: 'webkit',
    version,
    newProfile,
    async close() {
      for (const p of [...profiles]) await p.close();
      await display?.stop();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

/** Opens a session, retrying while the driver process is still starting to listen. */
async function connect(port: number, safari: boolean, browserPath?: string): Promise<WebDriver> {
  const caps = new Capabilities();
  caps.setBrowserName(safari ? 'safari' : 'MiniBrowser');
  if (browserPath) {
    caps.set('webkitgtk:browserOptions', { binary: browserPath, args: ['--automation'] });
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities(caps)
        .build();
    } catch (e) {
      const refused = /ECONNREFUSED|ECONNRESET|socket hang up/.test(String(e));
      if (!refused || Date.now() > deadline) throw e;
      await sleep(100);
    }
  }
}

const ERROR_HOOK = `
if (!window.__e2eErrors) {
  const list = (window.__e2eErrors = []);
  const original = console.error;
  console.error = function (...args) {
    list.push('console: ' + args.map(String).join(' '));
    return original.apply(this, args);
  };
  addEventListener('error', (e) => {
    if (e.error === null && /^ResizeObserver loop/.test(e.message)) return;
    list.push('page error: ' + e.message);
  });
  addEventListener('unhandledrejection', (e) =>
    list.push('page error: ' + ((e.reason && e.reason.message) || String(e.reason))));
}`;

class SeleniumProfile {
  /** The chain every command joins, so that one window's commands never interleave another's. */
  private queue: Promise<unknown> = Promise.resolve();
  private current: string | undefined;
  private firstWindowFree = true;
  private closed = false;

  constructor(
    readonly driver: WebDriver,
    private readonly child: ChildProcess,
    private readonly viewport: Viewport,
    private readonly uploads: string,
  ) {}

  /**
   * Runs `fn` after every command queued before it. A command that gets no answer in
   * COMMAND_MS fails, naming itself, and the queue moves on: WebDriver itself may wait for a
   * busy page for minutes, and the test should say which step it was stuck on.
   */
  private serial<T>(what: string, fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => withDeadline(fn(), what));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs `fn` with the driver switched to window `handle`, after every command queued before it. */
  run<T>(handle: string, what: string, fn: (d: WebDriver) => Promise<T>): Promise<T> {
    return this.serial(what, async () => {
      if (this.current !== handle) {
        await this.driver.switchTo().window(handle);
        this.current = handle;
      }
      return fn(this.driver);
    });
  }

  async newPage(): Promise<EnginePage> {
    const handle = await this.serial('open a window', async () => {
      if (this.firstWindowFree) {
        this.firstWindowFree = false;
      } else {
        await this.driver.switchTo().newWindow('window');
      }
      this.current = await this.driver.getWindowHandle();
      await this.driver.manage().window().setRect(this.viewport);
      return this.current;
    });
    return new SeleniumPage(this, handle, this.uploads);
  }

  /** Closes one window; the driver talks to none until the next switch. */
  closeWindow(handle: string): Promise<void> {
    return this.run(handle, 'close the window', async (d) => {
      await d.close();
      this.current = undefined;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.serial('finish the queue', async () => undefined);
    await this.driver.quit().catch(() => undefined);
    await stopChild(this.child);
  }
}

class SeleniumPage implements EnginePage {
  private earlier: string[] = [];

  constructor(
    private readonly profile: SeleniumProfile,
    private readonly handle: string,
    private readonly uploads: string,
  ) {}

  private run<T>(what: string, fn: (d: WebDriver) => Promise<T>): Promise<T> {
    return this.profile.run(this.handle, what, fn);
  }

  private el(d: WebDriver, id: string) {
    return d.findElement(By.css(byTestId(id)));
  }

  async goto(url: string): Promise<void> {
    this.earlier.push(...(await this.errors()));
    await this.run(`load ${url}`, async (d) => {
      await d.get(url);
      await d.executeScript(ERROR_HOOK);
    });
  }

  click(id: string): Promise<void> {
    return this.run(`click ${id}`, async (d) => {
      // Into view first, through every scrolling box it sits in: WebKitWebDriver scrolls only
      // the page, and calls an element in a scrolled-away part of a card not interactable.
      const el = await this.el(d, id);
      await d.executeScript(
        'arguments[0].scrollIntoView({ block: "center", inline: "center" });',
        el,
      );
      await el.click();
    });
  }

  fill(id: string, value: string): Promise<void> {
    return this.run(`fill ${id}`, async (d) => {
      const input = await this.el(d, id);
      await input.clear();
      await input.sendKeys(value);
    });
  }

  select(id: string, value: string): Promise<void> {
    return this.run(`select ${value} in ${id}`, async (d) =>
      (await d.findElement(By.css(`${byTestId(id)} option[value="${value}"]`))).click(),
    );
  }

  press(key: string): Promise<void> {
    return this.run(`press ${key}`, (d) => d.actions().sendKeys(key).perform());
  }

  async waitFor<A>(
    predicate: (arg: A) => unknown,
    arg: A,
    opts: { timeout?: number; what?: string } = {},
  ): Promise<void> {
    const timeout = opts.timeout ?? DEFAULT_WAIT_MS;
    const deadline = Date.now() + timeout;
    for (;;) {
      if (await this.evaluate(predicate, arg)) return;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeout} ms waiting for ${opts.what ?? predicate}`);
      }
      await sleep(50);
    }
  }

  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // WebDriver's Execute Script awaits a returned promise.
    const script = `return (${fn.toString()})(arguments[0]);`;
    return this.run(`run ${script.slice(0, 80)}`, (d) => d.executeScript<R>(script, arg));
  }

  text(id: string): Promise<string> {
    return this.evaluate(
      (sel) => (document.querySelector(sel)?.textContent ?? '').trim(),
      byTestId(id),
    );
  }

  async setInputFile(id: string, file: { name: string; content: string }): Promise<void> {
    const path = join(await mkdtemp(join(this.uploads, 'f-')), file.name);
    await writeFile(path, file.content);
    await this.run(`give ${id} a file`, async (d) => (await this.el(d, id)).sendKeys(path));
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.run('screenshot', (d) => d.takeScreenshot()), 'base64');
  }

  async errors(): Promise<string[]> {
    const now = await this.evaluate(
      () => (window as unknown as { __e2eErrors?: string[] }).__e2eErrors ?? [],
      null,
    ).catch(() => []);
    return [...this.earlier, ...now];
  }

  close(): Promise<void> {
    return this.profile.closeWindow(this.handle);
  }
}

/** How long one WebDriver command may take before the test fails on it. */
const COMMAND_MS = 60_000;

function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`WebKitWebDriver gave no answer in ${COMMAND_MS} ms to: ${what}`)),
      COMMAND_MS,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
