// OAuth 2.0 authorization code flows with PKCE (S256), run by the backend: start (state and
// verifier kept server-side), the start URL that binds the flow to the browser opening it (see
// browser-binding.ts), status with long-polling, and the provider's callback (single-use state,
// same browser, code exchange, identity, scope and duplicate checks, storing the connection).
import type {
  App,
  OAuthCallbackMessage,
  OAuthFlow,
  OAuthFlowStart,
  StartOAuthFlowRequest,
} from '@plugboard/contract';
import { REDIRECT_FLOW_PARAM } from '@plugboard/contract';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { ConnectionRepository } from '../connections/connection-repository.js';
import { oauthMethodOf, type ConnectionService } from '../connections/connection-service.js';
import { randomId, randomToken } from '../crypto/random.js';
import { ApiError, notFound } from '../http/api-error.js';
import type { UsageLimits } from '../limits/usage-limits.js';
import type { ProviderClient } from '../provider/provider-client.js';
import { canonicalOrigin } from '../sessions/origins.js';
import { allowsApp, type SessionRecord } from '../sessions/session-record.js';
import type { SessionStore } from '../sessions/session-store.js';
import type { Translator } from '@plugboard/core/messages';
import { callbackTranslator, englishTranslator, flowErrorText } from './callback-messages.js';
import { renderCallbackPage, renderPlainPage, type CallbackPage } from './callback-page.js';
import type { FlowNotifier } from './flow-notifier.js';
import type { FlowError, FlowRecord } from './flow-record.js';
import type { FlowRepository } from './flow-repository.js';
import {
  FLOW_START_WINDOW_MS,
  isSameBrowser,
  newBrowserBinding,
  stateForStartSecret,
} from './browser-binding.js';
import { codeChallengeS256, createCodeVerifier } from './pkce.js';

const FLOW_TTL_MS = 10 * 60 * 1000;
/** A long-poll's slot outlives its wait a little, in case the instance dies while holding it. */
const LONG_POLL_SLOT_SLACK_MS = 5000;

export interface OAuthServiceDeps {
  catalog: CatalogService;
  connections: ConnectionService;
  connectionRepository: ConnectionRepository;
  flows: FlowRepository;
  limits: UsageLimits;
  sessions: SessionStore;
  notifier: FlowNotifier;
  /** The client of the service behind an app. */
  provider: (appKey: string) => ProviderClient;
  publicUrl: string;
  now: () => number;
}

/** What the route does with a flow's browser binding cookie (see browser-binding.ts). */
export type BindingCookie =
  { flowId: string; set: string; maxAgeSeconds: number } | { flowId: string; clear: true };

/** The answer to a browser at the start URL or the callback: a page or a redirect. */
export type BrowserOutcome = (
  | { kind: 'page'; status: 200 | 400 | 403; page: CallbackPage }
  | { kind: 'redirect'; location: string }
) & { cookie?: BindingCookie };

/** Reads a flow's binding cookie from the request. */
export type BindingReader = (flowId: string) => string | undefined;

export class OAuthService {
  constructor(private readonly deps: OAuthServiceDeps) {}

  get redirectUri(): string {
    return `${this.deps.publicUrl}/v1/oauth/callback`;
  }

