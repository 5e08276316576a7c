import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { App, AppSummary, AuthMethod, Connection } from '@plugboard/contract';
import {
  errorFromOAuthResult,
  HttpError,
  PlugboardError,
  type OAuthResult,
  type PlugboardClient,
} from '@plugboard/core';
import { asPlugboardError } from '../shared/as-plugboard-error.js';
import { ClientController, type Translate } from '../shared/client-controller.js';
import { appLogo } from '../shared/app-logo.js';
import { LiveAnnouncer } from '../shared/live-region.js';
import { OnlineRetry } from '../shared/online-retry.js';
import { styles } from './connect-dialog.styles.js';
import {
  ConnectCancelEvent,
  ConnectErrorEvent,
  ConnectSuccessEvent,
  type ConnectCancelReason,
  type ConnectErrorCode,
  type ConnectMode,
} from './connect-dialog.events.js';
import { stepOf, webhookSetupStep, type ConnectView } from './connect-steps.js';
import { CredentialsStep } from './credentials-step.js';
import { DialogFocus } from './dialog-focus.js';
import { interpretOAuthResult, OAuthStep, type OAuthStepResult } from './oauth-step.js';
import { SetupStep } from './setup-step.js';
import { credentialForm, fieldId } from './views/credential-form.js';
import { methodChoiceView } from './views/method-choice.js';
import {
  duplicateView,
  missingScopesView,
  oauthBlockedView,
  oauthDeclinedView,
  oauthIntroView,
  oauthWaitingView,
} from './views/oauth-views.js';
import { setupView } from './views/setup-view.js';
import {
  degradedNotice,
  discardConfirmView,
  failureView,
  loadingView,
  sessionExpiredView,
  successView,
  testFailedView,
  testingView,
  unavailableView,
} from './views/status-views.js';

/**
 * A modal dialog that walks the user through connecting one app: provider health, the choice of
 * method, OAuth in a popup or a credential form, setup steps such as copying a webhook URL, an
 * automatic test, and success. With `connection-id` it re-authorizes that connection and keeps
 * its id (update mode).
 *
 * @summary Connect (or re-authorize) one app, step by step, in a native modal dialog.
 *
 * @event pb-connect-success - The connection was saved and its test passed: `connection`, `app`, `mode`.
 * @event pb-connect-error - A step failed in a way the user saw: `code`, `app`, `requestId`.
 * @event pb-connect-cancel - The user closed the dialog before finishing: `reason`, `lastStep`.
 *
 * @csspart base - The native `<dialog>`.
 * @csspart header - The title bar with the app's logo and the close button.
 * @csspart title - The dialog's title.
 * @csspart close-button - The close (×) button.
 * @csspart body - The current step.
 * @csspart form - The credential form.
 * @csspart field - One form field (label, input, hints).
 * @csspart input - Inputs and selects.
 * @csspart button - Every button.
 * @csspart help-link - "Where to find your …" links.
 * @csspart field-error - A field's error message.
 * @csspart health-warning - The "{app} is having problems" notice (degraded provider).
 * @csspart webhook-url - The read-only webhook URL in the setup step.
 * @csspart webhook-username - The HTTP basic auth user name to enter with the URL (Pipedrive).
 * @csspart webhook-password - The HTTP basic auth password to enter with the URL (Pipedrive).
 * @csspart copy - The Copy button of the setup step.
 * @csspart event-indicator - "Waiting for the first event…" / "First event received".
 * @csspart confirm - The "Discard what you typed?" confirmation.
 *
 * @cssproperty --pb-connect-dialog-width - Inline size of the dialog (default: 32rem).
 * @cssproperty --pb-connect-dialog-backdrop - Backdrop colour behind the dialog.
 */
export class ConnectDialog extends LitElement {
  static override styles = styles;

  /** The app to connect. A summary (or only `app-key`) makes the dialog load the full app. */
  @property({ attribute: false }) app: App | AppSummary | undefined;

  /** The key of the app to connect, when no `app` object is given. */
  @property({ attribute: 'app-key' }) appKey = '';

  /** Update mode: re-authorize this connection (same id) instead of creating one. */
  @property({ attribute: 'connection-id' }) connectionId = '';

  /** Whether the dialog is shown. Reflected so hosts can style or observe it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Backend base URL for this element (overrides `configure()`). */
  @property({ attribute: 'backend-url' }) backendUrl: string | undefined;

