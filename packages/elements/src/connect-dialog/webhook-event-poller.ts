import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Connection } from '@plugboard/contract';

/** How often to ask the backend whether the first webhook event arrived while setup is shown. */
const WEBHOOK_POLL_MS = 2000;

/**
 * Polls one connection until its webhook has received an event, while the setup view is open.
 * Also checks at once when the page regains focus: the user typically comes back from the
 * service's settings tab right after saving the webhook there. Stops on `stop()` and on disconnect.
 */
export class WebhookEventPoller implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private readonly checkNow = () => {
    if (document.visibilityState === 'visible') this.schedule(0);
  };
  private load: ((signal: AbortSignal) => Promise<Connection>) | undefined;
  private onEvent: ((connection: Connection) => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  start(
    load: (signal: AbortSignal) => Promise<Connection>,
    onEvent: (connection: Connection) => void,
  ): void {
    this.stop();
    this.load = load;
    this.onEvent = onEvent;
    window.addEventListener('focus', this.checkNow);
    document.addEventListener('visibilitychange', this.checkNow);
    this.schedule(WEBHOOK_POLL_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
    this.load = undefined;
    this.onEvent = undefined;
    window.removeEventListener('focus', this.checkNow);
    document.removeEventListener('visibilitychange', this.checkNow);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), delay);
  }

  private async poll(): Promise<void> {
    const load = this.load;
    if (!load || this.abort) return;
    this.abort = new AbortController();
    try {
      const connection = await load(this.abort.signal);
      if (this.load !== load) return;
      if (connection.setup?.lastEventAt) {
        const onEvent = this.onEvent;
        this.stop();
        onEvent?.(connection);
        return;
      }
    } catch {
      // A failed check is not worth interrupting setup for: the next tick asks again.
    } finally {
      this.abort = undefined;
    }
    if (this.load === load) this.schedule(WEBHOOK_POLL_MS);
  }
}
