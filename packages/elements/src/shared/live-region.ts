import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/**
 * Polite announcements for screen readers from inside an element's shadow root. Render
 * `announcer.region()` once in the template and call `announce(text)`; repeating the same text is
 * announced again because the region is emptied for a frame first.
 */
export class LiveAnnouncer implements ReactiveController {
  private message = '';
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The text currently in the region (useful to tests and to hosts composing their own UI). */
  get text(): string {
    return this.message;
  }

  announce(text: string): void {
    clearTimeout(this.pending);
    this.message = '';
    this.host.requestUpdate();
    // Screen readers announce a change of content; a short gap makes identical text a change.
    this.pending = setTimeout(() => {
      this.message = text;
      this.host.requestUpdate();
    }, 50);
  }

  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      ${this.message}
    </div>`;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
  }
}
