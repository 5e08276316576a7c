import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AppSummary, Connection, DisconnectResult } from '@plugboard/contract';
import type { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import type { ConnectSuccessEvent } from '../connect-dialog/connect-dialog.events.js';
import type { ConnectionRemoveEvent } from '../connection-status/connection-status.events.js';
import type { AppSelectEvent } from '../app-picker/app-picker.events.js';
import { appLogo, appLogoStyles } from '../shared/app-logo.js';
import { baseStyles } from '../shared/base.styles.js';
import { REDIRECT_FLOW_PARAM, type PlugboardClient, type PlugboardEvent } from '@plugboard/core';
import { ClientController } from '../shared/client-controller.js';
import { errorView, errorViewStyles } from '../shared/error-view.js';
import { focusAfterUpdate } from '../shared/focus-after-update.js';
import type { LazyElement } from '../shared/lazy-element.js';
import { lazyAppPicker, lazyConnectDialog } from '../shared/lazy-elements.js';
import { loadForClick, type ChunkFailure } from '../shared/lazy-module.js';
import { loadInBackground } from '../shared/load-in-background.js';
import { LiveAnnouncer } from '../shared/live-region.js';
import { OnlineRetry } from '../shared/online-retry.js';
import { tokens } from '../shared/tokens.styles.js';
import { whenIdle } from '../shared/when-idle.js';
import { exportParts, prefixed } from '../shared/export-parts.js';
import { healthBadge, providerHealthStyles } from '../shared/provider-health.js';
import { appPickerParts } from '../app-picker/app-picker.parts.js';
import { connectDialogParts } from '../connect-dialog/connect-dialog.parts.js';
import { connectionStatusParts } from '../connection-status/connection-status.parts.js';
import { appConnectionsStyles } from './app-connections.styles.js';
import { groupConnections, type ConnectionGroup } from './connection-groups.js';

const PICKER_EXPORTS = exportParts(appPickerParts, 'picker-');
const DIALOG_EXPORTS = exportParts(connectDialogParts, 'dialog-');
// A connection's own Update dialog comes through as dialog-*, like the add dialog.
const STATUS_EXPORTS = exportParts(
  connectionStatusParts,
  'status-',
  prefixed(connectDialogParts, 'dialog-'),
);

/**
 * The whole "Apps" page in one tag: the end user's connections grouped by app, each with its
 * status, Test and Update, and a badge when the app's provider is in trouble; and "Add a
 * connection", which opens the app picker in a modal and then the connect dialog for the chosen
 * app. The new connection appears at the top and takes focus. Events of the inner elements
 * (`pb-app-select`, `pb-request-app`, `pb-connect-*`, `pb-connection-*`) bubble out.
 *
 * The inner elements' parts are exported with a prefix, so the page styles them through this tag:
 * `::part(picker-input)` (the picker's `input`), `::part(dialog-base)` (the add dialog's and every
 * Update dialog's `base`), `::part(status-badge)` (each connection's `badge`).
 *
 * @summary The "Apps" page: list of connections and the add-a-connection flow.
 *
 * @event pb-app-select - From the inner picker (bubbles, composed).
 * @event pb-request-app - From the inner picker: "Can't find your app?" (`query`, `category`); cancelable.
 * @event pb-connect-success - From the inner connect dialog.
 * @event pb-connect-error - From the inner connect dialog.
 * @event pb-connect-cancel - From the inner connect dialog.
 * @event pb-connect-closed - From the inner connect dialog.
 * @event pb-connection-test - From a connection's status.
 * @event pb-connection-update - From a connection's status.
 * @event pb-connection-remove - From a connection's status.
 *
 * @csspart base - The page section.
 * @csspart header - The heading and the Add button.
 * @csspart heading - The page heading.
 * @csspart button - Buttons (Add a connection, Close, Retry).
 * @csspart add-button - The "Add a connection" button.
 * @csspart body - The list, or the loading, error or empty state.
 * @csspart group - One app's connections.
 * @csspart group-heading - An app's name and logo above its connections.
 * @csspart health-badge - "Having problems" / "Unavailable" beside an app whose provider is in trouble.
 * @csspart logo - An app's logo or monogram.
 * @csspart empty - The "No connections yet" state.
 * @csspart picker-dialog - The modal around the app picker.
 * @csspart error - The error box.
 * @csspart revoke-notice - After a Disconnect, the notice that the service did not confirm it
 *   withdrew the access (until the next Disconnect).
 *
 * @cssproperty --pb-app-connections-dialog-width - Inline size of the picker dialog (default 40rem).
 */
export class AppConnections extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    appLogoStyles,
    errorViewStyles,
    providerHealthStyles,
    appConnectionsStyles,
  ];

  /** The backend to use instead of the one given to `configure()`. Passed to the inner elements. */
  @property({ attribute: 'backend-url' }) backendUrl: string | undefined;

  /** Colour theme; defaults to the configured theme. Passed to the inner elements. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  /** Replaces the "Apps" heading text. */
  @property() heading: string | undefined;

  /** Show a Disconnect button on each connection. */
  @property({ type: Boolean, attribute: 'allow-disconnect' }) allowDisconnect = false;

  /** The connection just added: shown first until the list is reloaded. */
  @state() private pinnedId: string | undefined;
  /** The app of the last disconnected connection whose access the service did not confirm revoked. */
  @state() private unrevokedApp: string | undefined;

  /** The picker's or the dialog's code could not be fetched (offline): shown in the picker dialog. */
  @state() private chunkFailure: ChunkFailure | undefined;

  @query('#picker-dialog') private pickerDialog?: HTMLDialogElement;
  @query('#add-button') private addButton?: HTMLButtonElement;
  @query('connect-dialog') private connectDialog?: ConnectDialog;

  private readonly controller = new ClientController(this, {
    stores: ['catalog'],
    live: true,
    onConnectionChange: (event) => void this.onConnectionChange(event),
  });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly onlineRetry = new OnlineRetry(this);
  /** Set on success; focus moves to this connection once the connect dialog has closed. */
  private focusAfterClose: Connection | undefined;
  private watchedConnections: { client: PlugboardClient; stop: () => void } | undefined;
  private listRenderTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watchedConnections?.stop();
    this.watchedConnections = undefined;
    clearTimeout(this.listRenderTimer);
  }

  /**
   * Re-renders when the connection list changes, one task later: the row whose element removed a
   * connection must finish first (dispatch pb-connection-remove while still in the page) before
   * its keyed row leaves the DOM.
   */
  private watchConnections(client: PlugboardClient | undefined): void {
    if (this.watchedConnections?.client === client) return;
    this.watchedConnections?.stop();
    this.watchedConnections = undefined;
    if (!client) return;
    const stop = client.connections.subscribe(() => {
      clearTimeout(this.listRenderTimer);
      this.listRenderTimer = setTimeout(() => this.requestUpdate());
    });
    this.watchedConnections = { client, stop };
  }

  protected override firstUpdated(): void {
    // The picker and the dialog are lazy chunks: fetched in idle time, or sooner on intent; the
    // dialog at once when "continue in this tab" came back to this page with a flow to show.
    if (new URL(location.href).searchParams.has(REDIRECT_FLOW_PARAM)) lazyConnectDialog.preload();
    whenIdle(this.preloadAddFlow, this.controller.signal);
  }

  private readonly preloadAddFlow = (): void => {
    lazyAppPicker.preload();
    lazyConnectDialog.preload();
  };

  protected override willUpdate(): void {
    const client = this.controller.client;
    const { signal } = this.controller;
    if (signal.aborted) return;
    this.watchConnections(client);
    if (!client) return;
    if (client.connections.state === 'idle') this.loadConnections();
    // For the group headings' names and logos.
    if (client.catalog.state === 'idle') loadInBackground(client.catalog.load({ signal }));
  }

  override render(): TemplateResult {
    const { t } = this.controller;
    if (!this.controller.translator) return html`<section part="base" aria-busy="true"></section>`;
    return html`<section
      part="base"
      class="page"
      aria-labelledby="heading"
      dir=${this.controller.dir}
    >
      <header part="header" class="page__header">
        <h2 part="heading" id="heading" class="page__heading">
          ${this.heading || t('connections.heading')}
        </h2>
        <button
          id="add-button"
          part="button add-button"
          class="button button--primary"
          type="button"
          ?disabled=${!this.controller.client}
          @pointerenter=${this.preloadAddFlow}
          @focus=${this.preloadAddFlow}
          @click=${this.openPicker}
        >
          ${t('connections.add')}
        </button>
      </header>
      ${
        this.unrevokedApp
          ? html`<p part="revoke-notice" class="revoke-notice">
              ${t('status.revokeFailed', { app: this.appName(this.unrevokedApp) })}
            </p>`
          : nothing
      }
      <div part="body" class="page__body" @pb-connection-remove=${this.onRemoved}>
        ${this.renderBody()}
      </div>
      <dialog
        id="picker-dialog"
        part="picker-dialog"
        class="picker-dialog"
        aria-labelledby="picker-title"
        @close=${this.onPickerClosed}
        @pb-app-select=${this.onAppSelected}
      >
        <div class="picker-dialog__header">
          <h3 id="picker-title" class="picker-dialog__title">${t('connections.pickerTitle')}</h3>
          <button
            part="button"
            class="button button--quiet"
            type="button"
            aria-label=${t('dialog.close')}
            @click=${this.closePicker}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        ${
          this.chunkFailure
            ? errorView(this.chunkFailure.error, t, { onAction: this.chunkFailure.retry })
            : nothing
        }
        <app-picker
          exportparts=${PICKER_EXPORTS}
          backend-url=${this.backendUrl ?? nothing}
          theme=${this.theme ?? nothing}
          lang=${this.lang || nothing}
        ></app-picker>
      </dialog>
      <connect-dialog
        exportparts=${DIALOG_EXPORTS}
        backend-url=${this.backendUrl ?? nothing}
        theme=${this.theme ?? nothing}
        lang=${this.lang || nothing}
        @pb-connect-success=${this.onConnected}
        @pb-connect-closed=${this.onConnectClosed}
      ></connect-dialog>
      ${this.announcer.region()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const { t } = this.controller;
    if (this.controller.error) return errorView(this.controller.error, t);
    const store = this.controller.client?.connections;
    if (!store) return html``;
    if (store.state === 'error' && store.error) {
      return errorView(store.error, t, {
        onAction: () => this.reload(),
        retriesWhenOnline: this.onlineRetry.waiting,
      });
    }
    if (store.state === 'idle' || store.state === 'loading') {
      return html`<p class="state" role="status">${t('connections.loading')}</p>`;
    }
    if (store.items.length === 0) {
      return html`<div part="empty" class="state state--empty">
        <p class="state__title">${t('connections.emptyTitle')}</p>
        <p class="state__hint">${t('connections.emptyBody')}</p>
      </div>`;
    }
    // Keyed, so each <connection-status> (and its open popover or confirmation) stays with its
    // connection when the list reorders or shrinks.
    return html`${repeat(
      groupConnections(store.items, this.pinnedId),
      (group) => group.appKey,
      (group) => this.renderGroup(group),
    )}`;
  }

  private renderGroup({ appKey, connections }: ConnectionGroup): TemplateResult {
    const app = this.controller.client?.catalog.find(appKey);
    const name = app?.name ?? appKey;
    const headingId = `group-${appKey}`;
    return html`<section part="group" class="group" aria-labelledby=${headingId}>
      <h3 part="group-heading" class="group__heading" id=${headingId}>
        ${appLogo({ name, logoUrl: app?.logoUrl }, 28)}
        <span>${name}</span>
        ${app ? healthBadge(app.health, this.controller.t) : nothing}
      </h3>
      <ul class="group__list">
        ${repeat(
          connections,
          (connection) => connection.id,
          (connection) =>
            html`<li
              class="group__item"
              tabindex="-1"
              data-connection-id=${connection.id}
              data-app-key=${connection.app}
            >
              <connection-status
                exportparts=${STATUS_EXPORTS}
                .connection=${connection}
                ?allow-disconnect=${this.allowDisconnect}
                backend-url=${this.backendUrl ?? nothing}
                theme=${this.theme ?? nothing}
                lang=${this.lang || nothing}
              ></connection-status>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private reload(): void {
    this.pinnedId = undefined;
    this.loadConnections();
  }

  /** Loads the list; after a network failure, again once the browser is back online. */
  private loadConnections(): void {
    // Read at each try: the client may have changed by the time the browser is back online.
    this.onlineRetry.run(async () => {
      await this.controller.client?.connections.refresh({ signal: this.controller.signal });
    });
  }

  /** Opens at once; the picker inside upgrades when its chunk is in (usually it already is). */
  private readonly openPicker = async (): Promise<void> => {
    if (!this.pickerDialog?.open) this.pickerDialog?.showModal();
    if (!(await this.loadChunk(lazyAppPicker, this.openPicker))) return;
    if (this.pickerDialog?.open) this.renderRoot.querySelector<HTMLElement>('app-picker')?.focus();
  };

  /** Loads a lazy element's code; a failure is shown in the picker dialog with `retry`. */
  private async loadChunk(element: LazyElement, retry: () => void): Promise<boolean> {
    this.chunkFailure = undefined;
    this.chunkFailure = await loadForClick(element.load, retry);
    return !this.chunkFailure;
  }

  private closePicker(): void {
    this.pickerDialog?.close();
  }

  /** Focus back on "Add a connection" unless the flow went on to the connect dialog. */
  private onPickerClosed(): void {
    if (!this.connectDialog?.open) this.addButton?.focus();
  }

  private onAppSelected(event: AppSelectEvent): void {
    void this.connect(event.app);
  }

  /** The picker stays open until the dialog's code is in, so a failure can be shown there. */
  private async connect(app: AppSummary): Promise<void> {
    if (!(await this.loadChunk(lazyConnectDialog, () => void this.connect(app)))) return;
    this.pickerDialog?.close();
    const dialog = this.connectDialog;
    if (!dialog) return;
    dialog.connectionId = '';
    dialog.app = app;
    dialog.show();
  }

  private onConnected(event: ConnectSuccessEvent): void {
    if (event.mode !== 'create') return;
    this.controller.client?.connections.upsert(event.connection);
    this.pinnedId = event.connection.id;
    this.focusAfterClose = event.connection;
  }

  /** A connection was disconnected here: say so, and keep focus in the list (the next row). */
  private onRemoved(event: ConnectionRemoveEvent): Promise<void> {
    return this.rowLeaves(event.connectionId, true, event.revocation);
  }

  /**
   * The live channel says a connection changed elsewhere (another tab, the backend): the store
   * has it already, and the list redraws from it. Say that one arrived or left; focus moves only
   * when it was on the row that left.
   */
  private async onConnectionChange({
    detail,
  }: PlugboardEvent<'connection_changed'>): Promise<void> {
    if (detail.change === 'deleted') {
      const row = this.rowElements().find(
        (li) => li.dataset['connectionId'] === detail.connectionId,
      );
      if (row) await this.rowLeaves(detail.connectionId, row.matches(':focus-within'));
    } else if (detail.change === 'created' && !this.connectDialog?.open) {
      // While our own dialog connects, it says so itself when it closes.
      this.announcer.announce(
        this.controller.t('connections.connected', { app: this.appName(detail.app) }),
      );
    }
  }

  /**
   * Announces that a row left (its own announcement leaves with it) and, if asked, moves focus to
   * the next row, or to "Add a connection" when none is left. `revocation` is known when this page
   * disconnected it: `failed` keeps a notice that the service may still grant access.
   */
  private async rowLeaves(
    connectionId: string,
    moveFocus: boolean,
    revocation?: DisconnectResult['revocation'],
  ): Promise<void> {
    const before = this.rowElements();
    const index = before.findIndex((row) => row.dataset['connectionId'] === connectionId);
    const appKey = before[index]?.dataset['appKey'];
    if (this.pinnedId === connectionId) this.pinnedId = undefined;
    // The row's own notice and announcement leave the page with the row: the list shows them.
    this.unrevokedApp = revocation === 'failed' ? appKey : undefined;
    if (appKey) {
      const { t } = this.controller;
      const app = this.appName(appKey);
      this.announcer.announce(
        revocation === 'failed'
          ? `${t('status.removed', { app })} ${t('status.revokeFailed', { app })}`
          : t('status.removed', { app }),
      );
    }
    this.requestUpdate();
    await this.updateComplete;
    if (!moveFocus) return;
    const after = this.rowElements().filter((row) => row.dataset['connectionId'] !== connectionId);
    const next = after[Math.min(Math.max(index, 0), after.length - 1)];
    (next ?? this.addButton)?.focus();
  }

  private appName(appKey: string): string {
    return this.controller.client?.catalog.find(appKey)?.name ?? appKey;
  }

  private rowElements(): HTMLElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLElement>('li[data-connection-id]'));
  }

  /** The connect dialog closed: after a success, focus the new connection. */
  private async onConnectClosed(): Promise<void> {
    const connection = this.focusAfterClose;
    if (!connection) return;
    this.focusAfterClose = undefined;
    await focusAfterUpdate(this, `li[data-connection-id="${CSS.escape(connection.id)}"]`);
    this.announcer.announce(
      this.controller.t('connections.connected', { app: this.appName(connection.app) }),
    );
  }
}
