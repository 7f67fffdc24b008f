import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunEvents } from '../../src/app/run-events.ts';
import type { UiStatus } from '../../src/app/run-events.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import {
  REFRESH_MS,
  RunPublisher,
  type RunSource,
} from '../../src/compare/run-publisher.svelte.ts';
import { inconsistency } from '../../src/compare/run-record-check.ts';
import { RunRegistry, type ChannelLike } from '../../src/compare/run-registry.ts';
import { TabRun } from '../../src/compare/tab-run.ts';
import { CurveStore } from '../../src/ui/curve-store.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { snap } from '../app/fakes.ts';

/** A page as the publisher sees it: events, the latest snapshot and the curves. */
function page(env: { target?: EventTarget; registry?: () => RunRegistry } = {}) {
  const events = new RunEvents();
  const curves = new CurveStore();
  const state = { status: 'idle' as UiStatus, latest: null as Snapshot | null };
  const source: RunSource = {
    on: (l) => events.on(l),
    get status() {
      return state.status;
    },
    get latestSnapshot() {
      return state.latest;
    },
    curves,
    datasetRecipe: DEFAULT_RECIPE,
    generating: false,
    formHp: DEFAULT_HYPERPARAMETERS,
  };
  let ids = 0;
  const tabRun = new TabRun(null, { newId: () => `run-${++ids}` });
  const publisher = new RunPublisher(source, tabRun, () => 'label', env.target, env.registry);
  events.on((e) => publisher.onEvent(e));
  /** The page takes a snapshot and says so. */
  const take = (s: Snapshot) => {
    curves.addChunk(s.curve);
    state.latest = s;
    events.emit({ type: 'snapshot', snapshot: s });
  };
  const status = (s: UiStatus) => {
    state.status = s;
    events.emit({ type: 'status', status: s });
  };
  return { events, publisher, take, status, tabRun };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('RunPublisher', () => {
  it('rebuilds at once on a status change and at most every REFRESH_MS on snapshots', () => {
    const p = page();
    p.take(snap(1, 0, 0));
    p.status('training');
    expect(p.publisher.local?.epoch).toBe(0);
    expect(p.publisher.local?.status).toBe('running');
    p.take(snap(1, 3, 1));
    p.take(snap(1, 6, 4));
    expect(p.publisher.local?.epoch).toBe(0); // not yet: throttled
    vi.advanceTimersByTime(REFRESH_MS);
    expect(p.publisher.local?.epoch).toBe(6);
    p.take(snap(1, 9, 7));
    vi.advanceTimersByTime(REFRESH_MS);
    expect(p.publisher.local?.epoch).toBe(9);
  });

  it('takes a fresh id when Train starts after epochs were reached, not before', () => {
    const p = page();
    const first = p.tabRun.id;
    p.events.emit({
      type: 'started',
      hp: DEFAULT_HYPERPARAMETERS,
      recipe: DEFAULT_RECIPE,
      fresh: true,
    });
    expect(p.tabRun.id).toBe(first); // nothing reached yet
    p.take(snap(1, 0, 0));
    p.take(snap(1, 5, 1));
    p.status('done');
    expect(p.publisher.local?.id).toBe(first);
    p.events.emit({
      type: 'started',
      hp: DEFAULT_HYPERPARAMETERS,
      recipe: DEFAULT_RECIPE,
      fresh: true,
    });
    expect(p.tabRun.id).not.toBe(first);
    // A resume from the weights on screen is the same run.
    const second = p.tabRun.id;
    p.take(snap(2, 0, 0));
    p.status('training');
    p.events.emit({
      type: 'started',
      hp: DEFAULT_HYPERPARAMETERS,
      recipe: DEFAULT_RECIPE,
      fresh: false,
    });
    expect(p.tabRun.id).toBe(second);
  });

  it('records the settings the run started with, not the form edited since', () => {
    const p = page();
    const hp = { ...DEFAULT_HYPERPARAMETERS, lr: 0.5 };
    p.events.emit({ type: 'started', hp, recipe: DEFAULT_RECIPE, fresh: true });
    p.take(snap(1, 0, 0));
    p.status('training');
    expect(p.publisher.local?.hp.lr).toBe(0.5);
    p.status('idle'); // a reset: the form's settings again
    expect(p.publisher.local?.hp.lr).toBe(DEFAULT_HYPERPARAMETERS.lr);
  });
});

describe('RunPublisher records a run as an import would accept it', () => {
  it('never claims fewer epochs than it took (a step past the setting)', () => {
    const p = page();
    const hp = { ...DEFAULT_HYPERPARAMETERS, epochs: 5 };
    p.events.emit({ type: 'started', hp, recipe: DEFAULT_RECIPE, fresh: true });
    p.take(snap(1, 0, 0));
    p.take(snap(1, 6, 1, { epochs: 5, status: 'paused', meanLoss: 6 }));
    p.status('paused');
    const local = p.publisher.local!;
    expect(local.epoch).toBe(6);
    expect(local.hp.epochs).toBe(6);
    expect(inconsistency(local)).toBeNull();
  });

  it('publishes the training time of each kept epoch (s), so other tabs can race in time', () => {
    const p = page();
    p.take(snap(1, 0, 0)); // the fake chunks' ms equal their epochs
    p.take(snap(1, 9, 1, { status: 'done' }));
    p.status('done');
    const c = p.publisher.local!.curves;
    expect(c.epochs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.seconds).toEqual(c.epochs.map((t) => t / 1000));
  });
});

describe('RunPublisher and the other tabs', () => {
  it('says bye (once) as the page goes, so the other tabs drop its row at once', () => {
    const posted: string[] = [];
    const channel: ChannelLike = {
      postMessage: (m) => posted.push((m as { type: string }).type),
      close: () => undefined,
      onmessage: null,
    };
    const target = new EventTarget();
    const p = page({ target, registry: () => new RunRegistry({ openChannel: () => channel }) });
    const stop = p.publisher.start();
    p.take(snap(1, 0, 0));
    p.status('training');
    expect(posted).toContain('run');
    expect(posted).not.toContain('bye');
    target.dispatchEvent(new Event('beforeunload'));
    expect(posted.at(-1)).toBe('bye');
    target.dispatchEvent(new Event('pagehide')); // said once
    expect(posted.filter((t) => t === 'bye').length).toBe(1);
    stop();
  });
});
