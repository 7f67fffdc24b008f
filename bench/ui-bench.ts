/**
 * `npm run --silent bench:ui -- [--json] [--sizes 1e5,1e6,1e7] [--runs 3] [--threads k]`: the page
 * under load (with the threads field at k; else at the page's default).
 * Builds the app and a core-alone page (bench/ui/) into a temporary folder, serves them with
 * `vite preview` on a loopback port and drives Debian's headless Chromium (1400×1000). For each n,
 * `runs` times, it loads the page small, switches the hash to n points (so generation is measured,
 * page boot is not), trains, pauses and resumes three times, and lets the run finish; then it
 * measures throughput (below). Reported, per n, over all runs:
 *
 * - longTasks, maxLongTaskMs: main-thread 'longtask' entries over 50 ms while generating and
 *   training (PerformanceObserver in the page);
 * - p99FrameGapMs: 99th percentile of the gaps between requestAnimationFrame callbacks while
 *   generating and training (paused stretches left out);
 * - pauseLatencyMs: median time from the Pause click's event to the status reading 'paused'
 *   (measured in the page: the click's timeStamp and a MutationObserver);
 * - pointsEpochsPerSec, coreNsPerPointEpoch, ratio: the app's training throughput (as its
 *   read-out gives it: rows over training time) against Trainer.step with capture = false on the
 *   same data in a Worker in the same Chromium (bench/ui/core-page.ts), measured interleaved:
 *   1 s of the app training, 1 s of the core alone while the app is paused, 25 times (the first
 *   pair left out). This machine's speed flips by some 30% from one second to the next, so runs
 *   taken minutes apart would not compare; medianPairRatio is the median of the pairs' ratios.
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
const runsArg = args.includes('--runs') ? args[args.indexOf('--runs') + 1] : undefined;
const RUNS = Math.max(0, Math.round(Number(runsArg ?? 3)));
/** `--threads k`: the app's threads field set to k (default: the page's own default). */
const threadsArg = args.includes('--threads') ? args[args.indexOf('--threads') + 1] : undefined;
const THREADS = threadsArg === undefined ? null : Number(threadsArg);
/** Sets the threads field when --threads was given. */
async function setThreads(page: Page): Promise<void> {
  if (THREADS !== null) await page.fill('[data-testid="field-threads"]', String(THREADS));
}
/** Epochs of about seven seconds of training at ~4.5 ns per point per epoch. */
const epochsFor = (n: number) => Math.max(100, Math.round(1.5e9 / n / 10) * 10);
/** Fractions of the run at which to pause (and resume a moment later). */
const PAUSE_AT = [0.25, 0.45, 0.65];
const TIMEOUT_MS = 600_000;

const hashFor = (n: number, epochs: number) =>
  `#seed=7&nPerClass=${n / 2}&trueW=1,-0.6&trueB=0.4&noise=0.5&lr=0.05&epochs=${epochs}&reg=0.01`;

