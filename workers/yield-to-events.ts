/**
 * A macrotask yield between training slices, so queued messages (pause, cancel, step, the page's
 * acknowledgements) run between slices.
 *
 * Browsers: a MessageChannel round trip — no setTimeout clamping (4 ms after nesting) and no
 * throttling of timers in background tabs.
 * Node (tests and worker_threads): setImmediate. Node drains up to 1000 queued messages of one
 * port per turn, so a MessageChannel ping-pong would starve timers and other ports for seconds;
 * setImmediate yields to the poll phase every turn.
 */
export interface EventYield {
  (): Promise<void>;
  close(): void;
}

declare const setImmediate: ((callback: () => void) => unknown) | undefined;

export function createEventYield(): EventYield {
  if (typeof setImmediate === 'function') {
    const immediate = setImmediate;
    const yieldNode = (() => new Promise<void>((resolve) => immediate(resolve))) as EventYield;
    yieldNode.close = () => undefined;
    return yieldNode;
  }
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const yieldToEvents = (() =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    })) as EventYield;
  yieldToEvents.close = () => {
    channel.port1.close();
    channel.port2.close();
    for (const resolve of waiting.splice(0)) resolve();
  };
  return yieldToEvents;
}
