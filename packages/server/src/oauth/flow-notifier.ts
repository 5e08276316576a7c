// Wakes long-polling GET /v1/oauth/flows/{id}?wait=N requests when a flow changes, without polling.
import { EventEmitter } from 'node:events';

export class FlowNotifier {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per waiting request; many may wait at once.
    this.emitter.setMaxListeners(0);
  }

  notify(flowId: string): void {
    this.emitter.emit(flowId);
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
    for (const name of this.emitter.eventNames()) this.emitter.emit(name);
  }
}
