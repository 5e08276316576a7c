import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** "Last tested 3 minutes ago" must age while the page stays open: re-render once a minute. */
const RELATIVE_TIME_REFRESH_MS = 60_000;

/** Re-renders its host every minute while it is connected; the timer stops on disconnect. */
export class RelativeTimeTicker implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.host.requestUpdate(), RELATIVE_TIME_REFRESH_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
