/**
 * Paces drawing while training: after a snapshot is drawn, the page's acknowledgement (the
 * worker's cue to send the next snapshot) waits for the frame that shows it, and then long enough
 * that drawing takes at most `share` of the main thread. A cheap page acknowledges every frame; a
 * heavy one (millions of points, software rendering) fewer, and stays responsive.
 */
import { nextFrame } from './next-frame.ts';

export interface PacerClock {
  now(): number;
  /** Resolves in the next animation frame's callbacks (before that frame's rendering). */
  frame(): Promise<void>;
  /** Resolves in a task queued from the frame callback: after that frame's style, layout, paint. */
  afterFrame(): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export class DrawPacer {
  /** Smoothed main-thread milliseconds one drawn snapshot costs (script + rendering). */
  cost = 0;
  /** Largest share of the main thread drawing may take, in (0, 1]. */
  share: number;

  constructor(
    private readonly clock: PacerClock,
    share = 0.5,
  ) {
    this.share = share;
  }

  /**
   * A snapshot's script ran from `began` until now; resolves when the next one may come: in the
   * frame that draws it, and no sooner than began + cost / share. The frame's rendering time is
   * measured after it, without holding the acknowledgement back.
   *
   * With `secondStage`, the drawing is split in two frames: once the first frame has rendered,
   * `secondStage` runs (in a task of its own) and the second frame draws what it changed. Each
   * frame then carries about half the work, so neither task is long on a busy machine; the cost
   * is both stages' script and rendering.
   */
  async drawn(began: number, secondStage?: () => void): Promise<void> {
    const { clock } = this;
    let cost = clock.now() - began;
    await clock.frame();
    let frameStart = clock.now();
    if (secondStage) {
      await clock.afterFrame();
      secondStage();
      // The first frame's rendering and the second stage's script.
      cost += clock.now() - frameStart;
      await clock.frame();
      frameStart = clock.now();
    }
    void clock.afterFrame().then(() => this.record(cost + clock.now() - frameStart));
    const wait = began + this.cost / this.share - clock.now();
    if (wait > 1) await clock.sleep(wait);
  }

  private record(ms: number): void {
    this.cost = this.cost > 0 ? 0.75 * this.cost + 0.25 * ms : ms;
  }
}

/**
 * The page's clock: requestAnimationFrame (or a timeout, should the tab be hidden meanwhile), a
 * MessageChannel task, setTimeout.
 */
export function browserClock(): PacerClock {
  const channel = new MessageChannel();
  const queued: (() => void)[] = [];
  channel.port1.onmessage = () => queued.shift()?.();
  return {
    now: () => performance.now(),
    frame: () => nextFrame(),
    afterFrame: () =>
      new Promise<void>((resolve) => {
        queued.push(resolve);
        channel.port2.postMessage(0);
      }),
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  };
}
