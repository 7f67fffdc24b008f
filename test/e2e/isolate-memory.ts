/**
 * Memory of a V8 isolate in Chromium over the DevTools protocol (Runtime.getHeapUsage: the JS
 * heap plus ArrayBuffer backing stores), for the app's page and its training worker, which has
 * no page session of its own: reached through the browser session (Target.attachToTarget).
 */
import type { CDPSession, Page } from 'playwright-core';

/** A target's isolate, reached through the browser session (a worker has no page session). */
export class Isolate {
  private next = 1;
  private readonly waiting = new Map<number, (r: Record<string, number>) => void>();
  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const m = JSON.parse(e.message) as { id: number; result: Record<string, number> };
      this.waiting.get(m.id)?.(m.result);
      this.waiting.delete(m.id);
    });
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<Isolate> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new Isolate(cdp, sessionId);
  }

  private call(method: string): Promise<Record<string, number>> {
    const id = this.next++;
    const message = JSON.stringify({ id, method, params: {} });
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      void this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message });
    });
  }

  /** JS heap + ArrayBuffer backing stores, bytes (after a collection when `collect`). */
  async bytes(collect = false): Promise<number> {
    if (collect) await this.call('HeapProfiler.collectGarbage');
    const r = await this.call('Runtime.getHeapUsage');
    return (r.usedSize ?? 0) + (r.backingStorageSize ?? 0);
  }

  /** The isolates of `page` (the app) and of its training worker (the only worker). */
  static async ofApp(cdp: CDPSession, page: Page): Promise<{ page: Isolate; worker: Isolate }> {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const url = page.url().split('#')[0]!;
    const pageTarget = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(url));
    const workerTarget = targetInfos.find((t) => t.type === 'worker');
    if (!pageTarget || !workerTarget) throw new Error('no page or worker target');
    return {
      page: await Isolate.attach(cdp, pageTarget.targetId),
      worker: await Isolate.attach(cdp, workerTarget.targetId),
    };
  }
}
