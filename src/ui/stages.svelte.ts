/**
 * Draws something new in stages, one task apart: for each new key (a dataset's summary) the
 * stage goes 1, 2, …, last, each after a setTimeout. A component gates its heavy parts on
 * reached(key, k), so the first drawing of new data is spread over several tasks (each well under
 * Chromium's 50 ms long-task mark, even with the worker busy on the other core), not one.
 * Stage 0 is the task in which the key changed: nothing gated is drawn yet.
 */
export class Stages<K> {
  private current: { key: K | null; stage: number } = $state.raw({ key: null, stage: 0 });

  constructor(
    key: () => K,
    private readonly last: number,
  ) {
    $effect(() => {
      const next = key();
      let stage = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const advance = () => {
        stage++;
        this.current = { key: next, stage };
        if (stage < this.last) timer = setTimeout(advance);
      };
      timer = setTimeout(advance);
      return () => clearTimeout(timer);
    });
  }

  /** Whether the drawing of `key` has reached stage k (false while another key is staged). */
  reached(key: K, k: number): boolean {
    return this.current.key === key && this.current.stage >= k;
  }
}
