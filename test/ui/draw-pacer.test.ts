import { describe, expect, it } from 'vitest';
import { DrawPacer, type PacerClock } from '../../src/ui/draw-pacer.ts';

/**
 * Virtual time: frames come every `frameMs`, a frame's rendering takes `renderMs` (the task
 * queued from the frame callback runs once it is done), sleeps end on time.
 */
function virtualClock(frameMs: number, renderMs: number) {
  let t = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const at = (when: number) =>
    new Promise<void>((resolve) => timers.push({ at: when, fire: resolve }));
  const slept: number[] = [];
  const clock: PacerClock = {
    now: () => t,
    frame: () => at(Math.ceil((t + 1e-9) / frameMs) * frameMs),
    afterFrame: () => at(t + renderMs),
    sleep: (ms) => {
      slept.push(ms);
      return at(t + ms);
    },
  };
  /** Runs `work` in virtual time until it settles. */
  async function run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => (done = true));
    for (;;) {
      for (let k = 0; k < 20; k++) await Promise.resolve();
      if (done) return result;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) throw new Error('nothing left to wait for');
      t = Math.max(t, next.at);
      next.fire();
    }
  }
  return { clock, slept, run, advance: (ms: number) => (t += ms), time: () => t };
}

/** Draws `count` snapshots, each with `scriptMs` of script; returns when each began. */
async function draw(
  v: ReturnType<typeof virtualClock>,
  pacer: DrawPacer,
  count: number,
  scriptMs: number,
) {
  const starts: number[] = [];
  for (let k = 0; k < count; k++) {
    const began = v.time();
    starts.push(began);
    v.advance(scriptMs);
    await v.run(pacer.drawn(began));
  }
  return starts;
}

describe('DrawPacer', () => {
  it('acknowledges in the frame that draws a snapshot while drawing is cheap', async () => {
    const v = virtualClock(16, 2);
    const pacer = new DrawPacer(v.clock, 0.5);
    const starts = await draw(v, pacer, 6, 1);
    expect(v.slept).toEqual([]);
    expect(pacer.cost).toBeCloseTo(3, 10);
    expect(starts.slice(1).map((s, i) => s - starts[i]!)).toEqual([16, 16, 16, 16, 16]);
  });

  it('spaces acknowledgements so drawing takes at most its share of the thread', async () => {
    const v = virtualClock(16, 15);
    const pacer = new DrawPacer(v.clock, 0.25);
    const starts = await draw(v, pacer, 30, 5);
    expect(pacer.cost).toBeCloseTo(20, 1);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    // Once the cost is known, a cycle lasts at least cost / share = 80 ms.
    expect(Math.min(...gaps.slice(10))).toBeGreaterThanOrEqual(79);
    expect(Math.max(...gaps)).toBeLessThan(100);
  });

  it('splits a drawing over two frames, runs the second stage after the first frame, and counts both', async () => {
    const v = virtualClock(16, 4);
    const pacer = new DrawPacer(v.clock, 0.5);
    const events: string[] = [];
    const began = v.time();
    v.advance(3); // first stage's script
    await v.run(
      pacer.drawn(began, () => {
        events.push(`second stage at ${v.time()}`);
        v.advance(2); // second stage's script
      }),
    );
    // Frame at 16 renders until 20; the second stage runs then, its frame is at 32.
    expect(events).toEqual(['second stage at 20']);
    expect(v.time()).toBe(32);
    await v.run(v.clock.sleep(10)); // the second frame's rendering is measured after it
    // 3 (script) + 4 (first frame) + 2 (second stage) + 4 (second frame).
    expect(pacer.cost).toBeCloseTo(13, 10);
  });
});