  async start(session: SessionRecord, request: StartOAuthFlowRequest): Promise<OAuthFlowStart> {
    const { catalog, connections, now } = this.deps;
    const app = catalog.get(session, request.app);
    oauthMethodOf(app); // 400 for an app that does not sign in with OAuth
    catalog.assertAvailable(app);
    if (!session.allowedOrigins.includes(request.openerOrigin)) {
      throw new ApiError(
        403,
        'forbidden_origin',
        'The opener origin is not allowed for this session.',
      );
    }
    const returnUrl =
      request.mode === 'redirect' ? this.checkReturnUrl(session, request.returnUrl) : null;
    // Update mode re-authorizes a connection of this same app (404 when it is not the user's).
    const target = request.connectionId
      ? await connections.get(session, request.connectionId)
      : null;
    if (target && target.app !== app.key) {
      throw new ApiError(400, 'bad_request', 'The connection belongs to another app.');
    }
    await this.deps.limits.pendingFlow(session);
    const startSecret = randomToken(32);
    const codeVerifier = createCodeVerifier();
    const createdAt = now();
    const flow: FlowRecord = {
      id: randomId('flw_'),
      sessionId: session.id,
      userId: session.userId,
      app: app.key,
      connectionId: request.connectionId ?? null,
      mode: request.mode,
      openerOrigin: request.openerOrigin,
      returnUrl,
      sealedVerifier: '',
      status: 'pending',
      error: null,
      resultConnectionId: null,
      stateUsedAt: null,
      browserBindingHash: null,
      // A flow never outlives the session that started it.
      expiresAt: Math.min(createdAt + FLOW_TTL_MS, session.expiresAt),
      createdAt,
    };
    await this.deps.flows.insert(flow, stateForStartSecret(startSecret), codeVerifier);
    const startUrl = new URL(`${this.deps.publicUrl}/v1/oauth/start/${flow.id}`);
    startUrl.searchParams.set('secret', startSecret);
    return {
      flowId: flow.id,
      authorizeUrl: startUrl.toString(),
      expiresAt: new Date(flow.expiresAt).toISOString(),
    };
  }

  async get(
    session: SessionRecord,
    flowId: string,
    waitSeconds: number,
    signal?: AbortSignal,
  ): Promise<OAuthFlow> {
    const { notifier, now } = this.deps;
    let flow = await this.load(session, flowId);
    const deadline = Math.min(now() + waitSeconds * 1000, flow.expiresAt);
    if (flow.status !== 'pending' || deadline <= now()) return this.toWire(session, flow);
    const release = await this.deps.limits.holdLongPoll(
      session,
      deadline + LONG_POLL_SLOT_SLACK_MS,
    );
    try {
      // Woken by the flow's notice; re-reads it now and then in case a notice was lost.
      while (flow.status === 'pending' && now() < deadline && !signal?.aborted) {
        const wait = Math.min(deadline - now(), notifier.pollFallbackMs);
        await notifier.waitForChange(flowId, wait, signal);
        flow = await this.load(session, flowId);
      }
    } finally {
      await release();
    }
    return this.toWire(session, flow);
  }

  /**
   * The start URL, opened in the popup or the tab: the first opening binds the flow to that
   * browser (`cookie.set`) and redirects to the provider; the same browser may open it again
   * (the popup reopened); another browser fails the flow. `acceptLanguage` picks the page's
   * language.
   */
  async openStart(
    flowId: string,
    startSecret: string | undefined,
    readBinding: BindingReader,
    acceptLanguage?: string,
  ): Promise<BrowserOutcome> {
    const { flows, now } = this.deps;
    const t = await callbackTranslator(acceptLanguage);
    const state = startSecret ? stateForStartSecret(startSecret) : null;
    const flow = state ? await flows.findByUnusedState(state) : null;
    if (!state || !flow || flow.id !== flowId) return this.invalidLinkPage(t);
    const app = this.deps.catalog.find(flow.app);
    const toProvider = (): BrowserOutcome => ({
      kind: 'redirect',
      location: this.deps.provider(app.key).authorizeUrl({
        state,
        codeChallenge: codeChallengeS256(flows.openVerifier(flow)),
        redirectUri: this.redirectUri,
      }),
    });
    if ((await this.expireIfDue(flow)) || flow.status !== 'pending') {
      return { ...this.invalidLinkPage(t), cookie: { flowId: flow.id, clear: true } };
    }
    if (flow.browserBindingHash === null) {
      if (now() - flow.createdAt > FLOW_START_WINDOW_MS) {
        await this.expire(flow);
        return this.invalidLinkPage(t);
      }
      const binding = newBrowserBinding();
      if (await flows.bindBrowser(flow.id, binding.hash)) {
        const maxAgeSeconds = Math.ceil((flow.expiresAt - now()) / 1000);
        return { ...toProvider(), cookie: { flowId: flow.id, set: binding.value, maxAgeSeconds } };
      }
      // Another opening bound it a moment earlier: compare with that one.
      flow.browserBindingHash = (await flows.findById(flow.id))?.browserBindingHash ?? null;
    }
    if (isSameBrowser(flow.browserBindingHash, readBinding(flow.id))) return toProvider();
    await this.fail(flow, app, 'browser_mismatch');
    return this.otherBrowserPage(t, app);
  }

