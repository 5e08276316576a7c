import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { App, AppSummary, Connection, DisconnectResult } from '@plugboard/contract';
import { toPlugboardError, type PlugboardError, type PlugboardEvent } from '@plugboard/core';
import { ClientController, type Translate } from '../shared/client-controller.js';
import { appLogo } from '../shared/app-logo.js';
import { errorView } from '../shared/error-view.js';
import { focusAfterUpdate } from '../shared/focus-after-update.js';
import { lazyConnectDialog } from '../shared/lazy-elements.js';
import { lazyModule, loadForClick, type ChunkFailure } from '../shared/lazy-module.js';
import { LiveAnnouncer } from '../shared/live-region.js';
import { OnlineRetry } from '../shared/online-retry.js';
import { whenIdle } from '../shared/when-idle.js';
import type { ConnectDialog } from '../connect-dialog/connect-dialog.js';
import { exportParts } from '../shared/export-parts.js';
import { healthNotice } from '../shared/provider-health.js';
import { connectDialogParts } from '../connect-dialog/connect-dialog.parts.js';
import { testFailureView } from '../shared/test-failure-view.js';
import type {
  ConnectSettingsSavedEvent,
  ConnectSuccessEvent,
} from '../connect-dialog/connect-dialog.events.js';
import {
  ConnectionRemoveEvent,
  ConnectionRenameEvent,
  ConnectionSettingsEvent,
  ConnectionTestEvent,
  ConnectionUpdateEvent,
} from './connection-status.events.js';
import type { RenameState } from './rename-form.js';
import { settingsSummary } from './settings-summary.js';
import { styles } from './connection-status.styles.js';
import { statusBadge, statusLabel, type BadgeStatus } from './status-badge.js';
import type { FloatingPopover } from './floating-popover.js';
import { popoverAttribute } from './popover-support.js';
import { RelativeTimeTicker } from './relative-time-ticker.js';

const DIALOG_EXPORTS = exportParts(connectDialogParts, 'dialog-');

/** The views behind Rename, Disconnect and Details: a lazy chunk (see card-actions.ts). */
const cardActions = lazyModule('the connection card', () => import('./card-actions.js'));

/** The last Test's outcome, shown inline under the buttons. */
type TestOutcome =
  | { kind: 'passed' }
  /** The service answered no: `connection` carries what the backend recorded (lastError). */
  | { kind: 'failed'; message: string; connection: Connection }
  | { kind: 'error'; error: PlugboardError };

