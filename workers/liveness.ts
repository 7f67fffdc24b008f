/**
 * The worker's side of the page's liveness check (src/worker-liveness.ts). A browser reports a
 * worker's death only when it throws at top level (an error event); a worker that closes itself,
 * or that the engine stops when its heap runs out (Chromium does so without any event), leaves
 * the page waiting forever. So the worker answers pings, and says so before it closes itself.
 * The messages share the worker's port with comlink, which ignores them (no comlink `type`/`id`).
 */
import type { Endpoint } from 'comlink';

/** A ping from the page, the worker's answer with the same id, or the worker's last word. */
export type LifeMessage =
  { hingeLife: 'ping'; id: number } | { hingeLife: 'pong'; id: number } | { hingeLife: 'closing' };

/** The message as a LifeMessage, or null for any other message (comlink's). */
export function lifeMessage(data: unknown): LifeMessage | null {
  if (typeof data !== 'object' || data === null || !('hingeLife' in data)) return null;
  return data as LifeMessage;
}

/** Answers every ping on `endpoint` at once, between any two slices of the worker's work. */
export function answerPings(endpoint: Endpoint): void {
  endpoint.addEventListener('message', (event) => {
    const m = lifeMessage((event as MessageEvent).data);
    if (m?.hingeLife === 'ping') endpoint.postMessage({ hingeLife: 'pong', id: m.id });
  });
}

/**
 * Makes `scope.close()` (a worker closing itself) tell the page first, so that it notices at
 * once instead of after the ping timeout.
 */
export function announceClose(scope: { close(): void }, endpoint: Endpoint): void {
  const close = scope.close.bind(scope);
  scope.close = () => {
    endpoint.postMessage({ hingeLife: 'closing' } satisfies LifeMessage);
    close();
  };
}