  /**
   * The provider's redirect. Connects only in the browser the start URL bound the flow to;
   * `acceptLanguage` picks the language of the page the popup shows.
   */
  async handleCallback(
    query: { state?: string; code?: string; error?: string },
    readBinding: BindingReader,
    acceptLanguage?: string,
  ): Promise<BrowserOutcome> {
    const { flows, now } = this.deps;
    const t = await callbackTranslator(acceptLanguage);
    const flow = query.state ? await flows.consumeState(query.state, now()) : null;
    if (!flow) return this.invalidLinkPage(t);
    const app = this.deps.catalog.find(flow.app);
    const cookie: BindingCookie = { flowId: flow.id, clear: true };
    if (!isSameBrowser(flow.browserBindingHash, readBinding(flow.id))) {
      // Another browser: it learns nothing about the flow and is never sent to the host page.
      if (!(await this.expireIfDue(flow)) && flow.status === 'pending') {
        await this.fail(flow, app, 'browser_mismatch');
      }
      return { ...this.otherBrowserPage(t, app), cookie };
    }
    if ((await this.expireIfDue(flow)) || flow.status !== 'pending') {
      return { ...this.respond(flow, app, 400, t), cookie };
    }
    if (!(await this.deps.sessions.isActive(flow.sessionId))) {
      await this.fail(flow, app, 'state_invalid');
    } else if (query.error) {
      await this.fail(
        flow,
        app,
        query.error === 'access_denied' ? 'access_denied' : 'provider_error',
      );
    } else if (!query.code) {
      await this.fail(flow, app, 'provider_error');
    } else {
      await this.complete(flow, app, query.code);
    }
    return { ...this.respond(flow, app, 200, t), cookie };
  }

  private async complete(flow: FlowRecord, app: App, code: string): Promise<void> {
    const client = this.deps.provider(app.key);
    let codeVerifier: string;
    try {
      codeVerifier = this.deps.flows.openVerifier(flow);
    } catch {
      return this.fail(flow, app, 'state_invalid');
    }
    const exchange = await client.exchangeCode(code, codeVerifier, this.redirectUri);
    if (exchange.outcome !== 'ok') return this.fail(flow, app, 'exchange_failed');
    const me = await client.whoAmI({ type: 'oauth', tokens: exchange.tokens });
    if (me.outcome !== 'ok') return this.fail(flow, app, 'provider_error');
    const tokens = exchange.tokens;
    if (tokens.scopes.length === 0 && me.identity.scopes) tokens.scopes = me.identity.scopes;
    const result = await this.deps.connections.connectOAuth(
      { userId: flow.userId },
      app,
      tokens,
      me.identity,
      flow.connectionId,
    );
    if (result.outcome === 'missing_scopes') {
      return this.fail(flow, app, 'missing_scopes', result.missingScopes);
    }
    flow.resultConnectionId = result.connection.id;
    if (result.outcome === 'duplicate') return this.fail(flow, app, 'duplicate_account');
    flow.status = 'succeeded';
    await this.save(flow);
  }

  private async fail(
    flow: FlowRecord,
    app: App,
    code: FlowError['code'],
    missingScopes?: string[],
  ): Promise<void> {
    flow.status = 'failed';
    flow.error = { code, message: flowErrorText(englishTranslator, code, app.name) };
    if (missingScopes) flow.error.missingScopes = missingScopes;
    await this.save(flow);
  }