/**
 * One connection at a glance: the app, the account (which the user can rename), a status badge,
 * the provider's health when it is in trouble, when it was last tested, the last error in a
 * popover, the saved setup choices, and the Test, Update and Settings buttons (Settings when the
 * app has setup choices; Disconnect with `allow-disconnect`). Settings opens the connect dialog on
 * the choices alone: no sign-in again. A failed Test says why and what to do, with the backend's
 * reference for support.
 *
 * The Update dialog's parts are exported with a `dialog-` prefix (`::part(dialog-base)`).
 *
 * @summary One connection's status with Test, Update, Settings, Rename and (optionally) Disconnect.
 *
 * @event pb-connection-test - A test finished: `result` (a TestResult; `result.ok`).
 * @event pb-connection-update - The connection was re-authorized through Update: `connection`.
 * @event pb-connection-settings - Its setup choices were saved from Settings: `connection`.
 * @event pb-connection-rename - The user renamed it: `connection` (with its new `label`).
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
 * @csspart settings - The saved setup choices.
 * @csspart rename - The rename form.
 * @csspart error - A failed test or request: what happened, why, one action, the reference.
 * @csspart footer - The buttons.
 * @csspart button - Every button (also `test`, `update`, `settings`, `rename`, `disconnect`, `details-toggle`).
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
  /**
   * Set once disconnected, here or elsewhere; `revocation` (whether the service withdrew the
   * access too) is known only when this element disconnected it.
   */
  @state() private removal: Partial<DisconnectResult> | undefined;
  @state() private dialogRequested = false;
  /** A button's code could not be fetched (offline): the error, and the click to try again. */
  @state() private chunkFailure: ChunkFailure | undefined;
  /** What the dialog opens on: re-authorizing (Update) or the setup choices (Settings). */
  @state() private dialogIntent: 'connect' | 'settings' = 'connect';
  /** The connection's full app (its setup steps decide whether Settings applies). */
  @state() private fullApp: App | undefined;
  /** Set while the user renames the connection. */
  @state() private renaming: RenameState | undefined;

  @query('connect-dialog') private updateDialog!: ConnectDialog | null;

  private readonly controller = new ClientController(this, {
    stores: ['catalog', 'connections'],
    live: true,
    onConnectionChange: (event) => this.onConnectionChange(event),
  });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly onlineRetry = new OnlineRetry(this);
  /** The last error's popover, made on the first Details click (its code is in cardActions). */
  private errorPopover: FloatingPopover | undefined;
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

  protected override firstUpdated(): void {
    // Update opens the connect dialog, and Rename, Disconnect and Details show views of the card's
    // actions chunk: fetched in idle time, or sooner on intent.
    whenIdle(() => {
      lazyConnectDialog.preload();
      cardActions.preload();
    }, this.controller.signal);
  }

  private readonly preloadDialog = (): void => lazyConnectDialog.preload();
  private readonly preloadCardActions = (): void => cardActions.preload();

  /** Loads a button's code; when it cannot (offline), says so with the click to try again. */
  private async loadChunk(load: () => Promise<unknown>, retry: () => void): Promise<boolean> {
    this.chunkFailure = undefined;
    this.chunkFailure = await loadForClick(load, retry);
    return !this.chunkFailure;
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
    void this.fetchFullApp();
  }

  protected override updated(): void {
    if (this.errorPopover?.open && !this.latest?.lastError) this.errorPopover.hide(false);
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
    return fromCatalog ?? (this.fullApp?.key === key ? this.fullApp : undefined);
  }

  private fetchingApp: string | undefined;

  /**
   * Fetches the full app once per key (core caches it, so cards of one app share one request):
   * its name when nothing else knows it, and its setup steps for Settings.
   */
  private async fetchFullApp(): Promise<void> {
    const client = this.controller.client;
    const key = this.latest?.app;
    if (!client || !key || this.fullApp?.key === key || this.fetchingApp === key) return;
    this.fetchingApp = key;
    try {
      const app = await client.getApp(key, { signal: this.controller.signal });
      if (this.fetchingApp === key) this.fullApp = app;
    } catch {
      // Only the name and Settings are missing: the connection and its other buttons work.
    }
  }

  /**
   * The live channel says another tab or the backend changed a connection: the store already
   * holds the new copy (and the card redraws from it); say what happened to this one.
   */
  private onConnectionChange({ detail }: PlugboardEvent<'connection_changed'>): void {
    const connection = this.latest;
    if (!connection || detail.connectionId !== connection.id || this.removal) return;
    const { t } = this.controller;
    const app = this.appSummary?.name ?? connection.app;
    if (detail.change === 'deleted') {
      this.removal = {};
      this.confirmingRemoval = false;
      this.announcer.announce(t('status.removed', { app }));
      return;
    }
    // Our own Test says its outcome itself; renames and webhook deliveries change no status.
    const statusChanges = ['needs_reauth', 'recovered', 'test_failed'];
    if (this.testing || !detail.status || !statusChanges.includes(detail.change)) return;
    this.announcer.announce(
      t('status.changed', {
        app,
        account: connection.label,
        status: statusLabel(detail.status, t),
      }),
    );
  }

  /** The app has setup choices the user can change later. */
  private get hasSettings(): boolean {
    const app = this.fullApp;
    return (
      app !== undefined &&
      app.key === this.latest?.app &&
      app.setupSteps.some((step) => step.type !== 'webhook_url')
    );
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
    const actions = cardActions.loaded;
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
      ${
        this.renaming && actions
          ? actions.renameForm({
              t,
              state: this.renaming,
              onInput: (name) => (this.renaming = { ...this.renaming!, name, problem: undefined }),
              onSave: () => void this.saveName(),
              onCancel: () => void this.stopRenaming(),
            })
          : nothing
      }
      ${settingsSummary(this.fullApp?.key === connection.app ? this.fullApp : undefined, connection)}
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
      ${
        this.chunkFailure
          ? errorView(this.chunkFailure.error, t, { onAction: this.chunkFailure.retry })
          : nothing
      }
      ${
        this.confirmingRemoval && actions
          ? actions.removalConfirm({
              t,
              appName: app.name,
              removing: this.removing,
              error: this.removeError,
              onConfirm: () => void this.disconnectConnection(),
              onCancel: () => void this.cancelRemoval(),
            })
          : this.renderButtons(app.name, t)
      }
      ${this.announcer.region()}
      ${
        this.dialogRequested
          ? html`<connect-dialog
              exportparts=${DIALOG_EXPORTS}
              connection-id=${connection.id}
              intent=${this.dialogIntent}
              .app=${this.app?.key === connection.app ? this.app : undefined}
              app-key=${connection.app}
              backend-url=${ifDefined(this.backendUrl)}
              lang=${ifDefined(this.lang || undefined)}
              theme=${ifDefined(this.theme)}
              @pb-connect-success=${this.onUpdated}
              @pb-connect-settings-saved=${this.onSettingsSaved}
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
        aria-expanded=${this.errorPopover?.open ? 'true' : 'false'}
        aria-controls="error-details"
        @pointerenter=${this.preloadCardActions}
        @focus=${this.preloadCardActions}
        @click=${this.toggleErrorDetails}
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
        @pointerenter=${this.preloadDialog}
        @focus=${this.preloadDialog}
        @click=${() => void this.runTest()}
      >
        ${this.testing ? t('status.testing') : t('status.test')}
      </button>
      <button
        class="button"
        part="button update"
        type="button"
        aria-label=${t('status.updateLabel', { app: appName })}
        @pointerenter=${this.preloadDialog}
        @focus=${this.preloadDialog}
        @click=${this.openUpdate}
      >
        ${t('status.update')}
      </button>
      ${
        this.hasSettings
          ? html`<button
              class="button"
              part="button settings"
              type="button"
              aria-label=${t('status.settingsLabel', { app: appName })}
              @pointerenter=${this.preloadDialog}
              @focus=${this.preloadDialog}
              @click=${this.openSettings}
            >
              ${t('status.settings')}
            </button>`
          : nothing
      }
      <button
        class="button"
        part="button rename"
        type="button"
        aria-label=${t('status.renameLabel', { app: appName })}
        aria-expanded=${this.renaming ? 'true' : 'false'}
        @pointerenter=${this.preloadCardActions}
        @focus=${this.preloadCardActions}
        @click=${this.startRenaming}
      >
        ${t('status.rename')}
      </button>
      ${
        this.allowDisconnect
          ? html`<button
              class="button button--danger"
              part="button disconnect"
              type="button"
              aria-label=${t('status.disconnectLabel', { app: appName })}
              @pointerenter=${this.preloadCardActions}
              @focus=${this.preloadCardActions}
              @click=${this.askRemoval}
            >
              ${t('status.disconnect')}
            </button>`
          : nothing
      }
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

  private openUpdate = (): Promise<void> => this.openDialog('connect');

  private openSettings = (): Promise<void> => this.openDialog('settings');

  private async openDialog(intent: 'connect' | 'settings'): Promise<void> {
    this.dialogIntent = intent;
    // A lazy chunk, usually in by now (fetched on intent or in idle time).
    const retry = () => void this.openDialog(intent);
    if (!(await this.loadChunk(lazyConnectDialog.load, retry))) return;
    this.dialogRequested = true;
    await this.updateComplete;
    this.updateDialog?.show();
  }

  private onUpdated = (event: ConnectSuccessEvent): void => {
    this.current = event.connection;
    this.testOutcome = undefined;
    this.dispatchEvent(new ConnectionUpdateEvent(event.connection));
  };

  private onSettingsSaved = (event: ConnectSettingsSavedEvent): void => {
    this.current = event.connection;
    if (this.dialogIntent === 'settings') {
      this.dispatchEvent(new ConnectionSettingsEvent(event.connection));
    }
  };

  private toggleErrorDetails = async (): Promise<void> => {
    if (!(await this.loadChunk(cardActions.load, this.toggleErrorDetails))) return;
    this.errorPopover ??= new cardActions.loaded!.FloatingPopover(this, {
      anchor: () => this.renderRoot.querySelector('.details-toggle'),
      floating: () => this.renderRoot.querySelector('.popover'),
    });
    this.errorPopover.toggle();
  };

  private startRenaming = async (): Promise<void> => {
    if (!(await this.loadChunk(cardActions.load, this.startRenaming))) return;
    const label = this.latest?.label ?? '';
    this.renaming = { name: label, problem: undefined, error: undefined, saving: false };
    await focusAfterUpdate(this, '#connection-name');
    this.renderRoot.querySelector<HTMLInputElement>('#connection-name')?.select();
  };

  private async stopRenaming(): Promise<void> {
    this.renaming = undefined;
    await focusAfterUpdate(this, '[part~="rename"]');
  }

  /** Saves the new name (the API takes a label on any connection); what was typed stays on error. */
  private async saveName(): Promise<void> {
    const client = this.controller.client;
    const connection = this.latest;
    const renaming = this.renaming;
    if (!client || !connection || !renaming || renaming.saving) return;
    const t = this.controller.t;
    const label = renaming.name.trim();
    if (!label) {
      this.renaming = { ...renaming, problem: t('status.nameRequired') };
      await focusAfterUpdate(this, '#connection-name');
      return;
    }
    this.renaming = { ...renaming, saving: true, error: undefined };
    try {
      const renamed = await client.connections.update(
        connection.id,
        { label },
        { signal: this.controller.signal },
      );
      this.current = renamed;
      this.announcer.announce(t('status.renamed', { label: renamed.label }));
      this.dispatchEvent(new ConnectionRenameEvent(renamed));
      await this.stopRenaming();
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (error.code === 'aborted' || !this.renaming) return;
      this.renaming = { ...this.renaming, saving: false, error };
    }
  }

  private askRemoval = async (): Promise<void> => {
    if (!(await this.loadChunk(cardActions.load, this.askRemoval))) return;
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
