/**
 * `npm run --silent bench:ui -- [--json] [--sizes 1e5,1e6,1e7]`: the page under load. Builds the
 * app and a core-alone page (bench/ui/) into a temporary folder, serves them with `vite preview`
 * on a loopback port and drives Debian's headless Chromium (1400×1000). For each n it loads the
 * page small, switches the hash to n points (so generation is measured, page boot is not), trains,
 * pauses and resumes three times, and lets the run finish. Reported, per n:
 *
 * - longTasks, maxLongTaskMs: main-thread 'longtask' entries over 50 ms while generating and
 *   training (PerformanceObserver in the page);
 * - p99FrameGapMs: 99th percentile of the gaps between requestAnimationFrame callbacks while
 *   generating and training (paused stretches left out);
 * - pauseLatencyMs: median time from the Pause click's event to the status reading 'paused'
 *   (measured in the page: the click's timeStamp and a MutationObserver);
 * - pointsEpochsPerSec: the run's throughput as the page shows it (data-testid="throughput");
 * - coreNsPerPointEpoch: Trainer.step with capture = false on the same data, in a Worker in the
 *   same Chromium (bench/ui/core-page.ts): the median of three such runs, before the page's run,
 *   between it and the detached run, and after (the shared machine's speed drifts by tens of
 *   per cent within minutes; coreNsRuns lists them); ratio = page throughput / core throughput;
 * - detachedPointsEpochsPerSec: the same run in a page that believes it is hidden (it draws
 *   nothing and acknowledges snapshots at once): the worker without the UI's cost;
 *   detachedRatio = page throughput / that.
 *
 * Figures, not tests: the machine is shared, so repeat and compare medians.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';

const CHROMIUM = '/usr/bin/chromium';
const VIEWPORT = { width: 1400, height: 1000 };
const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
const SIZES = (sizesArg ?? '1e5,1e6,1e7').split(',').map(Number);
/** Epochs of about seven seconds of training at ~4.5 ns per point per epoch. */
const epochsFor = (n: number) => Math.max(100, Math.round(1.5e9 / n / 10) * 10);
/** Fractions of the run at which to pause (and resume a moment later). */
const PAUSE_AT = [0.25, 0.45, 0.65];
const TIMEOUT_MS = 600_000;

const hashFor = (n: number, epochs: number) =>
  `#seed=7&nPerClass=${n / 2}&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=${epochs}&reg=0.01`;

export interface SizeResult {
  n: number;
  longTasks: number;
  maxLongTaskMs: number;
  p99FrameGapMs: number;
  pauseLatencyMs: number;
  pointsEpochsPerSec: number;
  coreNsPerPointEpoch: number;
  ratio: number;
  /** The three core-alone runs, in order (before, between, after). */
  coreNsRuns: number[];
  epochs: number;
  generationMs: number;
  trainingMs: number;
  frames: number;
  medianFrameGapMs: number;
  pauseLatenciesMs: number[];
  /** The same run's throughput with the page drawing nothing (a hidden tab). */
  detachedPointsEpochsPerSec: number;
  /** pointsEpochsPerSec / detachedPointsEpochsPerSec: what drawing costs the worker. */
  detachedRatio: number;
  /** Each long task: while generating or training, and when (ms after that phase began). */
  longTasksAt: { phase: string; atMs: number; ms: number }[];
  /** Each gap between frames of 50 ms or more, likewise. */
  slowFramesAt: { phase: string; atMs: number; ms: number }[];
}

/** What the page records (installed before any of the app's scripts run). */
interface BenchProbe {
  recording: boolean;
  longTasks: { start: number; duration: number }[];
  /** rAF timestamps and whether the status read 'paused' at each. */
  frames: number[];
  framePaused: boolean[];
  clicks: number[];
  paused: number[];
}