  private async save(flow: FlowRecord): Promise<void> {
    await this.deps.flows.finish(flow);
    await this.deps.notifier.notify(flow.id);
  }

  private invalidLinkPage(t: Translator): BrowserOutcome {
    const page = renderPlainPage(t, t.t('callback.invalidStateTitle'), [
      t.t('callback.expired'),
      t.t('callback.youCanClose'),
    ]);
    return { kind: 'page', status: 400, page };
  }

  private otherBrowserPage(t: Translator, app: App): BrowserOutcome {
    const page = renderPlainPage(t, t.t('callback.otherBrowserTitle'), [
      flowErrorText(t, 'browser_mismatch', app.name),
      t.t('callback.otherBrowserAdvice'),
    ]);
    return { kind: 'page', status: 403, page };
  }

  private respond(flow: FlowRecord, app: App, status: 200 | 400, t: Translator): BrowserOutcome {
    if (flow.mode === 'redirect' && flow.returnUrl) {
      const location = new URL(flow.returnUrl);
      location.searchParams.set(REDIRECT_FLOW_PARAM, flow.id);
      return { kind: 'redirect', location: location.toString() };
    }
    const message: OAuthCallbackMessage = {
      source: 'plugboard',
      flowId: flow.id,
      status: flow.status === 'pending' ? 'expired' : flow.status,
    };
    const succeeded = flow.status === 'succeeded';
    const title = t.t(succeeded ? 'callback.succeededTitle' : 'callback.failedTitle');
    const detail = succeeded
      ? t.t('callback.succeededBody', { app: app.name })
      : flowErrorText(t, flow.error?.code ?? 'state_invalid', app.name);
    const page = renderCallbackPage(t, {
      message,
      openerOrigin: flow.openerOrigin,
      title,
      paragraphs: [detail, t.t('callback.youCanClose')],
    });
    return { kind: 'page', status, page };
  }

  /** Marks a pending flow past its deadline as expired; true when it did. */
  private async expireIfDue(flow: FlowRecord): Promise<boolean> {
    if (flow.status !== 'pending' || flow.expiresAt > this.deps.now()) return false;
    await this.expire(flow);
    return true;
  }

  private async expire(flow: FlowRecord): Promise<void> {
    flow.status = 'expired';
    await this.save(flow);
  }

  private async load(session: SessionRecord, flowId: string): Promise<FlowRecord> {
    const flow = await this.deps.flows.findById(flowId);
    // Another user's flow, or one for an app outside the session's list, is like a missing one.
    if (!flow || flow.userId !== session.userId || !allowsApp(session, flow.app)) {
      throw notFound('The flow');
    }
    await this.expireIfDue(flow);
    return flow;
  }

  private async toWire(session: SessionRecord, flow: FlowRecord): Promise<OAuthFlow> {
    const wire: OAuthFlow = {
      flowId: flow.id,
      app: flow.app,
      status: flow.status,
      mode: flow.mode,
      expiresAt: new Date(flow.expiresAt).toISOString(),
    };
    if (flow.connectionId) wire.connectionId = flow.connectionId;
    if (flow.resultConnectionId) {
      const record = await this.deps.connectionRepository.find(
        session.userId,
        flow.resultConnectionId,
      );
      if (record) wire.connection = this.deps.connections.toWire(record);
    }
    if (flow.error) wire.error = flow.error;
    return wire;
  }

  private checkReturnUrl(session: SessionRecord, returnUrl: string | undefined): string {
    if (!returnUrl) throw new ApiError(400, 'bad_request', 'Redirect mode needs a returnUrl.');
    const origin = canonicalOrigin(returnUrl);
    if (!origin || !session.allowedOrigins.includes(origin)) {
      throw new ApiError(403, 'forbidden_origin', 'The returnUrl is not on an allowed origin.');
    }
    return returnUrl;
  }
}
