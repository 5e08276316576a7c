// An OAuth flow in a popup (DESIGN.md §5). The popup opens synchronously in the click handler,
// then the flow is created and the popup sent to the provider. The backend's flow status is the
// source of truth: a long-poll watches it, a postMessage from the callback page only makes us
// look sooner, and a closed popup is confirmed with the backend before it counts as cancelled.
import type { AppKey } from '@plugboard/contract';
import { sleep } from '../abort.js';
import { HttpError, toPlugboardError } from '../errors.js';
import type { ActiveFlow, FlowDeps } from './active-flow.js';
import type { CallbackMessageEvent, PopupWindow } from './browser-environment.js';
import { isMessageForFlow } from './callback-message.js';
import { createFlow, LONG_POLL_SECONDS, readFlow, type CreatedFlow } from './flow-api.js';
import { connectionOf, resultFromFlow } from './flow-result.js';
import type { OAuthResult, StartOAuthOptions } from './oauth-types.js';
import { openPopupWindow } from './popup-window.js';

/** Reading a popup's address throws once it shows a page of another origin. */
function showsOtherOrigin(popup: PopupWindow): boolean {
  try {
    void popup.location.href; // a getter that throws cross-origin
    return false;
  } catch {
    return true;
  }
}

export class PopupFlow implements ActiveFlow {
  readonly result: Promise<OAuthResult>;
  #resolve: (result: OAuthResult) => void = () => {};
  #done = false;
  #popup: PopupWindow | null = null;
  #popupOpened = false;
  #flow: CreatedFlow | undefined;
  #navigatedAt: number | undefined;
  /** The current popup was seen open on the provider's page (see #onPopupClosed). */
  #seenOnOtherOrigin = false;
  #stopWatchingPopup: (() => void) | undefined;
  readonly #controller = new AbortController();
  readonly #cleanups: (() => void)[] = [];

