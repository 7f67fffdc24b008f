/**
 * Where a run loop parks between bursts of work: until a call wakes it (pause, resume, step,
 * cancel), or, for a slow pace, until a timer runs out, whichever comes first.
 */
export class LoopWaker {
  private wake: (() => void) | null = null;

  /** @param sleep resolves after about ms milliseconds (setTimeout; a fake clock in tests). */
  constructor(
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Parks until woken, or until ms have passed when ms is given. */
  park(ms?: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      if (ms !== undefined) void this.sleep(ms).then(resolve);
    });
  }

  wakeUp(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
