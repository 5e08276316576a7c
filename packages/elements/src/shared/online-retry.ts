import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toPlugboardError, type PlugboardError } from '@plugboard/core';

/**
 * Offline recovery for one element: after a load failed with a network error, runs the load again
 * when the browser reports it is back online. The `online` listener exists only while such a
 * failure waits; it goes on success, on another kind of error, and when the element leaves the page.
 */
export class OnlineRetry implements ReactiveController {
  private retry: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True while a network failure waits for the browser to come back online (the error says so). */
  get waiting(): boolean {
    return this.retry !== undefined;
  }

  /** Runs `load`; when it fails with a network error, runs it again once the browser is online. */
  run(load: () => Promise<unknown>): void {
    load().then(
      () => this.clear(),
      (error: unknown) => this.failed(toPlugboardError(error), () => this.run(load)),
    );
  }

  /** A load failed: with a network error, `retry` runs at the next `online` event. */
  failed(error: PlugboardError, retry: () => void): void {
    if (error.code !== 'network') {
      this.clear();
      return;
    }
    if (!this.retry) window.addEventListener('online', this.onOnline);
    this.retry = retry;
    this.host.requestUpdate();
  }

  /** The load succeeded or was replaced: stop waiting. */
  clear(): void {
    if (!this.retry) return;
    this.retry = undefined;
    window.removeEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    this.clear();
  }

  private readonly onOnline = (): void => {
    const retry = this.retry;
    this.clear();
    retry?.();
  };
}
