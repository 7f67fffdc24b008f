/**
 * The page when its worker dies (a real worker thread): it says what happened, keeps the last
 * good state on screen, and trains again on a new worker with the same data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/app-state.svelte.ts';
import { manualClock } from '../helpers/manual-clock.ts';
import { createThreadClient, type ThreadWorker } from '../helpers/thread-worker.ts';
import { appOn, articleSettings, trainToEnd, until } from './harness.ts';

let app: AppState | null = null;
let workers: ThreadWorker[] = [];
afterEach(() => {
  app?.dispose();
  for (const w of workers.splice(0)) w.terminate();
});

async function doneRun(death: 'close' | 'oom') {
  const clock = manualClock();
  const started = createThreadClient({ clock }, death === 'oom' ? 24 : undefined);
  workers = started.workers;
  app = appOn(started.client, articleSettings());
  app.generate();
  await until(() => app!.run.phase === 'idle' && app!.summary !== null, 'the data');
  const s = await trainToEnd(app);
  expect(s.epoch).toBe(400);
  clock.advance(200); // a ping, answered before the reply to the call after it
  await started.client.textGrid(21);
  return { a: app, w: started.worker, clock };
}

describe('the page after its worker died', () => {
  it('closed itself: says so, keeps epoch 400 and its curves on screen, trains again', async () => {
    const { a, w } = await doneRun('close');
    w.kill('close');
    await until(() => /A new worker has the data/.test(a.run.message), 'the recovery');
    expect(a.run.message).toBe(
      'the training worker closed itself. A new worker has the data; the last state stays on screen: press Train to run again.',
    );
    expect(a.status).toBe('error');
    const before = a.snapshot;
    expect(before?.epoch).toBe(400);
    expect(a.curves.length).toBe(401);
    const again = await trainToEnd(a);
    expect(again).not.toBe(before);
    expect(a.status).toBe('done');
    expect(again.svCount).toBe(15);
    expect(again.meanLoss.toFixed(4)).toBe('0.1480');
  });

  it('out of memory (no event): noticed by the pings; Step then starts over at epoch 1', async () => {
    const { a, w, clock } = await doneRun('oom');
    w.kill('oom');
    await w.exited;
    clock.advance(1000);
    await until(() => /A new worker has the data/.test(a.run.message), 'the recovery');
    expect(a.run.message).toMatch(/^the training worker stopped answering \(no reply for 0\.\d s/);
    expect(a.snapshot?.epoch).toBe(400);
    a.step();
    await a.run.settled();
    expect(a.snapshot?.epoch).toBe(1);
    expect(a.curves.length).toBe(2);
    expect(a.status).toBe('paused');
  });
});
