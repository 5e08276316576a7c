// Wakes long-polling GET /v1/oauth/flows/{id}?wait=N requests when a flow changes, on whichever
// instance the change happened (see db/notifications.ts), without polling on SQLite.
import { EventEmitter } from 'node:events';
import type { Notifications } from '../db/notifications.js';

export class FlowNotifier {
  private readonly emitter = new EventEmitter();
  private readonly unsubscribe: () => void;

  constructor(private readonly notifications: Notifications) {
    // One listener per waiting request; many may wait at once.
    this.emitter.setMaxListeners(0);
    this.unsubscribe = notifications.subscribe('oauth_flow', (flowId) => {
      this.emitter.emit(flowId);
    });
  }

  /** How long a waiter may sleep before it re-reads the flow (a notice may have been lost). */
  get pollFallbackMs(): number {
    return this.notifications.pollFallbackMs;
  }

  notify(flowId: string): Promise<void> {
    return this.notifications.publish('oauth_flow', flowId);
  }

  /** Resolves when the flow changes, after `timeoutMs`, or when `signal` aborts, whichever is first. */
  waitForChange(flowId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.emitter.off(flowId, finish);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.emitter.on(flowId, finish);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  /** Releases every waiter (on shutdown). */
  releaseAll(): void {
    this.unsubscribe();
    for (const name of this.emitter.eventNames()) this.emitter.emit(name);
  }
}