  /** Colour theme: `light`, `dark` or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  @state() private view: ConnectView = { name: 'loading' };
  @state() private fullApp: App | undefined;
  @state() private confirmingDiscard = false;

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly controller = new ClientController(this);
  private readonly announcer = new LiveAnnouncer(this);
  private readonly dialogFocus = new DialogFocus(this, this.announcer);
  private readonly credentials = new CredentialsStep(this);
  private readonly onlineRetry = new OnlineRetry(this);
  private readonly setup = new SetupStep(this, {
    client: () => this.client,
    onEvent: (connection) => this.onFirstEvent(connection),
    announce: (text) => this.announcer.announce(text),
  });
  private readonly oauth = new OAuthStep(this, {
    client: () => this.client,
    onResult: (result) => this.onOAuthResult(result),
  });
  /** The outcome of a redirect-mode flow, shown once the opening's app has loaded. */
  private resumed: OAuthResult | undefined;
  /** Aborted when the dialog closes or the element leaves the page: one per opening. */
  private flowAbort = new AbortController();
  /** The connection this run re-authorizes: `connection-id`, or a duplicate the user chose to update. */
  private targetConnectionId = '';
  private completed = false;
  private pendingCloseReason: ConnectCancelReason = 'user';

  /** Opens the dialog as a modal and starts at the first step. */
  show(): void {
    this.open = true;
  }

  /** True while the native dialog is shown (it closes synchronously in `finish`). */
  private get shown(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Closes the dialog at once (no confirmation). Before success, dispatches `pb-connect-cancel`. */
  close(reason: ConnectCancelReason = 'user'): void {
    if (this.open) this.finish(reason);
  }

  private get client(): PlugboardClient | undefined {
    return this.controller.client;
  }

  private readonly t: Translate = (key, params) => this.controller.t(key, params);

  private get appInfo(): App | AppSummary | undefined {
    return this.fullApp ?? this.app;
  }

  private get method(): AuthMethod | undefined {
    return this.credentials.method;
  }

  private get mode(): ConnectMode {
    return this.targetConnectionId ? 'update' : 'create';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // "Continue in this tab" came back with `?pb_flow=`: core removes it at once, so only the
    // first dialog on the page picks the flow up and shows how it ended.
    void this.client?.resumeRedirectFlow().then((result) => {
      if (result && this.isConnected) this.resume(result);
    });
    // Moved in the page while open: the old run was stopped on disconnect, so start a fresh one.
    if (this.open && this.hasUpdated) this.begin();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page ends everything this opening started: requests, the popup, timers.
    this.flowAbort.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && !this.open && this.shown) {
      // `open` set to false from outside: the same as close().
      this.finish('user');
      return;
    }
    const opened = changed.has('open') && this.open && !this.shown;
    const retargeted =
      this.open &&
      ((changed.has('app') && changed.get('app') !== undefined) ||
        (changed.has('appKey') && Boolean(changed.get('appKey'))) ||
        (changed.has('connectionId') && Boolean(changed.get('connectionId'))));
    if (opened || retargeted) this.begin();
  }

  protected override updated(): void {
    if (this.open && !this.shown) this.dialogFocus.opened(this.dialog);
    if (this.controller.translator) this.dialogFocus.settle();
  }

  override render(): TemplateResult {
    const t = this.t;
    const app = this.appInfo;
    const title = app
      ? t(this.mode === 'update' ? 'dialog.titleUpdate' : 'dialog.title', { app: app.name })
      : t('dialog.titleGeneric');
    return html`<dialog
      part="base"
      class="dialog"
      aria-labelledby="title"
      dir=${this.controller.dir}
      @cancel=${this.onNativeCancel}
      @close=${this.onNativeClose}
      @keydown=${this.onKeydown}
      @click=${this.onDialogClick}
    >
      <div class="panel">
        <header class="header" part="header">
          ${app ? appLogo(app, 32) : nothing}
          <h2 class="title" id="title" part="title">${title}</h2>
          <button
            class="button button--quiet close"
            part="button close-button"
            type="button"
            aria-label=${t('dialog.close')}
            @click=${() => this.requestClose('close-button')}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
              <path d="M6 6l12 12M18 6L6 18"></path>
            </svg>
          </button>
        </header>
        <div class="body" part="body">
          ${
            this.confirmingDiscard
              ? discardConfirmView(
                  t,
                  () => this.finish(this.pendingCloseReason),
                  () => this.keepEditing(),
                )
              : nothing
          }
          <div class="step" ?hidden=${this.confirmingDiscard}>
            ${this.open ? this.renderView() : nothing}
          </div>
        </div>
        ${this.announcer.region()}
      </div>
    </dialog>`;
  }

