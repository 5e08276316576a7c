import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AppSummary, Connection, DisconnectResult } from '@plugboard/contract';
import { toPlugboardError, type PlugboardError } from '@plugboard/core';
import { ClientController, type Translate } from '../shared/client-controller.js';
import { appLogo } from '../shared/app-logo.js';
import { defineElement } from '../shared/define.js';
import { errorView } from '../shared/error-view.js';
import { focusAfterUpdate } from '../shared/focus-after-update.js';
import { LiveAnnouncer } from '../shared/live-region.js';
import { OnlineRetry } from '../shared/online-retry.js';
import { exportParts } from '../shared/export-parts.js';
import { healthNotice } from '../shared/provider-health.js';
import { connectDialogParts } from '../connect-dialog/connect-dialog.parts.js';
import { testFailureView } from '../shared/test-failure-view.js';
import { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import type { ConnectSuccessEvent } from '../connect-dialog/connect-dialog.events.js';
import {
  ConnectionRemoveEvent,
  ConnectionTestEvent,
  ConnectionUpdateEvent,
} from './connection-status.events.js';
import { styles } from './connection-status.styles.js';
import { statusBadge, type BadgeStatus } from './status-badge.js';
import { FloatingPopover, popoverAttribute } from './floating-popover.js';
import { RelativeTimeTicker } from './relative-time-ticker.js';

const DIALOG_EXPORTS = exportParts(connectDialogParts, 'dialog-');

/** The last Test's outcome, shown inline under the buttons. */
type TestOutcome =
  | { kind: 'passed' }
  /** The service answered no: `connection` carries what the backend recorded (lastError). */
  | { kind: 'failed'; message: string; connection: Connection }
  | { kind: 'error'; error: PlugboardError };

/**
 * One connection at a glance: the app, the account, a status badge, the provider's health when it
 * is in trouble, when it was last tested, the last error in a popover, and the Test and Update
 * buttons (Disconnect with `allow-disconnect`). A failed Test says why and what to do, with the
 * backend's reference for support.
 *
 * The Update dialog's parts are exported with a `dialog-` prefix (`::part(dialog-base)`).
 *
 * @summary One connection's status with Test, Update and (optionally) Disconnect.
 *
 * @event pb-connection-test - A test finished: `result` (a TestResult; `result.ok`).
 * @event pb-connection-update - The connection was re-authorized through Update: `connection`.
 * @event pb-connection-remove - The user confirmed Disconnect and it was removed: `connectionId`,
 *   `revocation` (`failed`: the service did not confirm it withdrew the access).
 *
 * @csspart base - The card.
 * @csspart header - Logo, app name and account label.
 * @csspart logo - The app's logo.
 * @csspart account - The account label.
 * @csspart badge - The status badge.
 * @csspart health - "{app} is having problems / unavailable right now", with the provider's message.
 * @csspart last-tested - The "Last tested …" line.
 * @csspart popover - The error details popover.
 * @csspart test-result - The inline result of the last test.
 * @csspart error - A failed test or request: what happened, why, one action, the reference.
 * @csspart footer - The buttons.
 * @csspart button - Every button (also `test`, `update`, `disconnect`, `details-toggle`).
 * @csspart confirm - The Disconnect confirmation.
 * @csspart revoke-notice - After Disconnect, the notice that the service did not confirm it
 *   withdrew the access.
 *
 * @cssproperty --pb-connection-status-padding - Padding inside the card.
 */
export class ConnectionStatus extends LitElement {
  static override styles = styles;

  /** The connection's id; the element loads it when no `connection` object is given. */
  @property({ attribute: 'connection-id' }) connectionId = '';

  /** The connection to show (takes precedence over loading by `connection-id`). */
  @property({ attribute: false }) connection: Connection | undefined;

  /** The app's summary, when the host has it; otherwise it comes from the catalog when loaded. */
  @property({ attribute: false }) app: AppSummary | undefined;

  /** Shows the Disconnect button (with a confirmation inside the component). */
  @property({ type: Boolean, attribute: 'allow-disconnect' }) allowDisconnect = false;

  /** Backend base URL for this element (overrides `configure()`). */
  @property({ attribute: 'backend-url' }) backendUrl: string | undefined;

  /** Colour theme: `light`, `dark` or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  @state() private current: Connection | undefined;
  @state() private loadError: PlugboardError | undefined;
  @state() private testing = false;
  @state() private testOutcome: TestOutcome | undefined;
  @state() private confirmingRemoval = false;
  @state() private removing = false;
  @state() private removeError: PlugboardError | undefined;
  /** Set once disconnected: whether the service revoked the access too. */
  @state() private removal: DisconnectResult | undefined;
  @state() private dialogRequested = false;
  /** The connection's app, fetched when neither the host nor the loaded catalog has it. */
  @state() private fetchedApp: AppSummary | undefined;

  @query('connect-dialog') private updateDialog!: ConnectDialog | null;

  private readonly controller = new ClientController(this, { stores: ['catalog', 'connections'] });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly onlineRetry = new OnlineRetry(this);
  private readonly errorPopover = new FloatingPopover(this, {
    anchor: () => this.renderRoot.querySelector('.details-toggle'),
    floating: () => this.renderRoot.querySelector('.popover'),
  });
  private loadAbort: AbortController | undefined;

  constructor() {
    super();
    new RelativeTimeTicker(this);
    // A value set on the tag before it was defined would shadow the getter below.
    delete (this as { status?: unknown }).status;
  }

  /**
   * The badge's status: connected, testing (while a test runs), error, needs_reauth or expired;
   * undefined until the connection is known. Read-only: the element derives it. Mirrored in the
   * `status` attribute for styling.
   */
  get status(): BadgeStatus | undefined {
    return this.testing ? 'testing' : this.latest?.status;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) this.current = this.connection;
    if (
      (changed.has('connectionId') || changed.has('connection')) &&
      !this.connection &&
      this.connectionId
    ) {
      void this.load(this.connectionId);
    }
    const status = this.status;
    if (status) this.setAttribute('status', status);
    else this.removeAttribute('status');
    void this.fetchAppIfUnknown();
  }

  protected override updated(): void {
    if (this.errorPopover.open && !this.latest?.lastError) this.errorPopover.hide(false);
  }

  /** The freshest copy: the shared store's (updated by tests and updates anywhere) or ours. */
  private get latest(): Connection | undefined {
    const mine = this.current;
    if (!mine) return undefined;
    const stored = this.controller.client?.connections.find(mine.id);
    return stored && stored.updatedAt >= mine.updatedAt ? stored : mine;
  }

  private get appSummary(): AppSummary | { key: string; name: string; logoUrl?: null } | undefined {
    const connection = this.latest;
    if (!connection) return undefined;
    // Its key stands in for its name until the app arrives (see fetchAppIfUnknown).
    return this.knownApp(connection.app) ?? { key: connection.app, name: connection.app };
  }

  /** The app as the host, the loaded catalog or our own fetch has it. */
  private knownApp(key: string): AppSummary | undefined {
    if (this.app?.key === key) return this.app;
    const fromCatalog = this.controller.client?.catalog.apps.find((app) => app.key === key);
    return fromCatalog ?? (this.fetchedApp?.key === key ? this.fetchedApp : undefined);
  }

  private fetchingApp: string | undefined;

  /** Fetches the app when nothing here knows its name: once per key (core caches it too). */
  private async fetchAppIfUnknown(): Promise<void> {
    const client = this.controller.client;
    const key = this.latest?.app;
    if (!client || !key || this.knownApp(key) || this.fetchingApp === key) return;
    this.fetchingApp = key;
    try {
      const app = await client.getApp(key, { signal: this.controller.signal });
      if (this.fetchingApp === key) this.fetchedApp = app;
    } catch {
      // Only the name is missing: the connection and its buttons work as they are.
    }
  }

  private async load(id: string): Promise<void> {
    const client = this.controller.client;
    if (!client) return;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    this.loadError = undefined;
    try {
      const connection =
        client.connections.find(id) ?? (await client.connections.get(id, { signal: abort.signal }));
      if (!abort.signal.aborted) {
        this.current = connection;
        this.onlineRetry.clear();
      }
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (!abort.signal.aborted && error.code !== 'aborted') {
        this.loadError = error;
        this.onlineRetry.failed(error, () => void this.load(id));
      }
    }
  }

  override render(): TemplateResult {
    const t = this.controller.t;
    // A config error matters only when there is nothing to show: a given connection still renders.
    const error = this.loadError ?? (this.latest ? undefined : this.controller.error);
    if (error) {
      return html`<div class="card" part="base">
        ${errorView(error, t, {
          ...(this.connectionId ? { onAction: () => void this.load(this.connectionId) } : {}),
          retriesWhenOnline: this.onlineRetry.waiting,
        })}
      </div>`;
    }
    const connection = this.latest;
    const app = this.appSummary;
    if (!connection || !app || !this.controller.translator) {
      return html`<div class="card card--loading" part="base" aria-busy="true">
        <span class="visually-hidden">${t('status.loading')}</span>
      </div>`;
    }
    if (this.removal) {
      return html`<div class="card" part="base">
        <p class="removed">${t('status.removed', { app: app.name })}</p>
        ${
          this.removal.revocation === 'failed'
            ? html`<p class="revoke-notice" part="revoke-notice">
                ${t('status.revokeFailed', { app: app.name })}
              </p>`
            : nothing
        }
        ${this.announcer.region()}
      </div>`;
    }
    return html`<div class="card" part="base" dir=${this.controller.dir}>
      <div class="header" part="header">
        ${appLogo(app, 32)}
        <div class="identity">
          <p class="app-name">${app.name}</p>
          <p class="account" part="account">${connection.label}</p>
        </div>
        ${statusBadge(this.status ?? connection.status, t)}
      </div>
      ${healthNotice(app, t)}
      <div class="details">
        <p class="last-tested" part="last-tested">
          ${
            connection.lastTestedAt
              ? t('status.lastTested', { time: this.relativeTime(connection.lastTestedAt) })
              : t('status.neverTested')
          }
        </p>
        ${connection.lastError ? this.renderErrorDetails(connection, t) : nothing}
      </div>
      ${this.renderTestOutcome(t)}
      ${this.confirmingRemoval ? this.renderRemovalConfirm(app.name, t) : this.renderButtons(app.name, t)}
      ${this.announcer.region()}
      ${
        this.dialogRequested
          ? html`<connect-dialog
              exportparts=${DIALOG_EXPORTS}
              connection-id=${connection.id}
              .app=${this.app?.key === connection.app ? this.app : undefined}
              app-key=${connection.app}
              backend-url=${ifDefined(this.backendUrl)}
              lang=${ifDefined(this.lang || undefined)}
              theme=${ifDefined(this.theme)}
              @pb-connect-success=${this.onUpdated}
            ></connect-dialog>`
          : nothing
      }
    </div>`;
  }

  private relativeTime(timestamp: string): string {
    return this.controller.translator?.relativeTime(new Date(timestamp)) ?? '';
  }

  private renderErrorDetails(connection: Connection, t: Translate) {
    const lastError = connection.lastError;
    if (!lastError) return nothing;
    return html`<button
        class="button button--quiet details-toggle"
        part="button details-toggle"
        type="button"
        aria-expanded=${this.errorPopover.open ? 'true' : 'false'}
        aria-controls="error-details"
        @click=${() => this.errorPopover.toggle()}
      >
        ${t('status.details')}
      </button>
      <div
        id="error-details"
        class="popover"
        part="popover"
        popover=${ifDefined(popoverAttribute)}
        ?hidden=${!popoverAttribute}
      >
        <p class="popover__message">${lastError.message}</p>
        ${
          lastError.requestId
            ? html`<p class="popover__reference">
                ${t('error.reference', { id: lastError.requestId })}
              </p>`
            : nothing
        }
      </div>`;
  }

  private renderTestOutcome(t: Translate) {
    const outcome = this.testOutcome;
    if (!outcome) return nothing;
    if (outcome.kind === 'error') {
      return errorView(outcome.error, t, { onAction: () => void this.runTest() });
    }
    if (outcome.kind === 'failed') {
      return html`<div class="test-result test-result--failed" part="test-result">
        ${testFailureView(outcome.connection, t, {
          title: t('status.testFailed'),
          message: outcome.message,
          onRetest: () => void this.runTest(),
          onReauthorize: () => void this.openUpdate(),
        })}
      </div>`;
    }
    return html`<p class="test-result test-result--passed" part="test-result">
      ${t('status.testPassed')}
    </p>`;
  }

  private renderButtons(appName: string, t: Translate) {
    return html`<div class="footer" part="footer">
      <button
        class="button"
        part="button test"
        type="button"
        aria-disabled=${this.testing ? 'true' : 'false'}
        aria-label=${ifDefined(this.testing ? undefined : t('status.testLabel', { app: appName }))}
        @click=${() => void this.runTest()}
      >
        ${this.testing ? t('status.testing') : t('status.test')}
      </button>
      <button
        class="button"
        part="button update"
        type="button"
        aria-label=${t('status.updateLabel', { app: appName })}
        @click=${this.openUpdate}
      >
        ${t('status.update')}
      </button>
      ${
        this.allowDisconnect
          ? html`<button
              class="button button--danger"
              part="button disconnect"
              type="button"
              aria-label=${t('status.disconnectLabel', { app: appName })}
              @click=${this.askRemoval}
            >
              ${t('status.disconnect')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderRemovalConfirm(appName: string, t: Translate) {
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-title">
      <p class="confirm__title" id="confirm-title">
        ${t('status.disconnectConfirmTitle', { app: appName })}
      </p>
      <p class="confirm__text">${t('status.disconnectConfirmBody', { app: appName })}</p>
      ${this.removeError ? errorView(this.removeError, t) : nothing}
      <div class="footer">
        <button
          class="button button--danger"
          part="button confirm-disconnect"
          type="button"
          ?disabled=${this.removing}
          @click=${() => void this.disconnectConnection()}
        >
          ${this.removing ? t('status.disconnecting') : t('status.disconnect')}
        </button>
        <button
          class="button"
          part="button cancel-disconnect"
          type="button"
          @click=${this.cancelRemoval}
        >
          ${t('dialog.cancel')}
        </button>
      </div>
    </div>`;
  }

  private async runTest(): Promise<void> {
    const client = this.controller.client;
    const connection = this.latest;
    if (!connection || this.testing) return;
    if (!client) {
      if (this.controller.error) this.testOutcome = { kind: 'error', error: this.controller.error };
      return;
    }
    const t = this.controller.t;
    this.testing = true;
    this.testOutcome = undefined;
    try {
      const result = await client.connections.test(connection.id, {
        signal: this.controller.signal,
      });
      this.current = result.connection;
      // A failure is an alert of its own (the error box); a pass is announced here.
      if (result.ok) {
        this.testOutcome = { kind: 'passed' };
        this.announcer.announce(t('status.testPassed'));
      } else {
        this.testOutcome = {
          kind: 'failed',
          message: result.message,
          connection: result.connection,
        };
      }
      this.dispatchEvent(new ConnectionTestEvent(result));
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (error.code === 'aborted') return;
      this.testOutcome = { kind: 'error', error };
    } finally {
      this.testing = false;
    }
  }

  private openUpdate = async (): Promise<void> => {
    // The dialog's tag may not be registered when only this element's define entry was loaded.
    defineElement('connect-dialog', ConnectDialog);
    this.dialogRequested = true;
    await this.updateComplete;
    this.updateDialog?.show();
  };

  private onUpdated = (event: ConnectSuccessEvent): void => {
    this.current = event.connection;
    this.testOutcome = undefined;
    this.dispatchEvent(new ConnectionUpdateEvent(event.connection));
  };

  private askRemoval = async (): Promise<void> => {
    this.confirmingRemoval = true;
    this.removeError = undefined;
    await focusAfterUpdate(this, '[part~="cancel-disconnect"]');
  };

  private cancelRemoval = async (): Promise<void> => {
    this.confirmingRemoval = false;
    await focusAfterUpdate(this, '[part~="disconnect"]');
  };

  private async disconnectConnection(): Promise<void> {
    const client = this.controller.client;
    const connection = this.latest;
    if (!client || !connection) return;
    this.removing = true;
    this.removeError = undefined;
    try {
      const removal = await client.connections.remove(connection.id, {
        signal: this.controller.signal,
      });
      this.removal = removal;
      this.confirmingRemoval = false;
      const app = this.appSummary?.name ?? connection.app;
      const { t } = this.controller;
      this.announcer.announce(
        removal.revocation === 'failed'
          ? `${t('status.removed', { app })} ${t('status.revokeFailed', { app })}`
          : t('status.removed', { app }),
      );
      this.dispatchEvent(new ConnectionRemoveEvent(connection.id, removal.revocation));
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (error.code !== 'aborted') this.removeError = error;
    } finally {
      this.removing = false;
    }
  }
}
