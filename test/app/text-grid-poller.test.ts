import { describe, expect, it } from 'vitest';
import { GRID_INTERVAL_MS, TextGridPoller } from '../../src/app/text-grid-poller.svelte.ts';
import { FakeClock } from '../compare/fake-clock.ts';

/** A worker whose textGrid answers when the test says so. */
function source() {
  const calls: ((g: string) => void)[] = [];
  return {
    calls,
    textGrid: () => new Promise<string>((resolve) => calls.push(resolve)),
  };
}
const flush = () => new Promise((r) => setImmediate(r));

describe('TextGridPoller', () => {
  it('asks at once when not training, and merges requests made while one is out', async () => {
    const clock = new FakeClock();
    const src = source();
    const p = new TextGridPoller(src, clock);
    p.refresh(true, false);
    clock.advance(0);
    p.refresh(true, false);
    p.refresh(true, false);
    expect(src.calls.length).toBe(1);
    src.calls[0]!('grid A');
    await flush();
    expect(p.grid).toBe('grid A');
    clock.advance(0);
    expect(src.calls.length).toBe(2); // the merged follow-up, once
  });

  it('while training, waits GRID_INTERVAL_MS after the last answer', async () => {
    const clock = new FakeClock();
    const src = source();
    const p = new TextGridPoller(src, clock);
    p.refresh(true, true);
    clock.advance(0); // the first grid: nothing answered before
    src.calls[0]!('a');
    await flush();
    p.refresh(true, true);
    clock.advance(GRID_INTERVAL_MS - 1);
    expect(src.calls.length).toBe(1);
    clock.advance(1);
    expect(src.calls.length).toBe(2);
  });

  it('never shows a grid of the old data after clear(), and no grid without d = 2', async () => {
    const clock = new FakeClock();
    const src = source();
    const p = new TextGridPoller(src, clock);
    p.refresh(true, false);
    clock.advance(0);
    p.clear();
    src.calls[0]!('old data');
    await flush();
    expect(p.grid).toBe('');
    p.refresh(false, false);
    expect(p.grid).toBe('');
  });
});
