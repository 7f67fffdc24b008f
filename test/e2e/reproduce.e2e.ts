/**
 * "Reproduce in Python" in Chromium: after the article's run, the scikit-learn and PySpark buttons
 * save scripts named after the run that hold its exact weights (Python's repr of the doubles the
 * run file carries) and its name as an escaped string literal; the saved scikit-learn script, run
 * by Python, prints the page's objective for those weights exactly. For an imported file (d = 3,
 * its own header and 0/1 labels) the data's CSV export gets the name the script looks for, and the
 * two saved side by side give the page's objective too.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importedDataFileName } from '../../src/app/reproduce-scripts.ts';
import { pyRepr, pyStr } from '../../src/core/scripts/python-literal.ts';
import { findPython, runPythonFile, scratchDir } from '../core/scripts/python.ts';
import { launchChromium } from './browser.ts';
import { byTestId, waitForStatus, waitReady } from './page-model.ts';

const baseUrl = inject('baseUrl');
const scratch = scratchDir();
let browser: Browser;

beforeAll(async () => {
  findPython(); // fails here, naming what to install, without a Python with scikit-learn
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  scratch.remove();
});

async function download(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(byTestId(testid))]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('Reproduce in Python', () => {
  it("saves scripts holding the run's exact weights and escaped name; Python prints its objective", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(baseUrl + '#seed=7&nPerClass=30&trueW=1,-0.6&trueB=0.4&noise=0.5');
    await waitReady(page);
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');

    const label = 'it\'s "mine" \\ λ ü 😀';
    await page.fill(byTestId('run-label'), label);
    await page.press(byTestId('run-label'), 'Enter');
    // The run file carries the exact doubles (JSON keeps every digit).
    const run = JSON.parse((await download(page, 'export-run')).text) as {
      w: number[];
      b: number;
      metrics: { objective: number };
    };

    const sk = await download(page, 'reproduce-sklearn');
    expect(sk.name).toBe('hinge-lab-sklearn-it-s-mine-u.py');
    expect(sk.text).toContain(`HINGE_LAB_W = [${run.w.map(pyRepr).join(', ')}]\n`);
    expect(sk.text).toContain(`HINGE_LAB_B = ${pyRepr(run.b)}\n`);
    expect(sk.text).toContain(`HINGE_LAB_OBJECTIVE = ${pyRepr(run.metrics.objective)}  #`);
    expect(sk.text).toContain(`RUN_NAME = ${pyStr(label)}\n`);
    expect(await page.textContent(byTestId('compare-notice'))).toContain(`Saved ${sk.name}`);

    const file = join(scratch.dir, sk.name);
    writeFileSync(file, sk.text);
    const out = JSON.parse(runPythonFile(file, ['--json'])) as {
      hinge_lab: { objective: number; equal: boolean };
    };
    expect(out.hinge_lab.objective).toBe(run.metrics.objective);
    expect(out.hinge_lab.equal).toBe(true);

    const spark = await download(page, 'reproduce-spark');
    expect(spark.name).toBe('hinge-lab-spark-it-s-mine-u.py');
    expect(spark.text).toContain(`HINGE_LAB_W = [${run.w.map(pyRepr).join(', ')}]\n`);
    expect(spark.text).toContain('regParam=0.01,');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("for imported data: the script reads the data's CSV export from its folder, to the page's objective", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(baseUrl);
    await waitReady(page);
    const lines = ['first,second,third,class'];
    for (let i = 0; i < 200; i++) {
      const x = [Math.sin(i), Math.cos(3 * i), ((i * 37) % 101) / 50 - 1];
      lines.push(`${x.join(',')},${x[0]! - 0.5 * x[1]! + 0.1 > 0 ? 1 : 0}`);
    }
    const name = 'my "own" data ü.csv';
    const buffer = Buffer.from(lines.join('\n') + '\n');
    await page.setInputFiles(byTestId('import-data'), { name, mimeType: 'text/csv', buffer });
    await page.waitForSelector(`${byTestId('data-source-name')}:text-is('${name}')`);
    await waitReady(page);
    await page.click(byTestId('train'));
    await waitForStatus(page, 'done');
    const run = JSON.parse((await download(page, 'export-run')).text) as {
      data: { name: string; hash: string };
      metrics: { objective: number };
    };
    expect(run.data.name).toBe(name);
    const csv = await download(page, 'export-csv');
    expect(csv.name).toBe(importedDataFileName(run.data));
    const sk = await download(page, 'reproduce-sklearn');
    expect(sk.text).toContain(`DATA_FILE = ${pyStr(csv.name)}  #`);
    expect(await page.textContent(byTestId('compare-notice'))).toContain(csv.name);
    const dir = join(scratch.dir, 'imported');
    mkdirSync(dir);
    writeFileSync(join(dir, csv.name), csv.text);
    writeFileSync(join(dir, sk.name), sk.text);
    const out = JSON.parse(runPythonFile(join(dir, sk.name), ['--json'])) as {
      n: number;
      d: number;
      hinge_lab: { objective: number };
    };
    expect([out.n, out.d]).toEqual([200, 3]);
    expect(out.hinge_lab.objective).toBe(run.metrics.objective);
    await page.close();
  });
});
