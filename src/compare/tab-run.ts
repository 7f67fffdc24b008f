/**
 * This tab's run identity: its id, when it was made, how far a run got under it, and the label
 * the user gave it (null: the default label). Kept in sessionStorage, so a reload keeps the id;
 * a duplicate tab (opened with DUPLICATE_PARAM) or a new Train after epochs were taken under the
 * id gets a fresh one.
 */
import { checkLabel } from './run-label.ts';
import { newRunId } from './run-record.ts';

export const TAB_RUN_KEY = 'hinge-lab-run';
/** The query parameter that marks a tab opened by "Duplicate in new tab". */
export const DUPLICATE_PARAM = 'duplicate';

/** What sessionStorage offers that we use (so tests can pass a Map-backed fake). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Stored {
  id: string;
  createdAt: number;
  /** The highest epoch a run reached under this id (0: none trained yet). */
  reached: number;
  /** The user's label, or null for the default one. */
  label: string | null;
}

/** The stored identity, or null when there is none or it does not read. */
function load(storage: StorageLike | null): Stored | null {
  let value: unknown;
  try {
    value = JSON.parse(storage?.getItem(TAB_RUN_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, createdAt, reached, label } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id.length < 1 || id.length > 200) return null;
  if (typeof createdAt !== 'number' || !(createdAt >= 0)) return null;
  if (typeof reached !== 'number' || !Number.isInteger(reached) || reached < 0) return null;
  const custom = label === null ? null : checkLabel(label);
  if (custom !== null && !custom.ok) return null;
  return { id, createdAt, reached, label: custom === null ? null : custom.label };
}

export class TabRun {
  private state: Stored;
  private readonly newId: () => string;

  /**
   * Reads the identity from `storage`, or makes a fresh one when there is none or `duplicate`
   * is set (a copy of another tab's storage must not share its id). The user's label is kept
   * for a duplicate.
   */
  constructor(
    private readonly storage: StorageLike | null,
    options: { duplicate?: boolean; now?: number; newId?: () => string } = {},
  ) {
    this.newId = options.newId ?? newRunId;
    const stored = load(storage);
    const now = options.now ?? Date.now();
    this.state =
      stored && !options.duplicate
        ? stored
        : { id: this.newId(), createdAt: now, reached: 0, label: null };
    this.save();
  }

  get id(): string {
    return this.state.id;
  }

  get createdAt(): number {
    return this.state.createdAt;
  }

  /** The user's label, or null while the default one is used. */
  get label(): string | null {
    return this.state.label;
  }

  /**
   * A new Train begins. Returns true when that made a fresh id: the run under the current one
   * took epochs (its record may be pinned or open in other tabs, and must stay what it was).
   */
  trainStarted(now = Date.now()): boolean {
    if (this.state.reached === 0) return false;
    this.renew(now);
    return true;
  }

  /** A run under this id reached `epoch`. */
  reach(epoch: number): void {
    if (epoch <= this.state.reached) return;
    this.state.reached = epoch;
    this.save();
  }

  /** A fresh id (e.g. another tab turned out to hold the same one), keeping the label. */
  renew(now = Date.now()): void {
    this.state = { ...this.state, id: this.newId(), createdAt: now, reached: 0 };
    this.save();
  }

  /** Sets the user's label (checked: the error when it is not valid); null restores the default. */
  setLabel(raw: string | null): { ok: true } | { ok: false; error: string } {
    if (raw === null) {
      this.state.label = null;
    } else {
      const check = checkLabel(raw);
      if (!check.ok) return check;
      this.state.label = check.label;
    }
    this.save();
    return { ok: true };
  }

  private save(): void {
    try {
      this.storage?.setItem(TAB_RUN_KEY, JSON.stringify(this.state));
    } catch {
      // Storage full or disabled: the identity lasts as long as the page.
    }
  }
}

/**
 * True when this tab was opened by "Duplicate in new tab" (its URL has DUPLICATE_PARAM); the
 * mark is taken out of the URL, so a reload of the copy keeps the copy's own id.
 */
export function takeDuplicateMark(
  loc: Pick<Location, 'pathname' | 'search' | 'hash'> | undefined = globalThis.location,
  hist: Pick<History, 'replaceState' | 'state'> | undefined = globalThis.history,
): boolean {
  if (!loc) return false;
  const params = new URLSearchParams(loc.search);
  if (!params.has(DUPLICATE_PARAM)) return false;
  params.delete(DUPLICATE_PARAM);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  hist?.replaceState(hist.state, '', loc.pathname + search + loc.hash);
  return true;
}