  private renderView(): TemplateResult {
    const t = this.t;
    const view = this.view;
    const app = this.appInfo;
    if (this.controller.error) return failureView(t, this.controller.error, undefined);
    if (!this.controller.translator) return loadingView(t);
    // A failed load has no app to show yet (only its key): the error must not wait for one.
    if (view.name === 'load-error')
      return failureView(t, view.error, () => this.begin(), this.onlineRetry.waiting);
    if (view.name === 'resume-failed') return failureView(t, view.error, undefined);
    if (!app || view.name === 'loading') return loadingView(t);
    const method = this.method;
    const appName = app.name;
    const retryOAuth = () => this.startOAuth(this.targetConnectionId);
    switch (view.name) {
      case 'unavailable':
        return unavailableView(t, app);
      case 'method':
        return html`${degradedNotice(t, app)}${methodChoiceView({
          t,
          methods: this.fullApp?.authMethods ?? [],
          onChoose: (chosen) => this.chooseMethod(chosen, true),
        })}`;
      case 'oauth-intro':
        return html`${degradedNotice(t, app)}${
          method ? oauthIntroView({ t, appName, method, onContinue: retryOAuth }) : nothing
        }${this.backToMethods()}`;
      case 'oauth-waiting':
        return oauthWaitingView({
          t,
          appName,
          onReopen: () => this.oauth.reopen(),
          onCancel: () => {
            this.oauth.cancel();
            this.setView({ name: 'oauth-intro' });
          },
        });
      case 'oauth-blocked':
        return oauthBlockedView({
          t,
          appName,
          onRedirect: () => this.oauth.redirect(app, this.targetConnectionId),
          onRetry: retryOAuth,
        });
      case 'oauth-declined':
        return oauthDeclinedView({ t, appName, onRetry: retryOAuth });
      case 'oauth-failed':
        return failureView(t, view.error, retryOAuth);
      case 'missing-scopes':
        return missingScopesView({
          t,
          appName,
          method: method ?? { type: 'oauth2', label: '', fields: [], scopes: [] },
          missing: view.scopes,
          list: (items) => this.controller.translator?.list(items) ?? items.join(', '),
          onGrant: () => this.startOAuth(view.connectionId ?? this.targetConnectionId),
        });
      case 'duplicate':
        return duplicateView({
          t,
          appName,
          existing: view.existing,
          onUpdate: () => this.updateDuplicate(view.existing),
          onBack: () =>
            this.setView({ name: method?.type === 'oauth2' ? 'oauth-intro' : 'credentials' }),
        });
      case 'credentials':
        return html`${degradedNotice(t, app)}${method ? this.renderForm(method) : nothing}${this.backToMethods()}`;
      case 'session-expired':
        return sessionExpiredView(t, () => this.restartAfterSessionExpiry());
      case 'setup': {
        const step = this.fullApp ? webhookSetupStep(this.fullApp) : undefined;
        return step
          ? setupView({
              t,
              appName,
              step,
              connection: view.connection,
              copyState: this.setup.copyState,
              onCopy: (input) => void this.setup.copy(input, view.connection, t),
              onContinue: () => void this.runTest(view.connection),
            })
          : loadingView(t);
      }
      case 'testing':
        return testingView(t);
      case 'test-failed':
        return testFailedView(t, view.failure, () => void this.runTest(view.connection));
      case 'success':
        return successView(t, app, view.connection, () => this.finish('user'));
    }
  }

  private renderForm(method: AuthMethod): TemplateResult {
    const t = this.t;
    const form = this.credentials;
    return html`<h3 class="view__title" id="view-title" tabindex="-1">${method.label}</h3>
      ${credentialForm({
        t,
        method,
        values: form.values,
        errors: form.errors,
        revealed: form.revealed,
        sending: form.sending,
        formError: form.formError,
        submitLabel: this.mode === 'update' ? t('dialog.submitUpdate') : t('dialog.submit'),
        onValue: (field, value) => form.setValue(field, value),
        onToggleReveal: (field) => form.toggleReveal(field),
        onSubmit: () => void this.submitCredentials(),
      })}`;
  }

