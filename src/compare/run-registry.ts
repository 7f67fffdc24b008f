/**
 * The live list of runs open in the other tabs of this origin, over a BroadcastChannel.
 *
 * Protocol (every message: { type, from: the sender's tab id, v: PROTOCOL_VERSION }):
 * - 'hello' when a registry starts: every tab that has a run replies with it at once;
 * - 'run' carrying the tab's record (never its svIndices): on announce (at most one per
 *   minIntervalMs, the latest record wins; at once when the status changes), in reply to a
 *   hello, and as a heartbeat after heartbeatMs without one — the heartbeat resends the record,
 *   so a tab that missed a message still catches up;
 * - 'bye' on close() (the page calls it from pagehide).
 * A tab silent for expireMs (crashed, or frozen by the browser) leaves the list. A 'run' message
 * also says whether its tab is hidden: Chrome runs the timers of a tab hidden for 5 minutes only
 * once a minute, so a hidden tab's heartbeat may be a minute apart, and such a tab is given
 * hiddenExpireMs instead. Messages from this tab's id, of another protocol version or of the
 * wrong shape are ignored, never thrown on.
 */
import { checkRunRecord, MAX_ID_LENGTH, shown } from './run-record-check.ts';
import { newRunId, type RunRecord, type RunStatus } from './run-record.ts';

export const RUNS_CHANNEL = 'hinge-lab-runs';
export const PROTOCOL_VERSION = 1;
/**
 * The default silence after which another tab's run leaves the list, ms. A closed tab leaves at
 * once (its bye); a test that a tab said bye must wait less than this.
 */
export const EXPIRE_MS = 4000;

/** What the registry needs of a BroadcastChannel (so tests can pass a fake). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Time and timers (so tests can drive them). */
export interface RegistryClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RegistryOptions {
  /** This tab's id (default: a fresh random one). */
  tabId?: string;
  openChannel?: (name: string) => ChannelLike;
  clock?: RegistryClock;
  /** Least time between two announcements of the same status (default 250: 4 per second). */
  minIntervalMs?: number;
  /** Longest silence while this tab has a run (default 1000). */
  heartbeatMs?: number;
  /** Silence after which another tab's run leaves the list (default EXPIRE_MS). */
  expireMs?: number;
  /** The same for a tab that said it was hidden (default 70 000: over a minute). */
  hiddenExpireMs?: number;
  /** Whether this tab is hidden (default: document.visibilityState, where there is a document). */
  isHidden?: () => boolean;
  /** Told why a message was ignored (for debugging; foreign messages are expected). */
  onIgnored?: (reason: string) => void;
}

/** A run open in another tab. */
export interface RemoteRun {
  tabId: string;
  /** Its latest record (never with svIndices: announcements leave them out). */
  record: RunRecord;
  /** When its last message arrived, on this registry's clock. */
  lastSeen: number;
  /** Whether the tab was hidden (in the background) when it sent that message. */
  hidden: boolean;
}

type Message =
  | { type: 'hello'; from: string; v: number }
  | { type: 'bye'; from: string; v: number }
  | { type: 'run'; from: string; v: number; record: RunRecord; hidden: boolean };