/** One size's figures: over all `runs` runs of the app unless said otherwise. */
export interface SizeResult {
  n: number;
  /** The --threads given, or 'default' (the page's: cores − 1 within 1..16). */
  threads: number | 'default';
  epochs: number;
  runs: number;
  /** Long tasks (> 50 ms) in all runs together, and the longest. */
  longTasks: number;
  maxLongTaskMs: number;
  /** 99th percentile of the frame gaps of all runs pooled (paused stretches left out). */
  p99FrameGapMs: number;
  medianFrameGapMs: number;
  /** Median of all Pause clicks' latencies (three per run). */
  pauseLatencyMs: number;
  pauseLatenciesMs: number[];
  /**
   * The app's training throughput and the core's alone, interleaved (measureThroughput), their
   * ratio, and each stretch's figures.
   */
  pointsEpochsPerSec: number;
  coreNsPerPointEpoch: number;
  ratio: number;
  pageWindows: number[];
  coreWindows: number[];
  medianPairRatio: number;
  /** Each responsiveness run's own throughput (pauses and a probe on every frame included). */
  runPointsEpochsPerSec: number[];
  generationMs: number;
  trainingMs: number;
  frames: number;
  /** Each long task of each run: while generating or training, ms after that phase began. */
  longTasksAt: Moment[][];
  /** Each gap between frames of 50 ms or more of each run, likewise. */
  slowFramesAt: Moment[][];
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

const byId = (id: string) => `[data-testid="${id}"]`;

const attr = (page: Page, id: string) =>
  page.getAttribute(`[data-testid="${id}"]`, 'data-value').then((v) => Number(v));

async function waitStatus(page: Page, status: string): Promise<void> {
  await page.waitForSelector(`[data-testid="status"][data-value="${status}"]`, {
    timeout: TIMEOUT_MS,
  });
}

/** One run of the app at n points: what the probe saw. */
interface AppRun {
  gaps: number[];
  longTasksAt: Moment[];
  slowFramesAt: Moment[];
  pauseLatenciesMs: number[];
  pointsEpochsPerSec: number;
  generationMs: number;
  trainingMs: number;
  frames: number;
}

/** An event while generating or training, at atMs after that phase began, lasting ms. */
interface Moment {
  phase: string;
  atMs: number;
  ms: number;
}

async function measureApp(browser: Browser, base: string, n: number): Promise<AppRun> {
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
  await setThreads(page);
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
      { timeout: TIMEOUT_MS, polling: 200 },
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
    gaps,
    longTasksAt: when(long),
    slowFramesAt: when(slow),
    pauseLatenciesMs: latencies,
    pointsEpochsPerSec,
    generationMs,
    trainingMs,
    frames: probe.frames.length,
  };
}

/** Throughput stretches: each WINDOW_MS of the app's training, then as long of the core alone. */
const WINDOWS = 25;
const WINDOW_MS = 1000;
/** Epochs enough that the app's run outlasts the throughput stretches. */
const longEpochs = (n: number) => Math.min(10_000_000, Math.ceil(3e10 / n));

/** The app's training so far: rows (points × epochs) and milliseconds, pauses excluded. */
async function appTotals(page: Page): Promise<{ rows: number; ms: number }> {
  const el = byId('throughput');
  const rate = Number(await page.getAttribute(el, 'data-value'));
  const ms = Number(await page.getAttribute(el, 'data-elapsed-ms'));
  return { rows: (rate * ms) / 1000, ms };
}

export interface Throughput {
  /** Points·epochs per second over all stretches but the first (JIT warm-up), app and core. */
  page: number;
  core: number;
  /** Each stretch's figures, in order. */
  pageWindows: number[];
  coreWindows: number[];
}

/**
 * The app's training throughput against the core's alone, interleaved: the app (a plain page, no
 * probe) trains for WINDOW_MS and pauses, the core alone (bench/ui/core-page.ts, the same data
 * in a Worker of another page) runs for WINDOW_MS, the app resumes, WINDOWS times. The app's
 * stretch is its rows and training time between pauses as its read-out gives them.
 */
async function measureThroughput(browser: Browser, base: string, n: number): Promise<Throughput> {
  const core = await newPage(browser);
  await core.page.goto(`${base}bench-core/core-page.html${hashFor(n, 1)}`);
  await core.page.evaluate(() => (window as unknown as { coreBench: CoreBench }).coreBench.ready);
  const app = await newPage(browser);
  await app.page.goto(base + hashFor(n, longEpochs(n)));
  await app.page.waitForSelector(`${byId('plot')}[data-n="${n}"][data-drawn="all"]`, {
    timeout: TIMEOUT_MS,
  });
  await waitStatus(app.page, 'idle');
  await setThreads(app.page);
  await app.page.click(byId('train'));
  await waitStatus(app.page, 'training');
  const pageWindows: number[] = [];
  const coreWindows: number[] = [];
  let pageRows = 0;
  let pageMs = 0;
  let coreRows = 0;
  let coreMs = 0;
  let last = { rows: 0, ms: 0 };
  for (let k = 0; k < WINDOWS; k++) {
    await app.page.waitForTimeout(WINDOW_MS);
    await app.page.click(byId('pause'));
    await waitStatus(app.page, 'paused');
    const now = await appTotals(app.page);
    const burst = (await core.page.evaluate(
      (ms) => (window as unknown as { coreBench: CoreBench }).coreBench.burst(ms),
      WINDOW_MS,
    )) as { rows: number; ms: number };
    pageWindows.push(((now.rows - last.rows) * 1000) / (now.ms - last.ms));
    coreWindows.push((burst.rows * 1000) / burst.ms);
    if (k > 0) {
      pageRows += now.rows - last.rows;
      pageMs += now.ms - last.ms;
      coreRows += burst.rows;
      coreMs += burst.ms;
    }
    last = now;
    await app.page.click(byId('pause')); // Resume
    await waitStatus(app.page, 'training');
  }
  await app.context.close();
  await core.context.close();
  return {
    page: (pageRows * 1000) / pageMs,
    core: (coreRows * 1000) / coreMs,
    pageWindows,
    coreWindows,
  };
}