  /** "Back" to the choice of method when the app offers several. */
  private backToMethods(): TemplateResult | typeof nothing {
    if ((this.fullApp?.authMethods.length ?? 0) < 2 || this.connectionId) return nothing;
    return html`<p class="other-methods">
      <button
        class="button button--quiet"
        part="button back"
        type="button"
        @click=${() => this.setView({ name: 'method' })}
      >
        ${this.t('dialog.back')}
      </button>
    </p>`;
  }

  // ——— Opening, loading, closing ———

  private begin(): void {
    this.flowAbort.abort();
    this.flowAbort = new AbortController();
    this.onlineRetry.clear();
    this.oauth.cancel();
    this.setup.stop();
    this.completed = false;
    this.confirmingDiscard = false;
    this.targetConnectionId = this.connectionId;
    this.fullApp = isFullApp(this.app) ? this.app : undefined;
    this.credentials.reset(undefined);
    this.setView({ name: 'loading' });
    this.controller.emit('open', {
      app: this.app?.key ?? (this.appKey || undefined),
      connectionId: this.connectionId || undefined,
      mode: this.mode,
    });
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const signal = this.flowAbort.signal;
    try {
      const existing = this.targetConnectionId
        ? (client.connections.find(this.targetConnectionId) ??
          (await client.connections.get(this.targetConnectionId, { signal })))
        : undefined;
      const key = this.app?.key ?? (this.appKey || existing?.app);
      const resumed = this.resumed;
      this.resumed = undefined;
      if (!key && resumed) {
        this.showResumeFailure(resumed);
        return;
      }
      if (!key)
        throw new PlugboardError(
          'config',
          'connect-dialog needs an app, app-key or connection-id.',
        );
      const app = this.fullApp ?? (await client.getApp(key, { signal }));
      if (signal.aborted) return;
      this.fullApp = app;
      this.onlineRetry.clear();
      this.chooseFirstStep(app, existing);
      const next = resumed && interpretOAuthResult(resumed);
      if (next) this.onOAuthResult(next);
    } catch (caught) {
      const error = asPlugboardError(caught);
      if (signal.aborted || error.code === 'aborted') return;
      this.reportError(error);
      // Back online: load again quietly (no second `open`), from the loading state.
      this.onlineRetry.failed(error, () => {
        this.setView({ name: 'loading' });
        void this.load();
      });
      this.setView({ name: 'load-error', error });
    }
  }

  private chooseFirstStep(app: App, existing: Connection | undefined): void {
    if (app.health.status === 'down') {
      this.setView({ name: 'unavailable' });
      return;
    }
    // Update mode re-authorizes with the method the connection already uses.
    const previous = existing && app.authMethods.find((method) => method.type === existing.method);
    const only = app.authMethods.length === 1 ? app.authMethods[0] : undefined;
    const method = previous ?? only;
    if (method) this.chooseMethod(method, false);
    else this.setView({ name: 'method' });
  }

  private chooseMethod(method: AuthMethod, byUser: boolean): void {
    if (byUser && this.appInfo)
      this.controller.emit('method_chosen', { app: this.appInfo.key, method: method.type });
    if (this.method !== method) this.credentials.reset(method);
    this.setView({ name: method.type === 'oauth2' ? 'oauth-intro' : 'credentials' });
  }

  /** A user's close request: asks first when typed input would be lost. */
  private requestClose(reason: ConnectCancelReason): void {
    if (this.confirmingDiscard) return;
    if (!this.completed && this.credentials.hasUnsavedInput) {
      this.pendingCloseReason = reason;
      this.confirmingDiscard = true;
      this.dialogFocus.moveIntoView();
      return;
    }
    this.finish(reason);
  }

  private keepEditing(): void {
    this.confirmingDiscard = false;
    this.dialogFocus.moveIntoView();
  }