  constructor(
    private readonly deps: FlowDeps,
    private readonly app: AppKey,
    private readonly options: StartOAuthOptions,
  ) {
    this.result = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  get popupOpened(): boolean {
    return this.#popupOpened;
  }

  /** The result is settled: nothing more will happen. */
  get finished(): boolean {
    return this.#done;
  }

  /** Whether a second start with these arguments would be the same flow (a double click). */
  isFor(app: AppKey, options: StartOAuthOptions): boolean {
    return app === this.app && (options.connectionId ?? '') === (this.options.connectionId ?? '');
  }

  /**
   * Must run synchronously inside the user's click, before any await; or later with the popup the
   * click opened (`openedPopup`, null when it was blocked).
   */
  start(openedPopup?: PopupWindow | null): this {
    const { signal } = this.options;
    if (signal?.aborted) {
      openedPopup?.close();
      this.#finish({ status: 'cancelled', reason: 'aborted' });
      return this;
    }
    const popup =
      openedPopup === undefined
        ? this.#openPopup('about:blank', false)
        : this.#adopt(openedPopup, false);
    if (!popup) {
      this.#finish({ status: 'popup_blocked' });
      return this;
    }
    this.#popupOpened = true;
    this.#later(() => this.#finish({ status: 'timeout' }), this.deps.timing.timeoutMs);
    if (signal) {
      const onAbort = (): void => this.#finish({ status: 'cancelled', reason: 'aborted' });
      signal.addEventListener('abort', onAbort, { once: true });
      this.#cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    void this.#run();
    return this;
  }

  reopen(): void {
    if (this.#done) return;
    if (this.#popup && !this.#popup.closed) {
      this.#popup.focus();
      return;
    }
    // Straight to the provider when the flow exists; otherwise #run navigates it once it does.
    const popup = this.#openPopup(this.#flow?.authorizeUrl.href ?? 'about:blank', true);
    if (popup && this.#flow) this.#navigatedAt = Date.now();
  }

  cancel(): void {
    this.#finish({ status: 'cancelled', reason: 'user' });
  }

  abandon(): void {
    this.#finish({ status: 'cancelled', reason: 'superseded' });
  }

  async #run(): Promise<void> {
    const { http, env } = this.deps;
    try {
      const flow = await createFlow(
        http,
        {
          app: this.app,
          connectionId: this.options.connectionId,
          openerOrigin: env.origin,
          mode: 'popup',
        },
        this.#controller.signal,
      );
      if (this.#done) return;
      this.#flow = flow;
      this.#navigatePopup(flow.authorizeUrl);
      this.#cleanups.push(env.onMessage((event) => this.#onMessage(event)));
      await this.#pollUntilFinished(flow.flowId);
    } catch (error) {
      // After #finish every pending call is aborted on purpose: nothing left to report.
      if (!this.#done) this.#finish({ status: 'error', error: toPlugboardError(error) });
    }
  }

  #openPopup(url: string, reopened: boolean): PopupWindow | null {
    return this.#adopt(openPopupWindow(this.deps.env, url), reopened);
  }

  #adopt(popup: PopupWindow | null, reopened: boolean): PopupWindow | null {
    const { events } = this.deps;
    // Some blockers hand back a window that is already closed instead of null.
    if (!popup || popup.closed) {
      events.emit('popup_blocked', { app: this.app });
      return null;
    }
    this.#popup = popup;
    events.emit('popup_opened', { app: this.app, mode: 'popup', reopened });
    this.#watchPopup(popup);
    return popup;
  }

  #navigatePopup(authorizeUrl: URL): void {
    const popup = this.#popup;
    // Already closed by the user: the popup watcher confirms with the backend.
    if (!popup || popup.closed) return;
    try {
      popup.location.replace(authorizeUrl.href);
      this.#navigatedAt = Date.now();
    } catch {
      // A popup we can no longer reach behaves like a closed one; the watcher takes over.
    }
  }

  #watchPopup(popup: PopupWindow): void {
    this.#stopWatchingPopup?.();
    this.#seenOnOtherOrigin = false;
    let otherOriginReads = 0;
    const timer = setInterval(() => {
      if (!popup.closed) {
        // Still open on a page of another origin: that page did not sever us, so a close from
        // now on is the user's. Two reads in a row: while the popup follows the redirects from
        // the backend's start URL, Chromium may show it as another origin for a moment just
        // before COOP severs it.
        if (this.#seenOnOtherOrigin) return;
        otherOriginReads = showsOtherOrigin(popup) ? otherOriginReads + 1 : 0;
        this.#seenOnOtherOrigin = otherOriginReads >= 2;
        return;
      }
      stop();
      void this.#onPopupClosed(popup);
    }, this.deps.timing.closedCheckMs);
    const stop = (): void => clearInterval(timer);
    this.#stopWatchingPopup = stop;
  }

  async #onPopupClosed(popup: PopupWindow): Promise<void> {
    const { timing, events } = this.deps;
    const maybeSevered =
      !this.#seenOnOtherOrigin &&
      this.#navigatedAt !== undefined &&
      Date.now() - this.#navigatedAt < timing.severedWindowMs;
    try {
      await this.#wait(timing.closedGraceMs);
      // Reopened meanwhile: the new popup has its own watcher.
      if (this.#done || popup !== this.#popup) return;
      const result = this.#flow ? await this.#checkStatus(this.#flow.flowId) : null;
      if (this.#done || popup !== this.#popup) return;
      if (result) {
        this.#finish(result);
      } else if (!maybeSevered) {
        events.emit('popup_closed', { app: this.app, flowId: this.#flow?.flowId });
        this.#finish({ status: 'cancelled', reason: 'popup_closed' });
      }
      // Otherwise the handle was probably severed by COOP while the user is still signing in:
      // the long-poll keeps waiting, and the UI still offers Cancel and "open the window again".
    } catch {
      // Aborted because the flow finished meanwhile.
    }
  }

  #onMessage(event: CallbackMessageEvent): void {
    const flow = this.#flow;
    if (this.#done || !flow) return;
    const expected = {
      backendOrigin: this.deps.backendOrigin,
      popup: this.#popup,
      flowId: flow.flowId,
    };
    if (!isMessageForFlow(event, expected)) return;
    void this.#checkStatus(flow.flowId).then(
      (result) => result && this.#finish(result),
      () => undefined, // the long-poll is still running and will report
    );
  }

  /** One immediate status read; null while pending (or when the read failed). */
  async #checkStatus(flowId: string): Promise<OAuthResult | null> {
    try {
      return resultFromFlow(await readFlow(this.deps.http, flowId, 0, this.#controller.signal));
    } catch {
      return null;
    }
  }

  async #pollUntilFinished(flowId: string): Promise<void> {
    const { http, timing } = this.deps;
    while (!this.#done) {
      const startedAt = Date.now();
      let result: OAuthResult | null;
      try {
        result = resultFromFlow(
          await readFlow(http, flowId, LONG_POLL_SECONDS, this.#controller.signal),
        );
      } catch (error) {
        if (this.#done) return;
        const failure = toPlugboardError(error);
        if (failure instanceof HttpError && failure.status === 404) {
          this.#finish({ status: 'expired', flowId });
          return;
        }
        // The HTTP layer already retried; a flaky network gets more patience than one request.
        if (failure.code !== 'network' && failure.code !== 'timeout') throw failure;
        await this.#wait(timing.errorRetryMs);
        continue;
      }
      if (result) {
        this.#finish(result);
        return;
      }
      const elapsed = Date.now() - startedAt;
      if (elapsed < timing.minPollIntervalMs) await this.#wait(timing.minPollIntervalMs - elapsed);
    }
  }

  #wait(ms: number): Promise<void> {
    return sleep(ms, this.#controller.signal);
  }

  #later(callback: () => void, ms: number): void {
    const timer = setTimeout(callback, ms);
    this.#cleanups.push(() => clearTimeout(timer));
  }

  #finish(result: OAuthResult): void {
    if (this.#done) return;
    this.#done = true;
    this.#controller.abort();
    this.#stopWatchingPopup?.();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    try {
      this.#popup?.close();
    } catch {
      // A severed popup may refuse; it is the provider's page now anyway.
    }
    const connection = connectionOf(result);
    if (connection) this.deps.onConnection(connection);
    this.#resolve(result);
  }
}
