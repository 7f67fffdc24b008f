/** Test helpers for the page's controllers: snapshots, a frame clock and a manual timer. */
import type { Snapshot } from '../../workers/trainer-api.ts';
import type { PacerClock } from '../../src/ui/draw-pacer.ts';

/** A snapshot of `epoch` whose curve chunk covers [from, epoch] (values = the epoch). */
export function snap(
  runId: number,
  epoch: number,
  from = epoch,
  over: Partial<Snapshot> = {},
): Snapshot {
  const span = Float64Array.from({ length: epoch - from + 1 }, (_, k) => from + k);
  return {
    runId,
    status: 'running',
    epoch,
    epochs: 400,
    w: Float64Array.of(1, -1),
    b: 0.5,
    meanLoss: 0.2,
    objective: 0.25,
    svCount: 10,
    accuracy: 0.9,
    sv: new Uint32Array(0),
    svIncluded: false,
    sampleSv: new Uint8Array(0),
    entered: 1,
    left: 2,
    churnCounted: true,
    curve: { from, meanLoss: span, objective: span, svCount: span, accuracy: span, ms: span },
    elapsedMs: 1,
    throughput: 1,
    ...over,
  };
}

/** Frames are immediate tasks: drawing takes no time, so tests never wait on real frames. */
export function immediateClock(): PacerClock {
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => performance.now(),
    frame: tick,
    afterFrame: tick,
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  };
}