const defaultClock: RegistryClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RunRegistry {
  readonly tabId: string;
  private readonly channel: ChannelLike;
  private readonly clock: RegistryClock;
  private readonly minIntervalMs: number;
  private readonly heartbeatMs: number;
  private readonly expireMs: number;
  private readonly hiddenExpireMs: number;
  private readonly isHidden: () => boolean;
  private readonly onIgnored: (reason: string) => void;
  /** The other tabs' runs by tab id, each with the time it expires at. */
  private readonly runs = new Map<string, { run: RemoteRun; deadline: number }>();
  private readonly listeners = new Set<(runs: readonly RemoteRun[]) => void>();
  private sorted: readonly RemoteRun[] = [];
  private latest: RunRecord | null = null;
  private lastSent: { at: number; status: RunStatus } | null = null;
  private throttleTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private expiryTimer: unknown = null;
  private closed = false;

  /** Opens the channel and says hello (other tabs reply with their runs). */
  constructor(options: RegistryOptions = {}) {
    this.tabId = options.tabId ?? newRunId();
    this.clock = options.clock ?? defaultClock;
    this.minIntervalMs = options.minIntervalMs ?? 250;
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    this.expireMs = options.expireMs ?? EXPIRE_MS;
    this.hiddenExpireMs = options.hiddenExpireMs ?? 70_000;
    this.isHidden =
      options.isHidden ??
      (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
    this.onIgnored = options.onIgnored ?? (() => undefined);
    const open = options.openChannel ?? ((name: string) => new BroadcastChannel(name));
    this.channel = open(RUNS_CHANNEL);
    this.channel.onmessage = (event) => this.receive(event.data);
    this.post({ type: 'hello', from: this.tabId, v: PROTOCOL_VERSION });
  }

  /**
   * Makes `record` this tab's run for the other tabs. Sent at once when its status differs from
   * the last one sent (or nothing was sent yet), else at most once per minIntervalMs with the
   * latest record. svIndices are left out. Throws a RangeError for an invalid record (a bug in
   * the caller); does nothing after close().
   */
  announce(record: RunRecord): void {
    if (this.closed) return;
    const rest = { ...record };
    delete rest.svIndices;
    const check = checkRunRecord(rest);
    if (!check.ok) throw new RangeError(`cannot announce the run: ${check.error}`);
    this.latest = check.record;
    const last = this.lastSent;
    const due = last ? last.at + this.minIntervalMs : -Infinity;
    if (!last || last.status !== record.status || this.clock.now() >= due) this.send();
    else if (this.throttleTimer === null) {
      this.throttleTimer = this.clock.setTimeout(() => this.send(), due - this.clock.now());
    }
  }

  /** The other tabs' runs, oldest first (by createdAt, then tab id). */
  list(): readonly RemoteRun[] {
    return this.sorted;
  }

  /** Calls `listener` now and after every change with the list; returns an unsubscribe. */
  subscribe(listener: (runs: readonly RemoteRun[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.sorted);
    return () => void this.listeners.delete(listener);
  }

  /** Says bye, stops the timers and closes the channel. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.post({ type: 'bye', from: this.tabId, v: PROTOCOL_VERSION });
    this.closed = true;
    for (const t of [this.throttleTimer, this.heartbeatTimer, this.expiryTimer]) {
      if (t !== null) this.clock.clearTimeout(t);
    }
    this.channel.onmessage = null;
    this.channel.close();
    this.listeners.clear();
    this.runs.clear();
    this.sorted = [];
  }

  private post(message: Message): void {
    try {
      this.channel.postMessage(message);
    } catch {
      // A closed channel (the page is being torn down): nothing to tell anyone.
    }
  }

  /** Sends the latest record now and restarts the heartbeat. */
  private send(): void {
    if (this.closed || !this.latest) return;
    if (this.throttleTimer !== null) this.clock.clearTimeout(this.throttleTimer);
    this.throttleTimer = null;
    const record = this.latest;
    const hidden = this.isHidden();
    this.post({ type: 'run', from: this.tabId, v: PROTOCOL_VERSION, record, hidden });
    this.lastSent = { at: this.clock.now(), status: record.status };
    if (this.heartbeatTimer !== null) this.clock.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = this.clock.setTimeout(() => this.send(), this.heartbeatMs);
  }

  private receive(data: unknown): void {
    if (this.closed) return;
    const message = parseMessage(data);
    if (typeof message === 'string') return this.onIgnored(message);
    if (message.from === this.tabId) return this.onIgnored('a message from this tab');
    if (message.type === 'hello') return this.send();
    if (message.type === 'bye') {
      if (this.runs.delete(message.from)) this.changed();
      return;
    }
    const { from: tabId, record, hidden } = message;
    const lastSeen = this.clock.now();
    const deadline = lastSeen + (hidden ? this.hiddenExpireMs : this.expireMs);
    this.runs.set(tabId, { run: { tabId, record, lastSeen, hidden }, deadline });
    this.changed();
  }

  /** Re-sorts, re-arms the expiry timer (first: a throwing listener must not skip it), tells. */
  private changed(): void {
    this.sorted = Array.from(this.runs.values(), (entry) => entry.run).sort(
      (a, b) =>
        a.record.createdAt - b.record.createdAt ||
        (a.tabId < b.tabId ? -1 : a.tabId > b.tabId ? 1 : 0),
    );
    this.armExpiry();
    for (const listener of this.listeners) listener(this.sorted);
  }

  /** One timer, for the entry that expires first. */
  private armExpiry(): void {
    if (this.expiryTimer !== null) this.clock.clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    if (this.runs.size === 0) return;
    let first = Infinity;
    for (const { deadline } of this.runs.values()) first = Math.min(first, deadline);
    const wait = Math.max(0, first - this.clock.now());
    this.expiryTimer = this.clock.setTimeout(() => this.expire(), wait);
  }

  private expire(): void {
    this.expiryTimer = null;
    const now = this.clock.now();
    const before = this.runs.size;
    for (const [tabId, { deadline }] of this.runs) {
      if (now >= deadline) this.runs.delete(tabId);
    }
    if (this.runs.size < before) this.changed();
    else this.armExpiry(); // a timer that fired early: wait again
  }
}

/** The message, or why it is not one of ours. */
function parseMessage(data: unknown): Message | string {
  if (typeof data !== 'object' || data === null) return `not a message: ${shown(data)}`;
  const { type, from, v, record, hidden } = data as Record<string, unknown>;
  if (v !== PROTOCOL_VERSION) return `protocol version ${shown(v)}, not ${PROTOCOL_VERSION}`;
  if (typeof from !== 'string' || from.length < 1 || from.length > MAX_ID_LENGTH) {
    return `a message without a valid sender: ${shown(from)}`;
  }
  if (type === 'hello' || type === 'bye') return { type, from, v };
  if (type !== 'run') return `unknown message type ${shown(type)}`;
  const check = checkRunRecord(record);
  if (!check.ok) return `an invalid run: ${check.error}`;
  return { type, from, v, record: check.record, hidden: hidden === true };
}