  private finish(reason: ConnectCancelReason): void {
    const lastStep = stepOf(this.view);
    this.flowAbort.abort();
    this.onlineRetry.clear();
    this.oauth.cancel();
    this.setup.stop();
    this.confirmingDiscard = false;
    this.credentials.reset(undefined);
    if (!this.completed) this.dispatchEvent(new ConnectCancelEvent(reason, lastStep));
    this.controller.emit('exit', {
      reason: this.completed
        ? 'completed'
        : reason === 'escape' || reason === 'backdrop'
          ? 'dismissed'
          : 'cancelled',
      lastStep,
      app: this.appInfo?.key,
    });
    this.open = false;
    // Closed now, not at the next render: a show() right after close() starts a fresh run.
    this.dialogFocus.closed(this.dialog);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Handled here rather than by the browser, so a half-filled form can ask before closing.
    event.preventDefault();
    event.stopPropagation();
    if (this.confirmingDiscard) this.keepEditing();
    else this.requestClose('escape');
  };

  private readonly onNativeCancel = (event: Event): void => {
    event.preventDefault();
    this.requestClose('escape');
  };

  /**
   * The browser may close the dialog itself (a repeated Escape): treat it as an Escape. The event
   * arrives a task late, so a dialog closed by us and already shown again is left alone.
   */
  private readonly onNativeClose = (): void => {
    if (this.open && !this.shown) this.finish('escape');
  };