interface CoreBench {
  ready: Promise<unknown>;
  burst(ms: number): Promise<unknown>;
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
    const apps: AppRun[] = [];
    for (let r = 0; r < RUNS; r++) apps.push(await measureApp(browser, base, n));
    const result = summarise(n, apps, await measureThroughput(browser, base, n));
    results.push(result);
    if (json) console.log(JSON.stringify(result));
  }
  if (!json) printTable(results);
} finally {
  await browser?.close();
  await server?.close();
  await rm(outDir, { recursive: true, force: true });
}

function summarise(n: number, apps: AppRun[], throughput: Throughput): SizeResult {
  const gaps = apps.flatMap((a) => a.gaps);
  const long = apps.flatMap((a) => a.longTasksAt);
  const latencies = apps.flatMap((a) => a.pauseLatenciesMs);
  return {
    n,
    threads: THREADS ?? 'default',
    epochs: epochsFor(n),
    runs: apps.length,
    longTasks: long.length,
    maxLongTaskMs: long.length ? Math.max(...long.map((t) => t.ms)) : 0,
    p99FrameGapMs: quantile(gaps, 0.99),
    medianFrameGapMs: median(gaps),
    pauseLatencyMs: median(latencies),
    pauseLatenciesMs: latencies,
    pointsEpochsPerSec: throughput.page,
    coreNsPerPointEpoch: 1e9 / throughput.core,
    ratio: throughput.page / throughput.core,
    pageWindows: throughput.pageWindows,
    coreWindows: throughput.coreWindows,
    medianPairRatio: median(
      throughput.pageWindows.slice(1).map((p, k) => p / throughput.coreWindows[k + 1]!),
    ),
    runPointsEpochsPerSec: apps.map((a) => a.pointsEpochsPerSec),
    generationMs: median(apps.map((a) => a.generationMs)),
    trainingMs: median(apps.map((a) => a.trainingMs)),
    frames: apps.reduce((k, a) => k + a.frames, 0),
    longTasksAt: apps.map((a) => a.longTasksAt),
    slowFramesAt: apps.map((a) => a.slowFramesAt),
  };
}

function printTable(results: SizeResult[]): void {
  const rows: [string, (r: SizeResult) => string][] = [
    ['epochs', (r) => String(r.epochs)],
    ['runs', (r) => String(r.runs)],
    ['generation (s)', (r) => (r.generationMs / 1000).toFixed(1)],
    ['training (s)', (r) => (r.trainingMs / 1000).toFixed(1)],
    ['long tasks > 50 ms', (r) => String(r.longTasks)],
    ['longest task (ms)', (r) => r.maxLongTaskMs.toFixed(0)],
    ['frame gap p99 (ms)', (r) => r.p99FrameGapMs.toFixed(1)],
    ['frame gap median (ms)', (r) => r.medianFrameGapMs.toFixed(1)],
    ['pause latency (ms)', (r) => r.pauseLatencyMs.toFixed(1)],
    ['page (M points·epochs/s)', (r) => (r.pointsEpochsPerSec / 1e6).toFixed(1)],
    ['core alone (M points·epochs/s)', (r) => (1e3 / r.coreNsPerPointEpoch).toFixed(1)],
    ['core alone (ns/point/epoch)', (r) => r.coreNsPerPointEpoch.toFixed(2)],
    ['page / core', (r) => `${(100 * r.ratio).toFixed(1)}%`],
    ['page / core, median pair', (r) => `${(100 * r.medianPairRatio).toFixed(1)}%`],
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
