/**
 * Runs commands one at a time, in order. Each is asked, when it reaches the head of the queue,
 * whether it may run now ('run'), must wait for the state to change ('wait': the queue stops
 * until `pump()` is called again), or is refused ('refuse': dropped, and its reason reported).
 * Internal commands (recovery after a crash) always run. A command never runs while another is
 * in progress, so two presses in one task cannot interleave their awaits.
 */
import type { Decision } from './run-machine.ts';

export type Queued<A> = { action: A } | { internal: () => Promise<void> };

export interface QueueHandlers<A> {
  decide(action: A): Decision;
  perform(action: A): Promise<void>;
  refused(reason: string): void;
}

export class CommandQueue<A> {
  private readonly items: Queued<A>[] = [];
  private running = false;

  constructor(private readonly handlers: QueueHandlers<A>) {}

  /** True while a command runs. */
  get busy(): boolean {
    return this.running;
  }

  /** Commands waiting to run. */
  get length(): number {
    return this.items.length;
  }

  /** The last queued action, if the last item is an action. */
  get last(): A | undefined {
    const item = this.items.at(-1);
    return item && 'action' in item ? item.action : undefined;
  }

  push(item: Queued<A>): void {
    this.items.push(item);
    void this.pump();
  }

  /** Puts a command before everything that waits. */
  pushFirst(item: Queued<A>): void {
    this.items.unshift(item);
    void this.pump();
  }

  /** Drops every waiting command (they waited for something that will not come). */
  clear(): void {
    this.items.splice(0);
  }

  /** Runs commands until the queue is empty or its head must wait. */
  async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.items[0]; item; item = this.items[0]) {
        if ('internal' in item) {
          this.items.shift();
          await item.internal();
          continue;
        }
        const d = this.handlers.decide(item.action);
        if (d.kind === 'wait') break;
        this.items.shift();
        if (d.kind === 'refuse') this.handlers.refused(d.reason);
        else await this.handlers.perform(item.action);
      }
    } finally {
      this.running = false;
    }
  }
}
