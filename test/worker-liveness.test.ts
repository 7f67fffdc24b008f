import { describe, expect, it } from 'vitest';
import { watchWorker } from '../src/worker-liveness.ts';
import type { LifeMessage } from '../workers/liveness.ts';
import { manualClock } from './helpers/manual-clock.ts';

/** A worker stand-in: records pings; answer() replies to the last one, as a live worker would. */
function fakeWorker() {
  const listeners = {
    message: new Set<(e: unknown) => void>(),
    error: new Set<(e: unknown) => void>(),
  };
  const pings: number[] = [];
  const emit = (type: 'message' | 'error', e: unknown) => {
    for (const l of listeners[type]) l(e);
  };
  return {
    pings,
    postMessage(m: LifeMessage) {
      if (m.hingeLife === 'ping') pings.push(m.id);
    },
    addEventListener(type: 'message' | 'error', l: (e: unknown) => void) {
      listeners[type].add(l);
    },
    removeEventListener(type: 'message' | 'error', l: (e: unknown) => void) {
      listeners[type].delete(l);
    },
    answer() {
      emit('message', { data: { hingeLife: 'pong', id: pings.at(-1) } });
    },
    say(data: unknown) {
      emit('message', { data });
    },
    fail(message: string) {
      emit('error', { message, preventDefault: () => undefined });
    },
    get listening() {
      return listeners.message.size + listeners.error.size;
    },
  };
}

function watch(options = {}) {
  const clock = manualClock();
  const worker = fakeWorker();
  const deaths: string[] = [];
  const stop = watchWorker(worker as never, (e) => deaths.push(e.message), { clock, ...options });
  return { clock, worker, deaths, stop };
}

describe('watchWorker', () => {
  it('never declares a worker that answers each ping dead', () => {
    const { clock, worker, deaths } = watch();
    for (let i = 0; i < 500; i++) {
      clock.advance(200);
      worker.answer();
    }
    expect(worker.pings).toHaveLength(500);
    expect(deaths).toEqual([]);
  });

  it('declares a silent worker dead within a second of its last answer, once', () => {
    const { clock, worker, deaths } = watch();
    clock.advance(200);
    worker.answer(); // alive at t = 200
    clock.advance(750);
    expect(deaths).toEqual([]);
    clock.advance(250); // t = 1200: the ping of t = 400 unanswered for 800 ms
    expect(deaths).toEqual([
      'the training worker stopped answering (no reply for 0.8 s; out of memory?)',
    ]);
    clock.advance(10_000);
    expect(deaths).toHaveLength(1);
    expect(worker.listening).toBe(0);
  });

  it('does not judge a worker before its first answer (it may still be loading its script)', () => {
    const { clock, worker, deaths } = watch();
    clock.advance(10_000);
    expect(deaths).toEqual([]);
    expect(worker.pings).toHaveLength(1);
    worker.answer();
    clock.advance(1200);
    expect(deaths).toHaveLength(1);
  });

  it('an answer to an older ping does not count', () => {
    const { clock, worker, deaths } = watch();
    clock.advance(200);
    const stale = worker.pings[0];
    worker.answer();
    clock.advance(200); // a second ping
    worker.say({ hingeLife: 'pong', id: stale });
    clock.advance(800);
    expect(deaths).toHaveLength(1);
  });

  it('a late tick (hidden tab, long task) starts the wait again instead of judging', () => {
    const { clock, worker, deaths } = watch();
    clock.advance(200); // ping 1 sent at t = 200, its answer still queued behind the stall
    clock.stall(60_000); // one tick a minute later
    expect(deaths).toEqual([]);
    worker.answer();
    clock.advance(200);
    expect(worker.pings).toHaveLength(2);
    // Still judged on time once the ticks are regular again.
    clock.advance(1000);
    expect(deaths).toHaveLength(1);
  });

  it("dies at once on the worker's 'closing' message or its error event", () => {
    const closing = watch();
    closing.worker.say({ hingeLife: 'closing' });
    expect(closing.deaths).toEqual(['the training worker closed itself']);
    const thrown = watch();
    thrown.worker.fail('Uncaught Error: boom');
    expect(thrown.deaths).toEqual(['the training worker crashed: Uncaught Error: boom']);
  });

  it('stop() ends the watch: no pings, no verdict', () => {
    const { clock, worker, deaths, stop } = watch();
    stop();
    clock.advance(5000);
    worker.say({ hingeLife: 'closing' });
    expect(worker.pings).toEqual([]);
    expect(deaths).toEqual([]);
  });
});