function installProbe(): void {
  const probe: BenchProbe = {
    recording: false,
    longTasks: [],
    frames: [],
    framePaused: [],
    clicks: [],
    paused: [],
  };
  (window as unknown as { benchProbe: BenchProbe }).benchProbe = probe;
  new PerformanceObserver((list) => {
    if (!probe.recording) return;
    for (const e of list.getEntries())
      probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  const statusIs = (v: string) =>
    document.querySelector('[data-testid="status"]')?.getAttribute('data-value') === v;
  const frame = (t: number) => {
    if (probe.recording) {
      probe.frames.push(t);
      probe.framePaused.push(statusIs('paused'));
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest('[data-testid="pause"]');
      if (button && button.textContent?.trim() === 'Pause') probe.clicks.push(event.timeStamp);
    },
    true,
  );
  let last = '';
  new MutationObserver(() => {
    const v = document.querySelector('[data-testid="status"]')?.getAttribute('data-value') ?? '';
    if (v === last) return;
    last = v;
    if (v === 'paused') probe.paused.push(performance.now());
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-value'] });
}

/** A page of its own context, 1400×1000. */
async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx keeps function names with a __name helper, which functions sent to the page then call.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return { context, page: await context.newPage() };
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1]! : NaN;
};
const quantile = (v: number[], q: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};

const attr = (page: Page, id: string) =>
  page.getAttribute(`[data-testid="${id}"]`, 'data-value').then((v) => Number(v));

async function waitStatus(page: Page, status: string): Promise<void> {
  await page.waitForSelector(`[data-testid="status"][data-value="${status}"]`, {
    timeout: TIMEOUT_MS,
  });
}

async function measureApp(browser: Browser, base: string, n: number): Promise<Partial<SizeResult>> {
  const epochs = epochsFor(n);
  const { context, page } = await newPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(installProbe);
  await page.goto(base);
  await waitStatus(page, 'idle');
  await page.waitForSelector('[data-testid="epoch"][data-value="0"]');
  await page.waitForTimeout(500);

  const t0 = await page.evaluate(
    (hash) => {
      const probe = (window as unknown as { benchProbe: BenchProbe }).benchProbe;
      probe.recording = true;
      location.hash = hash;
      return performance.now();
    },
    hashFor(n, epochs),
  );
  await page.waitForSelector(`[data-testid="plot"][data-n="${n}"]`, { timeout: TIMEOUT_MS });
  await page.waitForSelector('[data-testid="generate-progress"]', {
    state: 'detached',
    timeout: TIMEOUT_MS,
  });
  const generationMs = (await page.evaluate(() => performance.now())) - t0;

  await page.click('[data-testid="train"]');
  const trainStart = await page.evaluate(() => performance.now());
  for (const fraction of PAUSE_AT) {
    const target = Math.round(fraction * epochs);
    await page.waitForFunction(
      (e) => {
        const s = document.querySelector('[data-testid="status"]')?.getAttribute('data-value');
        const v = document.querySelector('[data-testid="epoch"]')?.getAttribute('data-value');
        return s === 'done' || Number(v) >= e;
      },
      target,
      { timeout: TIMEOUT_MS, polling: 50 },
    );
    const status = await page.getAttribute('[data-testid="status"]', 'data-value');
    if (status !== 'training') break;
    await page.click('[data-testid="pause"]');
    await waitStatus(page, 'paused');
    await page.waitForTimeout(300);
    await page.click('[data-testid="pause"]'); // Resume
    await page.waitForSelector('[data-testid="status"]:not([data-value="paused"])');
  }
  await waitStatus(page, 'done');
  const trainingMs = (await page.evaluate(() => performance.now())) - trainStart;
  const pointsEpochsPerSec = await attr(page, 'throughput');
  const probe = await page.evaluate(() => {
    const p = (window as unknown as { benchProbe: BenchProbe }).benchProbe;
    p.recording = false;
    return p;
  });
  await context.close();
  if (errors.length) throw new Error(`n = ${n}: the page reported errors: ${errors.join('; ')}`);

  const gaps: number[] = [];
  const slow: { start: number; duration: number }[] = [];
  for (let i = 1; i < probe.frames.length; i++) {
    if (probe.framePaused[i] || probe.framePaused[i - 1]) continue;
    const gap = probe.frames[i]! - probe.frames[i - 1]!;
    gaps.push(gap);
    if (gap >= 50) slow.push({ start: probe.frames[i - 1]!, duration: gap });
  }
  const latencies = probe.clicks.map((c, i) => (probe.paused[i] ?? NaN) - c);
  const long = probe.longTasks.filter((t) => t.duration > 50);
  const phase = (t: number) => (t < trainStart ? 'generating' : 'training');
  const when = (list: { start: number; duration: number }[]) =>
    list.map((t) => ({
      phase: phase(t.start),
      atMs: Math.round(t.start - (t.start < trainStart ? t0 : trainStart)),
      ms: Math.round(t.duration),
    }));
  return {
    n,
    epochs,
    longTasks: long.length,
    maxLongTaskMs: long.length ? Math.max(...long.map((t) => t.duration)) : 0,
    longTasksAt: when(long),
    slowFramesAt: when(slow),
    p99FrameGapMs: quantile(gaps, 0.99),
    medianFrameGapMs: median(gaps),
    frames: probe.frames.length,
    pauseLatencyMs: median(latencies),
    pauseLatenciesMs: latencies,
    pointsEpochsPerSec,
    generationMs,
    trainingMs,
  };
}

/** Makes the page believe it is in a background tab (before any of its scripts run). */
function hideDocument(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

/**
 * The same run with the page's drawing detached: the page believes it is hidden, so it takes
 * each snapshot without drawing and acknowledges it at once. Its throughput is the worker's
 * without the UI's cost; shown again at the end, the page reads it out.
 */
async function measureDetached(browser: Browser, base: string, n: number): Promise<number> {
  const { context, page } = await newPage(browser);
  await page.addInitScript(hideDocument, true);
  await page.goto(base + hashFor(n, epochsFor(n)));
  await page.waitForSelector(`[data-testid="plot"][data-n="${n}"]`, { timeout: TIMEOUT_MS });
  await page.waitForSelector('[data-testid="generate-progress"]', {
    state: 'detached',
    timeout: TIMEOUT_MS,
  });
  await page.waitForTimeout(300);
  await page.click('[data-testid="train"]');
  await waitStatus(page, 'done');
  await page.evaluate(hideDocument, false);
  await page.waitForSelector(`[data-testid="epoch"][data-value="${epochsFor(n)}"]`);
  const throughput = await attr(page, 'throughput');
  await context.close();
  return throughput;
}

async function measureCore(browser: Browser, base: string, n: number): Promise<number> {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}bench-core/core-page.html${hashFor(n, epochsFor(n))}`);
  const handle = await page.waitForFunction(
    () => (window as unknown as { coreResult?: unknown }).coreResult,
    undefined,
    { timeout: TIMEOUT_MS, polling: 250 },
  );
  const result = (await handle.jsonValue()) as { nsPerPointEpoch?: number; error?: string };
  await context.close();
  if (result.error !== undefined) throw new Error(`core page: ${result.error}`);
  return result.nsPerPointEpoch!;
}

const root = join(import.meta.dirname, '..');
const outDir = await mkdtemp(join(tmpdir(), 'hinge-lab-bench-ui-'));
let browser: Browser | undefined;
let server: Awaited<ReturnType<typeof preview>> | undefined;
try {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({
    configFile: join(root, 'bench', 'ui', 'vite.config.ts'),
    build: { outDir: join(outDir, 'bench-core'), emptyOutDir: true },
  });
  server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview did not report its URL');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    ],
  });
  const results: SizeResult[] = [];
  for (const n of SIZES) {
    const coreNsRuns = [await measureCore(browser, base, n)];
    const app = await measureApp(browser, base, n);
    coreNsRuns.push(await measureCore(browser, base, n));
    const detached = await measureDetached(browser, base, n);
    coreNsRuns.push(await measureCore(browser, base, n));
    const core = median(coreNsRuns);
    const result = {
      ...app,
      coreNsPerPointEpoch: core,
      coreNsRuns,
      ratio: (app.pointsEpochsPerSec! * core) / 1e9,
      detachedPointsEpochsPerSec: detached,
      detachedRatio: app.pointsEpochsPerSec! / detached,
    } as SizeResult;
    results.push(result);
    if (json) console.log(JSON.stringify(result));
  }
  if (!json) printTable(results);
} finally {
  await browser?.close();
  await server?.close();
  await rm(outDir, { recursive: true, force: true });
}

function printTable(results: SizeResult[]): void {
  const rows: [string, (r: SizeResult) => string][] = [
    ['epochs', (r) => String(r.epochs)],
    ['generation (s)', (r) => (r.generationMs / 1000).toFixed(1)],
    ['training (s)', (r) => (r.trainingMs / 1000).toFixed(1)],
    ['long tasks > 50 ms', (r) => String(r.longTasks)],
    ['longest task (ms)', (r) => r.maxLongTaskMs.toFixed(0)],
    ['frame gap p99 (ms)', (r) => r.p99FrameGapMs.toFixed(1)],
    ['frame gap median (ms)', (r) => r.medianFrameGapMs.toFixed(1)],
    ['pause latency (ms)', (r) => r.pauseLatencyMs.toFixed(1)],
    ['page (M points·epochs/s)', (r) => (r.pointsEpochsPerSec / 1e6).toFixed(1)],
    ['core alone (ns/point/epoch)', (r) => r.coreNsPerPointEpoch.toFixed(2)],
    ['page / core', (r) => `${(100 * r.ratio).toFixed(1)}%`],
    ['not drawing (M points·epochs/s)', (r) => (r.detachedPointsEpochsPerSec / 1e6).toFixed(1)],
    ['page / not drawing', (r) => `${(100 * r.detachedRatio).toFixed(1)}%`],
  ];
  const head = ['n', ...results.map((r) => r.n.toExponential(0).replace('+', ''))];
  const table = [head, ...rows.map(([label, f]) => [label, ...results.map(f)])];
  const widths = head.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const row of table) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    );
  }
}
