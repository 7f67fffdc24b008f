/** A liveness clock that moves only when told: advance(ms) runs the due ticks in order. */
import type { LivenessClock } from '../../src/worker-liveness.ts';

export interface ManualClock extends LivenessClock {
  advance(ms: number): void;
  /** The timers stall for `ms` (a hidden tab, a long task), then one late tick runs. */
  stall(ms: number): void;
}

export function manualClock(): ManualClock {
  let t = 0;
  let next = Infinity;
  let period = 0;
  let tick: (() => void) | null = null;
  return {
    now: () => t,
    every(ms, f) {
      tick = f;
      period = ms;
      next = t + ms;
      return () => {
        if (tick === f) tick = null;
      };
    },
    advance(ms) {
      const end = t + ms;
      while (tick && next <= end) {
        t = next;
        next += period;
        tick();
      }
      t = end;
    },
    stall(ms) {
      t += ms;
      next = t + period;
      tick?.();
    },
  };
}
