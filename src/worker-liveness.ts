/**
 * Notices a training worker's death however it dies, within about a second: its error event (a
 * top-level throw), its 'closing' message (it closed itself), or no answer to a ping for
 * `timeoutMs` (the engine stopped it silently: Chromium ends a worker whose heap runs out
 * without any event). The worker answers pings between slices of work (workers/liveness.ts).
 *
 * The ping clock runs on the page's timers, which a hidden tab or a long main-thread task delays.
 * A tick that comes late (more than 2·everyMs after the one before) says nothing about the
 * worker, so the wait starts again from it: a hidden tab judges once it is shown, never falsely.
 * Nor is a worker judged before its first answer: loading its script may take a while.
 */
import { lifeMessage, type LifeMessage } from '../workers/liveness.ts';

export interface LivenessClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

export interface LivenessOptions {
  /** Ping interval, ms (default 200). */
  everyMs?: number;
  /** Dead after a ping unanswered this long, ms, while the page ticks on time (default 750). */
  timeoutMs?: number;
  clock?: LivenessClock;
}

/** The parts of a Worker this needs. */
type Watched = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener'>;

const realClock: LivenessClock = {
  now: () => performance.now(),
  every(ms, tick) {
    const handle = setInterval(tick, ms);
    return () => clearInterval(handle);
  },
};

/**
 * Watches `worker` until it dies (then calls `died` once with what happened) or until the
 * returned function stops the watch.
 */
export function watchWorker(
  worker: Watched,
  died: (error: Error) => void,
  options: LivenessOptions = {},
): () => void {
  const { everyMs = 200, timeoutMs = 750, clock = realClock } = options;
  let pingId = 0;
  /** The unanswered ping's id and when the wait for it started, or null. */
  let waiting: { id: number; since: number } | null = null;
  let lastTick = clock.now();
  let over = false;
  let answered = false;
  let stopTicks = () => undefined as void;

  const stop = () => {
    over = true;
    stopTicks();
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
  };
  const fail = (error: Error) => {
    if (over) return;
    stop();
    died(error);
  };
  const onMessage = (event: MessageEvent) => {
    const m: LifeMessage | null = lifeMessage(event.data);
    if (m?.hingeLife === 'pong' && waiting?.id === m.id) {
      waiting = null;
      answered = true;
    }
    if (m?.hingeLife === 'closing') fail(new Error('the training worker closed itself'));
  };
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    fail(new Error(`the training worker crashed: ${event.message || 'unknown error'}`));
  };
  const tick = () => {
    const now = clock.now();
    const late = now - lastTick > 2 * everyMs;
    lastTick = now;
    // Until its first answer the worker may still be loading (its error event covers a failure).
    if (waiting && (late || !answered)) waiting.since = now;
    if (waiting && now - waiting.since > timeoutMs) {
      const s = ((now - waiting.since) / 1000).toFixed(1);
      fail(
        new Error(`the training worker stopped answering (no reply for ${s} s; out of memory?)`),
      );
      return;
    }
    if (!waiting) {
      waiting = { id: ++pingId, since: now };
      worker.postMessage({ hingeLife: 'ping', id: pingId } satisfies LifeMessage);
    }
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  stopTicks = clock.every(everyMs, tick);
  return stop;
}
