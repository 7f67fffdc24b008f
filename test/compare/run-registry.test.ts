import { afterEach, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  RUNS_CHANNEL,
  RunRegistry,
  type ChannelLike,
  type RegistryOptions,
  type RemoteRun,
} from '../../src/compare/run-registry.ts';
import type { RunRecord } from '../../src/compare/run-record.ts';
import { FakeClock } from './fake-clock.ts';
import { makeRecord } from './records.ts';

/** A channel that records what is posted and lets the test deliver messages. */
class RecordingChannel implements ChannelLike {
  readonly posted: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  postMessage(message: unknown): void {
    if (this.closed) throw new Error('closed');
    this.posted.push(structuredClone(message));
  }
  close(): void {
    this.closed = true;
  }
  deliver(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  types(): string[] {
    return this.posted.map((m) => (m as { type: string }).type);
  }
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** A registry over a recording channel and a fake clock. */
function isolated(options: RegistryOptions = {}) {
  const channel = new RecordingChannel();
  const clock = new FakeClock();
  const registry = new RunRegistry({
    tabId: 'me',
    clock,
    openChannel: () => channel,
    ...options,
  });
  cleanup.push(() => registry.close());
  return { registry, channel, clock };
}

const running = (epoch: number, extra: Partial<RunRecord> = {}) =>
  makeRecord({ status: 'running', epoch, ...extra });

describe('RunRegistry (one tab, recorded channel)', () => {
  it('says hello on start on the hinge-lab-runs channel', () => {
    let name = '';
    const channel = new RecordingChannel();
    const registry = new RunRegistry({
      tabId: 'me',
      clock: new FakeClock(),
      openChannel: (n) => ((name = n), channel),
    });
    expect(name).toBe(RUNS_CHANNEL);
    expect(channel.posted).toEqual([{ type: 'hello', from: 'me', v: PROTOCOL_VERSION }]);
    registry.close();
  });

  it('throttles announcements to one per 250 ms, the latest winning', () => {
    const { registry, channel, clock } = isolated();
    registry.announce(running(1));
    for (let e = 2; e <= 20; e++) {
      clock.advance(20);
      registry.announce(running(e));
    }
    // t = 380: sent at 0 and at 250 (epoch 13, the latest then); epoch 20 waits until 500.
    const epochs = () =>
      channel.posted.slice(1).map((m) => (m as { record: RunRecord }).record.epoch);
    expect(epochs()).toEqual([1, 13]);
    clock.advance(120);
    expect(epochs()).toEqual([1, 13, 20]);
    expect(channel.types()).toEqual(['hello', 'run', 'run', 'run']);
  });

  it('sends a status change at once', () => {
    const { registry, channel, clock } = isolated();
    registry.announce(running(10));
    clock.advance(10);
    registry.announce(running(11, { status: 'paused' }));
    clock.advance(10);
    registry.announce(running(12));
    const statuses = channel.posted.slice(1).map((m) => (m as { record: RunRecord }).record.status);
    expect(statuses).toEqual(['running', 'paused', 'running']);
  });

  it('resends the record as a heartbeat every second, only once it has a run', () => {
    const { registry, channel, clock } = isolated();
    clock.advance(5000);
    expect(channel.types()).toEqual(['hello']);
    registry.announce(makeRecord());
    clock.advance(3500);
    expect(channel.types()).toEqual(['hello', 'run', 'run', 'run', 'run']);
  });

  it('leaves svIndices out, copies the record, and refuses an invalid one', () => {
    const { registry, channel } = isolated();
    const record = makeRecord();
    registry.announce(record);
    const sent = (channel.posted[1] as { record: RunRecord }).record;
    expect(sent).not.toHaveProperty('svIndices');
    expect(record.svIndices).toEqual([3, 17, 42]);
    expect(() => registry.announce(makeRecord({ epoch: -1 }))).toThrow(
      'cannot announce the run: epoch must be an integer in [0, 9007199254740991], got -1',
    );
  });

  it('replies to hello with its run at once', () => {
    const { registry, channel } = isolated();
    channel.deliver({ type: 'hello', from: 'other', v: PROTOCOL_VERSION });
    expect(channel.types()).toEqual(['hello']);
    registry.announce(makeRecord());
    channel.deliver({ type: 'hello', from: 'other', v: PROTOCOL_VERSION });
    expect(channel.types()).toEqual(['hello', 'run', 'run']);
  });

  it('lists other tabs by createdAt then tab id; expires them after 4 s of silence', () => {
    const { registry, channel, clock } = isolated();
    const seen: (readonly RemoteRun[])[] = [];
    registry.subscribe((runs) => seen.push(runs));
    const run = (from: string, createdAt: number) => ({
      type: 'run',
      from,
      v: PROTOCOL_VERSION,
      record: makeRecord({ id: from, createdAt }),
    });
    channel.deliver(run('c', 5));
    channel.deliver(run('b', 9));
    channel.deliver(run('a', 5));
    expect(registry.list().map((r) => r.tabId)).toEqual(['a', 'c', 'b']);
    expect(seen.map((l) => l.length)).toEqual([0, 1, 2, 3]);
    clock.advance(2000);
    channel.deliver(run('b', 9)); // b's heartbeat
    clock.advance(1999);
    expect(registry.list().map((r) => r.tabId)).toEqual(['a', 'c', 'b']);
    clock.advance(1);
    expect(registry.list().map((r) => r.tabId)).toEqual(['b']);
    expect(registry.list()[0]!.lastSeen).toBe(2000);
    clock.advance(2000);
    expect(registry.list()).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('gives a hidden tab 70 s (Chrome may run its timers once a minute), and says when it is', () => {
    let hidden = true;
    const { registry, channel, clock } = isolated({ isHidden: () => hidden });
    registry.announce(makeRecord());
    hidden = false;
    clock.advance(1000);
    const flags = channel.posted.slice(1).map((m) => (m as { hidden: boolean }).hidden);
    expect(flags).toEqual([true, false]);

    const run = (h: boolean) => ({ type: 'run', from: 'x', v: 1, record: makeRecord(), hidden: h });
    channel.deliver(run(true));
    expect(registry.list()[0]).toMatchObject({ tabId: 'x', hidden: true, lastSeen: 1000 });
    clock.advance(69_999);
    expect(registry.list()).toHaveLength(1);
    channel.deliver(run(false)); // back in front: the short timeout again
    clock.advance(3999);
    expect(registry.list()[0]!.hidden).toBe(false);
    clock.advance(1);
    expect(registry.list()).toEqual([]);
  });

  it('drops a tab that says bye', () => {
    const { registry, channel } = isolated();
    const record = makeRecord();
    channel.deliver({ type: 'run', from: 'x', v: PROTOCOL_VERSION, record });
    expect(registry.list()).toHaveLength(1);
    channel.deliver({ type: 'bye', from: 'x', v: PROTOCOL_VERSION });
    expect(registry.list()).toEqual([]);
  });

  it('ignores its own, foreign and malformed messages without throwing', () => {
    const reasons: string[] = [];
    const { registry, channel } = isolated({ onIgnored: (r) => reasons.push(r) });
    const record = makeRecord();
    const garbage: unknown[] = [
      null,
      'run',
      42,
      [],
      { type: 'run', from: 'me', v: PROTOCOL_VERSION, record },
      { type: 'run', from: 'x', v: 2, record },
      { type: 'run', from: '', v: PROTOCOL_VERSION, record },
      { type: 'run', from: 'x', v: PROTOCOL_VERSION, record: { ...record, hp: null } },
      // A structured clone carries NaN (JSON could not): the record check refuses it.
      { type: 'run', from: 'x', v: PROTOCOL_VERSION, record: { ...record, w: [NaN, 1] } },
      { type: 'run', from: 'x', v: PROTOCOL_VERSION },
      { type: 'shout', from: 'x', v: PROTOCOL_VERSION },
    ];
    for (const data of garbage) expect(() => channel.deliver(data)).not.toThrow();
    expect(registry.list()).toEqual([]);
    expect(reasons).toEqual([
      'not a message: null',
      'not a message: "run"',
      'not a message: 42',
      'protocol version nothing, not 1',
      'a message from this tab',
      'protocol version 2, not 1',
      'a message without a valid sender: ""',
      'an invalid run: hp must be an object, got null',
      'an invalid run: w[0] must be a finite number, got NaN',
      'an invalid run: the run must be an object, got nothing',
      'unknown message type "shout"',
    ]);
  });

  it('close says bye, stops every timer, closes the channel and goes quiet', () => {
    const { registry, channel, clock } = isolated();
    const seen: number[] = [];
    registry.subscribe((runs) => seen.push(runs.length));
    registry.announce(makeRecord());
    channel.deliver({ type: 'run', from: 'x', v: PROTOCOL_VERSION, record: makeRecord() });
    registry.close();
    registry.close();
    expect(channel.types()).toEqual(['hello', 'run', 'bye']);
    expect(channel.closed).toBe(true);
    expect(clock.pending).toBe(0);
    registry.announce(makeRecord());
    channel.deliver({ type: 'run', from: 'y', v: PROTOCOL_VERSION, record: makeRecord() });
    expect(registry.list()).toEqual([]);
    expect(seen).toEqual([0, 1]);
  });
});

/**
 * The channels of one origin, delivering synchronously: a message posted on one reaches every
 * other open one at once (never its sender), as a structured clone, as BroadcastChannel would.
 */
class SyncHub {
  private readonly open = new Set<ChannelLike>();
  channel = (): ChannelLike => {
    const hub = this.open;
    const channel: ChannelLike = {
      onmessage: null,
      postMessage(message) {
        for (const other of hub) {
          if (other !== channel)
            other.onmessage?.(new MessageEvent('message', { data: structuredClone(message) }));
        }
      },
      close: () => void hub.delete(channel),
    };
    hub.add(channel);
    return channel;
  };
}

describe('RunRegistry (tabs on one fake clock, synchronous channels)', () => {
  it('a closed tab leaves the other tabs at once, long before it would expire', () => {
    const clock = new FakeClock();
    const hub = new SyncHub();
    const a = new RunRegistry({ tabId: 'A', clock, openChannel: hub.channel });
    const b = new RunRegistry({ tabId: 'B', clock, openChannel: hub.channel });
    cleanup.push(() => a.close());
    const seen: string[][] = [];
    a.subscribe((runs) => seen.push(runs.map((r) => r.tabId)));
    b.announce(makeRecord({ id: 'rb' }));
    expect(a.list().map((r) => r.tabId)).toEqual(['B']);
    clock.advance(100);
    b.close(); // what the page does on pagehide
    // No time has passed: only B's bye can have removed it (expiry would take 4 s).
    expect(clock.now()).toBe(100);
    expect(a.list()).toEqual([]);
    expect(seen).toEqual([[], ['B'], []]);
    expect(clock.pending).toBe(0);
  });
});

describe('RunRegistry (tabs on a real BroadcastChannel)', () => {
  let channels = 0;

  /** A registry on this test's own channel name (Node's BroadcastChannel is process-wide). */
  function tab(id: string, clock = new FakeClock()) {
    const name = `hinge-lab-runs-test-${process.pid}-${channels}`;
    const registry = new RunRegistry({
      tabId: id,
      clock,
      openChannel: () => new BroadcastChannel(name),
    });
    cleanup.push(() => registry.close());
    return { registry, clock };
  }

  afterEach(() => void channels++);

  /** Waits (real time) until the check holds: BroadcastChannel delivers asynchronously. */
  async function until(check: () => boolean): Promise<void> {
    for (let waited = 0; !check(); waited += 5) {
      if (waited > 2000) throw new Error('timed out waiting for messages');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  const ids = (r: RunRegistry) => r.list().map((run) => run.tabId);

  it('two tabs see each other’s runs update live, and not their own', async () => {
    const a = tab('A');
    const b = tab('B');
    a.registry.announce(makeRecord({ id: 'ra', createdAt: 1 }));
    b.registry.announce(makeRecord({ id: 'rb', createdAt: 2, status: 'running', epoch: 5 }));
    await until(() => ids(a.registry).length === 1 && ids(b.registry).length === 1);
    expect(ids(a.registry)).toEqual(['B']);
    expect(ids(b.registry)).toEqual(['A']);
    b.registry.announce(makeRecord({ id: 'rb', createdAt: 2, status: 'done', epoch: 400 }));
    await until(() => a.registry.list()[0]?.record.status === 'done');
    expect(a.registry.list()[0]!.record.epoch).toBe(400);
  });

  it('a third tab learns the open runs from its hello', async () => {
    const a = tab('A');
    const b = tab('B');
    a.registry.announce(makeRecord({ id: 'ra', createdAt: 1 }));
    b.registry.announce(makeRecord({ id: 'rb', createdAt: 2 }));
    await until(() => ids(a.registry).length === 1 && ids(b.registry).length === 1);
    const c = tab('C');
    await until(() => ids(c.registry).length === 2);
    expect(ids(c.registry)).toEqual(['A', 'B']);
    expect(c.registry.list().map((r) => r.record.id)).toEqual(['ra', 'rb']);
  });

  it('a closed tab leaves at once; a silent one after 4 s; heartbeats keep the rest', async () => {
    const a = tab('A');
    const b = tab('B', a.clock);
    const c = tab('C', new FakeClock()); // its own clock: it never beats while A's time runs
    const d = tab('D');
    b.registry.announce(makeRecord({ id: 'rb', createdAt: 2 }));
    c.registry.announce(makeRecord({ id: 'rc', createdAt: 3 }));
    d.registry.announce(makeRecord({ id: 'rd', createdAt: 4 }));
    await until(() => ids(a.registry).length === 3);
    d.registry.close();
    await until(() => ids(a.registry).length === 2);
    expect(ids(a.registry)).toEqual(['B', 'C']);
    for (let t = 0; t < 8; t++) {
      a.clock.advance(500); // B beats every second on the shared clock; C stays silent
      const beats = b.clock.now() % 1000 === 0;
      if (beats) await until(() => a.registry.list()[0]?.lastSeen === a.clock.now());
    }
    expect(ids(a.registry)).toEqual(['B']);
  });
});
