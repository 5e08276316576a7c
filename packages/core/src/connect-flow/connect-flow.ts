// The connect flow as a state machine, free of any UI: begin → load the app → choose a method →
// credentials or OAuth (popup, blocked, continue in this tab, back from a redirect) → setup →
// automatic test → success, with errors, retries and update mode. <connect-dialog> draws its state
// and forwards the user's actions; a host could draw it with anything else.
import type { App, AppSummary, AuthMethod, Connection, FieldValues } from '@plugboard/contract';
import { PlugboardError, toPlugboardError } from '../errors.js';
import type { ExitReason, PlugboardEventDetails, PlugboardEventName } from '../events.js';
import { errorFromOAuthResult } from '../oauth/flow-result.js';
import type { OAuthFlowHandle, OAuthResult } from '../oauth/oauth-types.js';
import type {
  ConnectCancelReason,
  ConnectErrorCode,
  ConnectFlowNotice,
  ConnectFlowOptions,
  ConnectFlowState,
  ConnectTarget,
} from './connect-flow-types.js';
import { isFailureView, stepOf, webhookSetupStep, type ConnectView } from './connect-view.js';
import { IdempotencyKeys, interpretRefusal } from './credentials-outcome.js';
import {
  errorCodeOf,
  interpretOAuthResult,
  redirectTarget,
  type OAuthOutcome,
} from './oauth-outcome.js';

type StateFields = Omit<ConnectFlowState, 'app' | 'mode' | 'canChangeMethod'>;

const CLOSED: StateFields = {
  open: false,
  view: { name: 'loading' },
  viewEntry: 0,
  fullApp: undefined,
  method: undefined,
  connectionId: '',
  sending: false,
  formError: undefined,
  confirmingDiscard: false,
  completed: false,
};

/**
 * One connect flow at a time. `begin()` starts a run; everything a run starts (requests, the OAuth
 * popup) ends with it, and results that arrive after the run was closed or replaced are ignored.
 */
export class ConnectFlow {
  #state: ConnectFlowState;
  #target: ConnectTarget = {};
  /** Aborted when the run ends: one per opening. */
  #run = new AbortController();
  #oauth: OAuthFlowHandle | undefined;
  /** A redirect-mode outcome, shown once the next run has loaded its app. */
  #resumed: OAuthResult | undefined;
  #closeReason: ConnectCancelReason = 'user';
  readonly #idempotencyKeys = new IdempotencyKeys();

  constructor(private readonly options: ConnectFlowOptions) {
    this.#state = withDerived(CLOSED, {});
  }

  get state(): ConnectFlowState {
    return this.#state;
  }

  // ——— Opening, loading, closing ———