  private readonly onDialogClick = (event: MouseEvent): void => {
    // The panel fills the dialog box, so a click whose target is the dialog itself hit the backdrop.
    if (event.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.requestClose('backdrop');
  };

  private setView(view: ConnectView): void {
    const previous = this.view.name;
    this.view = view;
    if (this.open) this.dialogFocus.moveIntoView();
    if (previous !== view.name)
      this.controller.emit('view_changed', { view: view.name, previousView: previous });
  }

  // ——— Credentials ———

  private async submitCredentials(): Promise<void> {
    const client = this.client;
    const app = this.fullApp;
    const method = this.method;
    if (!client || !app || !method) return;
    if (!this.credentials.sending)
      this.controller.emit('credentials_submitted', { app: app.key, method: method.type });
    const outcome = await this.credentials.submit(
      {
        client,
        appKey: app.key,
        connectionId: this.targetConnectionId,
        signal: this.flowAbort.signal,
      },
      this.t,
    );
    switch (outcome.kind) {
      case 'saved':
        this.afterConnected(outcome.connection);
        return;
      case 'invalid': {
        if (outcome.error) this.reportError(outcome.error);
        await this.updateComplete;
        const first = this.credentials.firstInvalidField;
        if (first) this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
        this.announcer.announce(this.t('error.validation.title'));
        return;
      }
      case 'duplicate':
        this.reportError(outcome.error);
        this.setView({ name: 'duplicate', existing: outcome.existing });
        return;
      case 'failed':
        this.reportError(outcome.error);
        if (outcome.error.code === 'session_expired') this.setView({ name: 'session-expired' });
        return;
      case 'aborted':
        return;
    }
  }

  private restartAfterSessionExpiry(): void {
    const method = this.method;
    if (this.fullApp && method)
      this.setView({ name: method.type === 'oauth2' ? 'oauth-intro' : 'credentials' });
    else this.begin();
  }

  private updateDuplicate(existing: Connection): void {
    this.targetConnectionId = existing.id;
    if (this.method?.type === 'oauth2') {
      this.startOAuth(existing.id);
    } else {
      this.setView({ name: 'credentials' });
      void this.submitCredentials();
    }
  }

  // ——— OAuth ———

  /** Runs synchronously inside the click handler: the popup opens before any await. */
  private startOAuth(connectionId: string): void {
    const app = this.appInfo;
    if (!app) return;
    this.targetConnectionId = connectionId;
    const opened = this.oauth.start(app, connectionId);
    this.setView({ name: opened ? 'oauth-waiting' : 'oauth-blocked' });
  }

  /** Opens on the outcome of a flow that came back to this page by redirect. */
  private resume(result: OAuthResult): void {
    const key =
      result.status === 'succeeded'
        ? result.connection.app
        : result.status === 'failed'
          ? result.app
          : undefined;
    this.resumed = result;
    if (key && key !== this.appInfo?.key) {
      this.app = undefined;
      this.appKey = key;
    }
    // An update that went through the redirect comes back as an update.
    this.connectionId =
      result.status === 'succeeded' || result.status === 'failed'
        ? (result.connectionId ?? '')
        : '';
    if (this.open) this.begin();
    else this.show();
  }

  private showResumeFailure(result: OAuthResult): void {
    const error =
      errorFromOAuthResult(result) ??
      new PlugboardError('flow_failed', 'The sign-in did not finish.');
    this.reportError(error);
    this.setView({ name: 'resume-failed', error });
  }

  private onOAuthResult(result: OAuthStepResult): void {
    switch (result.kind) {
      case 'connected':
        this.afterConnected(result.connection);
        return;
      case 'blocked':
        this.setView({ name: 'oauth-blocked' });
        return;
      case 'cancelled-by-user':
        this.setView({ name: 'oauth-intro' });
        return;
      case 'declined':
        this.reportError(new PlugboardError('flow_failed', 'access_denied'), 'access_denied');
        this.setView({ name: 'oauth-declined' });
        return;
      case 'missing-scopes':
        this.reportError(new PlugboardError('flow_failed', 'missing_scopes'), 'missing_scopes');
        this.setView({
          name: 'missing-scopes',
          scopes: result.scopes,
          connectionId: result.connectionId,
        });
        return;
      case 'duplicate':
        this.reportError(
          new PlugboardError('flow_failed', 'duplicate_account'),
          'duplicate_account',
        );
        this.setView({ name: 'duplicate', existing: result.existing });
        return;
      case 'failed':
        this.reportError(result.error, result.code);
        this.setView(
          result.error.code === 'session_expired'
            ? { name: 'session-expired' }
            : { name: 'oauth-failed', error: result.error },
        );
        return;
    }
  }

  // ——— Setup, test, success ———

  private afterConnected(connection: Connection): void {
    const app = this.fullApp;
    // An update keeps the webhook: ask for setup again only while no event ever arrived.
    const needsSetup =
      app !== undefined &&
      webhookSetupStep(app) !== undefined &&
      connection.setup !== null &&
      !(this.mode === 'update' && connection.setup.lastEventAt);
    if (!needsSetup) {
      void this.runTest(connection);
      return;
    }
    this.setView({ name: 'setup', connection });
    this.setup.watch(connection);
  }

  private onFirstEvent(connection: Connection): void {
    if (this.view.name !== 'setup') return;
    this.view = { name: 'setup', connection };
    this.announcer.announce(this.t('dialog.firstEventReceived'));
  }

  private async runTest(connection: Connection): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.setup.stop();
    this.setView({ name: 'testing', connection });
    const signal = this.flowAbort.signal;
    try {
      const result = await client.connections.test(connection.id, { signal });
      if (signal.aborted) return;
      if (result.ok) {
        this.succeed(result.connection);
        return;
      }
      this.reportError(new PlugboardError('http', result.message), 'test_failed');
      this.setView({
        name: 'test-failed',
        connection: result.connection,
        failure: { message: result.message },
      });
    } catch (caught) {
      const error = asPlugboardError(caught);
      if (signal.aborted || error.code === 'aborted') return;
      this.reportError(error);
      this.setView({ name: 'test-failed', connection, failure: { error } });
    }
  }

  private succeed(connection: Connection): void {
    const app = this.appInfo;
    if (!app) return;
    this.completed = true;
    this.setView({ name: 'success', connection });
    this.controller.emit('connect_success', {
      app: app.key,
      connectionId: connection.id,
      method: connection.method,
      mode: this.mode,
    });
    this.dispatchEvent(new ConnectSuccessEvent(connection, app, this.mode));
  }

  private reportError(error: PlugboardError, code: ConnectErrorCode = errorCodeOf(error)): void {
    const app = this.appInfo;
    if (app) {
      this.controller.emit('connect_error', {
        app: app.key,
        code,
        ...(this.method ? { method: this.method.type } : {}),
        ...(error.requestId ? { requestId: error.requestId } : {}),
      });
    }
    this.dispatchEvent(new ConnectErrorEvent(code, app, error.requestId));
  }
}

function isFullApp(app: App | AppSummary | undefined): app is App {
  return app !== undefined && 'authMethods' in app && Array.isArray(app.authMethods);
}

function errorCodeOf(error: PlugboardError): ConnectErrorCode {
  return error instanceof HttpError ? error.problem.code : error.code;
}
