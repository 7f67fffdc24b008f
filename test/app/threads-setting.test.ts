/**
 * The threads setting: its default from the machine's cores, its limit and messages, that it
 * stays out of the link, and that a valid value (and only one) reaches the worker.
 */
import { describe, expect, it } from 'vitest';
import { FormState } from '../../src/app/form-state.svelte.ts';
import { defaultThreads, readThreads, THREADS_ENTRY } from '../../src/app/threads-setting.ts';
import { hintOf } from '../../src/settings/form.ts';
import { appOn, inProcessClient } from './harness.ts';

describe('threads setting', () => {
  it('defaults to one less than the cores, within 1..16, where memory can be shared', () => {
    const table: [number | undefined, number][] = [
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 3],
      [8, 7],
      [17, 16],
      [64, 16],
      [undefined, 1],
    ];
    for (const [cores, threads] of table) {
      expect([cores, defaultThreads(cores, true)]).toEqual([cores, threads]);
      expect(defaultThreads(cores, false)).toBe(1); // no shared memory: 1 unless chosen
    }
  });

  it('reads 1..16 and names the field and its range otherwise', () => {
    expect(readThreads(' 4 ')).toEqual({ ok: true, value: 4 });
    expect(readThreads('16')).toEqual({ ok: true, value: 16 });
    const refused: [string, string][] = [
      ['0', '0'],
      ['17', '17'],
      ['2.5', '2.5'],
      ['two', '"two"'],
      ['', 'an empty field'],
    ];
    for (const [text, got] of refused) {
      expect(readThreads(text)).toEqual({
        ok: false,
        message: `threads must be an integer in [1, 16], got ${got}`,
      });
    }
    expect(hintOf(THREADS_ENTRY)).toMatch(/^Integer, 1 to 16; .*never changes results/);
  });

  it('is not in the URL hash', () => {
    const form = new FormState();
    const hash = form.hash;
    form.threadsText = '3';
    expect(form.threadsCheck).toEqual({ ok: true, value: 3 });
    expect(form.hash).toBe(hash);
    form.readHash('#seed=7&threads=5');
    expect(form.threadsText).toBe('3');
  });

  it('sends each valid value to the worker, at start and on input', () => {
    const sent: number[] = [];
    const client = { ...inProcessClient(), setThreads: async (n: number) => void sent.push(n) };
    const app = appOn(client);
    expect(sent).toEqual([defaultThreads()]);
    app.threadsText = '3';
    app.threadsText = '40';
    expect(app.threadsError).toBe('threads must be an integer in [1, 16], got 40');
    app.threadsText = '2';
    expect(sent).toEqual([defaultThreads(), 3, 2]);
    app.dispose();
  });
});