  /** Starts a run for `target` at the loading view, ending any run before it. */
  begin(target: ConnectTarget): void {
    this.#endRun();
    this.#run = new AbortController();
    this.#target = target;
    this.#idempotencyKeys.forget();
    this.options.form.reset(undefined);
    this.#emit('open', {
      app: target.app?.key ?? (target.appKey || undefined),
      connectionId: target.connectionId || undefined,
      mode: target.connectionId ? 'update' : 'create',
    });
    this.#enter(
      { name: 'loading' },
      {
        open: true,
        completed: false,
        confirmingDiscard: false,
        connectionId: target.connectionId ?? '',
        fullApp: isFullApp(target.app) ? target.app : undefined,
        method: undefined,
        sending: false,
        formError: undefined,
      },
    );
    void this.#load(this.#run);
  }

  /** "Try again" after a failed load: a new run for the same target. */
  restart(): void {
    this.begin(this.#target);
  }

  /** Back online after a failed load: loads again in the same run (no second `open`). */
  reload(): void {
    if (this.#state.view.name !== 'load-error') return;
    this.#enter({ name: 'loading' });
    void this.#load(this.#run);
  }

  /**
   * A flow that came back to this page by redirect: kept for the next `begin()`, which opens on
   * its outcome. Returns what that run is about, for the host to begin with.
   */
  resume(result: OAuthResult): ReturnType<typeof redirectTarget> {
    this.#resumed = result;
    return redirectTarget(result);
  }

  /** A user's close: asks first (`confirmingDiscard`) when typed input would be lost. */
  requestClose(reason: ConnectCancelReason): void {
    if (!this.#state.open || this.#state.confirmingDiscard) return;
    if (!this.#state.completed && this.options.form.hasUnsavedInput) {
      this.#closeReason = reason;
      this.#set({ confirmingDiscard: true });
      return;
    }
    this.close(reason);
  }

  confirmDiscard(): void {
    if (this.#state.confirmingDiscard) this.close(this.#closeReason);
  }

  keepEditing(): void {
    this.#set({ confirmingDiscard: false });
  }

  /**
   * Closes at once, without asking. Before success this is a cancel; on a failure the user saw
   * (a failure view, or a form whose send failed) the flow's `exit` says it ended in an error.
   * A host that takes the flow's view off the page closes it with `removed`.
   */
  close(reason: ConnectCancelReason = 'user'): void {
    if (!this.#state.open) return;
    const { completed, view, formError } = this.#state;
    const lastStep = stepOf(view);
    const app = this.#appKey();
    const failed = isFailureView(view) || (view.name === 'credentials' && formError !== undefined);
    this.#endRun();
    this.options.form.reset(undefined);
    this.#set({
      open: false,
      confirmingDiscard: false,
      method: undefined,
      sending: false,
      formError: undefined,
    });
    if (!completed) this.#notify({ type: 'cancel', reason, lastStep });
    this.#emit('exit', { reason: exitReason(reason, completed, failed), lastStep, app });
    this.#notify({ type: 'closed', reason, lastStep, completed });
  }

  async #load(run: AbortController): Promise<void> {
    const client = this.options.client();
    if (!client) return;
    const { signal } = run;
    const connectionId = this.#state.connectionId;
    try {
      const existing = connectionId
        ? (client.connections.find(connectionId) ??
          (await client.connections.get(connectionId, { signal })))
        : undefined;
      const key = this.#target.app?.key ?? (this.#target.appKey || existing?.app);
      const resumed = this.#resumed;
      this.#resumed = undefined;
      if (!key && resumed) {
        this.#showResumeFailure(resumed);
        return;
      }
      if (!key)
        throw new PlugboardError(
          'config',
          'connect-dialog needs an app, app-key or connection-id.',
        );
      const app = this.#state.fullApp ?? (await client.getApp(key, { signal }));
      if (signal.aborted) return;
      this.#set({ fullApp: app });
      this.#chooseFirstStep(app, existing);
      const next = resumed && interpretOAuthResult(resumed);
      if (next) this.#onOAuthOutcome(next);
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (signal.aborted || error.code === 'aborted') return;
      this.#report(error);
      this.#enter({ name: 'load-error', error });
    }
  }

  #chooseFirstStep(app: App, existing: Connection | undefined): void {
    if (app.health.status === 'down') {
      this.#enter({ name: 'unavailable' });
      return;
    }
    // Update mode re-authorizes with the method the connection already uses.
    const previous = existing && app.authMethods.find((method) => method.type === existing.method);
    const only = app.authMethods.length === 1 ? app.authMethods[0] : undefined;
    const method = previous ?? only;
    if (method) this.#selectMethod(method);
    else this.#enter({ name: 'method' });
  }

  #showResumeFailure(result: OAuthResult): void {
    const error =
      errorFromOAuthResult(result) ??
      new PlugboardError('flow_failed', 'The sign-in did not finish.');
    this.#report(error);
    this.#enter({ name: 'resume-failed', error });
  }

  // ——— Choice of method ———

  /** The user chose how to connect. */
  chooseMethod(method: AuthMethod): void {
    const app = this.#state.app;
    if (app) this.#emit('method_chosen', { app: app.key, method: method.type });
    this.#selectMethod(method);
  }

  /** "Back" to the choice of method. */
  backToMethods(): void {
    if (this.#state.canChangeMethod) this.#enter({ name: 'method' });
  }

  #selectMethod(method: AuthMethod): void {
    if (this.#state.method !== method) {
      this.options.form.reset(method);
      this.#idempotencyKeys.forget();
      this.#set({ method, formError: undefined });
    }
    this.#enterMethodStart();
  }

  /** The first view of the chosen method: the OAuth explanation or the credential form. */
  #enterMethodStart(): void {
    this.#enter({ name: this.#state.method?.type === 'oauth2' ? 'oauth-intro' : 'credentials' });
  }

  // ——— Credentials ———

  /** Sends the form (when its own checks pass) to create, or update, the connection. */
  submitCredentials(): void {
    const { fullApp: app, method, sending } = this.#state;
    if (!app || !method || sending) return;
    this.#emit('credentials_submitted', { app: app.key, method: method.type });
    const fields = this.options.form.submit();
    if (fields) void this.#sendCredentials(app, method, fields);
  }

  async #sendCredentials(app: App, method: AuthMethod, fields: FieldValues): Promise<void> {
    const client = this.options.client();
    if (!client) return;
    const run = this.#run;
    const { signal } = run;
    const connectionId = this.#state.connectionId;
    this.#set({ sending: true, formError: undefined });
    try {
      const connection = connectionId
        ? await client.connections.update(connectionId, { method: method.type, fields }, { signal })
        : await client.connections.create(
            { app: app.key, method: method.type, fields },
            { signal, idempotencyKey: this.#idempotencyKeys.for(fields) },
          );
      if (!this.#isCurrent(run)) return;
      // Secrets leave memory and the inputs as soon as the backend holds them.
      this.#idempotencyKeys.forget();
      this.options.form.reset(method);
      this.#set({ sending: false });
      this.#afterConnected(connection);
    } catch (caught) {
      if (!this.#isCurrent(run)) return;
      this.#set({ sending: false });
      const error = toPlugboardError(caught);
      if (error.code !== 'aborted') this.#credentialsRefused(error, method);
    }
  }

  #credentialsRefused(error: PlugboardError, method: AuthMethod): void {
    const refusal = interpretRefusal(error, method);
    switch (refusal.kind) {
      case 'duplicate':
        this.#report(error);
        this.#enter({ name: 'duplicate', existing: refusal.existing });
        return;
      case 'fields':
        this.options.form.showFieldErrors(refusal.errors);
        this.#report(error);
        return;
      case 'session-expired':
        this.#report(error);
        this.#enter({ name: 'session-expired' });
        return;
      case 'failed':
        this.#set({ formError: error });
        this.#report(error);
        return;
    }
  }

  /** "Start again" after the session could not be renewed: back to the method, input kept. */
  restartAfterSessionExpiry(): void {
    if (this.#state.fullApp && this.#state.method) this.#enterMethodStart();
    else this.restart();
  }

  /** "Update it instead" of connecting the same account twice. */
  updateDuplicate(): void {
    const view = this.#state.view;
    if (view.name !== 'duplicate') return;
    this.#set({ connectionId: view.existing.id });
    if (this.#state.method?.type === 'oauth2') {
      this.startOAuth(view.existing.id);
    } else {
      this.#enter({ name: 'credentials' });
      this.submitCredentials();
    }
  }

  /** Back from the duplicate view to the method's start. */
  dismissDuplicate(): void {
    if (this.#state.view.name === 'duplicate') this.#enterMethodStart();
  }

  // ——— OAuth ———

  /**
   * Opens the popup and starts the flow. Synchronous: call it inside the click handler, so the
   * popup opens before any await.
   */
  startOAuth(connectionId = this.#state.connectionId): void {
    const app = this.#state.app;
    if (!this.#state.open || !app) return;
    this.#cancelOAuth();
    this.#set({ connectionId });
    const handle = this.options.client()?.startOAuth(app, {
      mode: 'popup',
      ...(connectionId ? { connectionId } : {}),
    });
    if (handle) this.#watchOAuth(handle);
    this.#enter({ name: handle?.popupOpened ? 'oauth-waiting' : 'oauth-blocked' });
  }

  /** "Open the window again": must run inside a click handler. */
  reopenPopup(): void {
    this.#oauth?.reopen();
  }

  /** Cancel while waiting for the popup: the popup closes, back to the explanation. */
  cancelOAuth(): void {
    this.#cancelOAuth();
    this.#enter({ name: 'oauth-intro' });
  }

  /** "Continue in this tab": the page goes to the provider and comes back with the outcome. */
  continueInThisTab(): void {
    const app = this.#state.app;
    if (!this.#state.open || !app) return;
    this.#cancelOAuth();
    const connectionId = this.#state.connectionId;
    const handle = this.options.client()?.startOAuth(app, {
      mode: 'redirect',
      ...(connectionId ? { connectionId } : {}),
    });
    // Only a failure to start is shown: on success the tab is already leaving.
    if (handle) this.#watchOAuth(handle);
  }

  /** "Grant the missing access": OAuth again on the connection that lacks it. */
  grantMissingScopes(): void {
    const view = this.#state.view;
    if (view.name === 'missing-scopes')
      this.startOAuth(view.connectionId ?? this.#state.connectionId);
  }

  #watchOAuth(handle: OAuthFlowHandle): void {
    this.#oauth = handle;
    void handle.result.then((result) => {
      // A flow that was cancelled or replaced has nothing more to say.
      if (this.#oauth !== handle) return;
      this.#oauth = undefined;
      const next = interpretOAuthResult(result);
      if (next) this.#onOAuthOutcome(next);
    });
  }

  #cancelOAuth(): void {
    const handle = this.#oauth;
    this.#oauth = undefined;
    handle?.cancel();
  }

  #onOAuthOutcome(outcome: OAuthOutcome): void {
    switch (outcome.kind) {
      case 'connected':
        this.#afterConnected(outcome.connection);
        return;
      case 'blocked':
        this.#enter({ name: 'oauth-blocked' });
        return;
      case 'cancelled-by-user':
        this.#enter({ name: 'oauth-intro' });
        return;
      case 'declined':
        this.#report(new PlugboardError('flow_failed', 'access_denied'), 'access_denied');
        this.#enter({ name: 'oauth-declined' });
        return;
      case 'missing-scopes':
        this.#report(new PlugboardError('flow_failed', 'missing_scopes'), 'missing_scopes');
        this.#enter({
          name: 'missing-scopes',
          scopes: outcome.scopes,
          connectionId: outcome.connectionId,
        });
        return;
      case 'duplicate':
        this.#report(new PlugboardError('flow_failed', 'duplicate_account'), 'duplicate_account');
        this.#enter({ name: 'duplicate', existing: outcome.existing });
        return;
      case 'failed':
        this.#report(outcome.error, outcome.code);
        this.#enter(
          outcome.error.code === 'session_expired'
            ? { name: 'session-expired' }
            : { name: 'oauth-failed', error: outcome.error },
        );
        return;
    }
  }

  // ——— Setup, test, success ———

  #afterConnected(connection: Connection): void {
    const step = this.#state.fullApp && webhookSetupStep(this.#state.fullApp);
    // An update keeps the webhook: ask for setup again only while no event ever arrived.
    const needsSetup =
      step !== undefined &&
      connection.setup !== null &&
      !(this.#state.mode === 'update' && connection.setup.lastEventAt);
    if (needsSetup) this.#enter({ name: 'setup', connection, step });
    else void this.#test(connection);
  }

  /**
   * The setup view's connection received its first webhook event (the host watches for it).
   * Returns false when the flow has moved on, so the news is stale.
   */
  firstEventReceived(connection: Connection): boolean {
    const view = this.#state.view;
    if (view.name !== 'setup' || view.connection.id !== connection.id) return false;
    this.#set({ view: { ...view, connection } });
    return true;
  }

  /** The user copied the setup view's webhook URL. */
  setupUrlCopied(): void {
    const view = this.#state.view;
    if (view.name !== 'setup') return;
    this.#emit('setup_url_copied', {
      app: view.connection.app,
      connectionId: view.connection.id,
    });
  }

  /**
   * After a test the service failed (a rejected key, an expired sign-in): enter the details or
   * sign in again, as an update of the connection just saved rather than a second one.
   */
  reauthorize(): void {
    const view = this.#state.view;
    if (view.name !== 'test-failed') return;
    this.#set({ connectionId: view.connection.id });
    this.#enterMethodStart();
  }

  /** "Continue" after setup, or "Test again" after a failed test. */
  runTest(): void {
    const view = this.#state.view;
    if (view.name === 'setup' || view.name === 'test-failed') void this.#test(view.connection);
  }

  async #test(connection: Connection): Promise<void> {
    const client = this.options.client();
    if (!client) return;
    const run = this.#run;
    this.#enter({ name: 'testing', connection });
    try {
      const result = await client.connections.test(connection.id, { signal: run.signal });
      if (!this.#isCurrent(run)) return;
      if (result.ok) {
        this.#succeed(result.connection);
        return;
      }
      // The backend recorded the failure on the connection, with its request's id for support.
      const requestId = result.connection.lastError?.requestId;
      this.#report(new PlugboardError('http', result.message, { requestId }), 'test_failed');
      this.#enter({
        name: 'test-failed',
        connection: result.connection,
        failure: { message: result.message },
      });
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (!this.#isCurrent(run) || error.code === 'aborted') return;
      this.#report(error);
      this.#enter({ name: 'test-failed', connection, failure: { error } });
    }
  }

  #succeed(connection: Connection): void {
    const app = this.#state.app;
    if (!app) return;
    this.#set({ completed: true });
    this.#enter({ name: 'success', connection });
    const { mode } = this.#state;
    this.#emit('connect_success', {
      app: app.key,
      connectionId: connection.id,
      method: connection.method,
      mode,
    });
    this.#notify({ type: 'success', connection, app, mode });
  }

  // ——— Plumbing ———

  #report(error: PlugboardError, code: ConnectErrorCode = errorCodeOf(error)): void {
    const { app, method } = this.#state;
    const appKey = this.#appKey();
    if (appKey) {
      this.#emit('connect_error', {
        app: appKey,
        code,
        ...(method ? { method: method.type } : {}),
        ...(error.requestId ? { requestId: error.requestId } : {}),
      });
    }
    this.#notify({ type: 'error', code, app, error });
  }

  /** Enters `view` (a new step, even with the same name) and reports a change of name. */
  #enter(view: ConnectView, patch: Partial<StateFields> = {}): void {
    const previous = this.#state.view.name;
    this.#set({ ...patch, view, viewEntry: this.#state.viewEntry + 1 });
    if (previous !== view.name)
      this.#emit('view_changed', { view: view.name, previousView: previous });
  }

  #set(patch: Partial<StateFields>): void {
    const previous = this.#state;
    this.#state = withDerived({ ...previous, ...patch }, this.#target);
    this.options.onChange(this.#state, previous);
  }

  #notify(notice: ConnectFlowNotice): void {
    this.options.onNotice(notice);
  }

  #emit<N extends PlugboardEventName>(name: N, detail: PlugboardEventDetails[N]): void {
    this.options.client()?.events.emit(name, detail);
  }

  /** The app as far as it is known: loaded, given, or only its key (a load that failed). */
  #appKey(): string | undefined {
    return this.#state.app?.key ?? (this.#target.appKey || undefined);
  }

  #isCurrent(run: AbortController): boolean {
    return run === this.#run && !run.signal.aborted;
  }

  #endRun(): void {
    this.#run.abort();
    this.#cancelOAuth();
  }
}

function exitReason(reason: ConnectCancelReason, completed: boolean, failed: boolean): ExitReason {
  if (completed) return 'completed';
  if (failed) return 'error';
  return reason === 'escape' || reason === 'backdrop' ? 'dismissed' : 'cancelled';
}

function withDerived(fields: StateFields, target: ConnectTarget): ConnectFlowState {
  return {
    ...fields,
    app: fields.fullApp ?? target.app,
    mode: fields.connectionId ? 'update' : 'create',
    canChangeMethod: (fields.fullApp?.authMethods.length ?? 0) >= 2 && !target.connectionId,
  };
}

function isFullApp(app: App | AppSummary | undefined): app is App {
  return app !== undefined && 'authMethods' in app && Array.isArray(app.authMethods);
}
