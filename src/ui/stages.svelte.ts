/**
 * Draws something new in stages, one frame apart: for each new key (a dataset's summary) the
 * stage goes 1, 2, …, last, each in a task after the frame that showed the one before. A
 * component gates its heavy parts on reached(key, k), so the first drawing of new data is spread
 * over several frames (each task and each frame well under Chromium's 50 ms long-task mark, even
 * with the worker busy on the other core), not crammed into one. Stage 0 is the task in which the
 * key changed: nothing gated is drawn yet.
 */
import { afterNextFrame } from './next-frame.ts';

export class Stages<K> {
  private current: { key: K | null; stage: number } = $state.raw({ key: null, stage: 0 });

  constructor(
    key: () => K,
    private readonly last: number,
  ) {
    $effect(() => {
      const next = key();
      let live = true;
      void (async () => {
        for (let stage = 1; stage <= this.last; stage++) {
          await afterNextFrame(); // the frame that drew the previous stage
          if (!live) return;
          this.current = { key: next, stage };
        }
      })();
      return () => {
        live = false;
      };
    });
  }

  /** Whether the drawing of `key` has reached stage k (false while another key is staged). */
  reached(key: K, k: number): boolean {
    return this.current.key === key && this.current.stage >= k;
  }
}
