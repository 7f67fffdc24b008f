import { describe, expect, it } from 'vitest';
import { CommandQueue } from '../../src/app/command-queue.ts';
import type { Decision } from '../../src/app/run-machine.ts';

/** A queue whose commands log their start and end around an await. */
function logged(decide: (a: string) => Decision = () => ({ kind: 'run' })) {
  const log: string[] = [];
  const refused: string[] = [];
  const q = new CommandQueue<string>({
    decide,
    perform: async (a) => {
      log.push(`${a}:start`);
      await new Promise((r) => setTimeout(r, 1));
      log.push(`${a}:end`);
    },
    refused: (reason) => refused.push(reason),
  });
  const idle = async () => {
    while (q.busy) await new Promise((r) => setTimeout(r, 1));
  };
  return { q, log, refused, idle };
}

describe('CommandQueue', () => {
  it('runs commands pushed in one task one after the other, never interleaved', async () => {
    const { q, log, idle } = logged();
    q.push({ action: 'pause' });
    q.push({ action: 'reset' });
    q.push({ action: 'step' });
    await idle();
    expect(log).toEqual([
      'pause:start',
      'pause:end',
      'reset:start',
      'reset:end',
      'step:start',
      'step:end',
    ]);
  });

  it('keeps a waiting command at the head until pumped again, and reports refusals', async () => {
    let wait = true;
    const { q, log, refused, idle } = logged((a) =>
      a === 'no'
        ? { kind: 'refuse', reason: 'no: never.' }
        : wait
          ? { kind: 'wait' }
          : { kind: 'run' },
    );
    q.push({ action: 'no' });
    q.push({ action: 'later' });
    await idle();
    expect(refused).toEqual(['no: never.']);
    expect(log).toEqual([]);
    expect(q.length).toBe(1);
    wait = false;
    await q.pump();
    expect(log).toEqual(['later:start', 'later:end']);
    await idle();
  });

  it('runs an internal command first, and clear() drops what waits', async () => {
    const { q, log, idle } = logged(() => ({ kind: 'wait' }));
    q.push({ action: 'a' });
    q.pushFirst({ internal: async () => void log.push('recover') });
    await idle();
    expect(log).toEqual(['recover']);
    q.clear();
    expect(q.length).toBe(0);
  });
});
