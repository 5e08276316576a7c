// POST /v1/oauth/flows, the parts behind the route: the body, the real server's checks in its
// order (app, OAuth method, provider health, session origins, target connection) and the new
// pending flow with its single-use state and its start URL (see oauth-start-url.ts).
import type { App, OAuthFlowStart } from '@plugboard/contract';
import { appForSession } from '../catalog/session-apps.js';
import type { MockContext } from '../context.js';
import { isPlainObject, problemAnswer, type Answer } from '../http/responses.js';
import { randomSecret } from '../ids.js';
import { isProviderDown } from '../state/app-health.js';
import type { MockFlow, MockSession } from '../state/mock-state.js';
import { isOrigin, originOf } from '../validation/origins.js';
import { PROVIDER_RETRY_AFTER_S } from './credential-check.js';
import { FLOW_START_WINDOW_MS } from '../state/browser-binding.js';

export interface StartBody {
  app: string;
  openerOrigin: string;
  mode: 'popup' | 'redirect';
  connectionId?: string;
  returnUrl?: string;
}

export function parseStartBody(body: unknown): StartBody | string {
  if (!isPlainObject(body)) return 'The body must be a JSON object.';
  const extra = Object.keys(body).filter(
    (key) => !['app', 'openerOrigin', 'mode', 'connectionId', 'returnUrl'].includes(key),
  );
  if (extra.length > 0) return `Unexpected properties: ${extra.join(', ')}.`;
  const { app, openerOrigin, mode, connectionId, returnUrl } = body;
  if (typeof app !== 'string' || typeof openerOrigin !== 'string')
    return 'app and openerOrigin are required.';
  if (mode !== 'popup' && mode !== 'redirect') return 'mode must be popup or redirect.';
  if (connectionId !== undefined && typeof connectionId !== 'string')
    return 'connectionId must be a string.';
  if (returnUrl !== undefined && typeof returnUrl !== 'string')
    return 'returnUrl must be a string.';
  if (!isOrigin(openerOrigin)) return 'openerOrigin must be an origin such as https://app.example.';
  if (mode === 'redirect' && returnUrl === undefined) return 'Redirect mode needs a returnUrl.';
  return { app, openerOrigin, mode, connectionId, returnUrl } as StartBody;
}

/** The real server's checks, in its order; a problem answer, or the app and target to start. */
export function startCheck(
  ctx: MockContext,
  requestId: string,
  session: MockSession | undefined,
  body: StartBody,
): Answer | { app: App } {
  const found = appForSession(ctx, requestId, session, body.app);
  if (!found.ok) return found.answer;
  const { app } = found;
  if (!app.authMethods.some((method) => method.type === 'oauth2'))
    return problemAnswer(requestId, 400, 'bad_request', 'This app does not sign in with OAuth.');
  if (isProviderDown(app))
    return problemAnswer(requestId, 503, 'provider_unavailable', 'The service is not responding.', {
      retryAfter: PROVIDER_RETRY_AFTER_S,
    });
  // A minted session lists its origins; for any other token the opener origin is the only one.
  const allowedOrigins = session?.allowedOrigins ?? [body.openerOrigin];
  if (!allowedOrigins.includes(body.openerOrigin))
    return problemAnswer(
      requestId,
      403,
      'forbidden_origin',
      'The opener origin is not allowed for this session.',
    );
  if (body.mode === 'redirect' && !allowedOrigins.includes(originOf(body.returnUrl!) ?? ''))
    return problemAnswer(
      requestId,
      403,
      'forbidden_origin',
      'The returnUrl is not on an allowed origin.',
    );
  if (body.connectionId) {
    const target = ctx.state.connections.find((connection) => connection.id === body.connectionId);
    if (!target) return problemAnswer(requestId, 404, 'not_found', 'No such connection.');
    if (target.app !== app.key)
      return problemAnswer(requestId, 400, 'bad_request', 'The connection belongs to another app.');
  }
  return { app };
}

export function startFlow(
  ctx: MockContext,
  app: App,
  body: StartBody,
  sessionToken: string | null,
) {
  const flowId = ctx.ids.flowId();
  const expiresAt = new Date(Date.now() + ctx.flowTtlMs).toISOString();
  const flow: MockFlow = {
    flowId,
    app: app.key,
    status: 'pending',
    mode: body.mode,
    expiresAt,
    openerOrigin: body.openerOrigin,
    returnUrl: body.returnUrl ?? null,
    ...(body.connectionId ? { connectionId: body.connectionId } : {}),
    oauthState: randomSecret(),
    oauthStateUsed: false,
    startSecret: randomSecret(),
    browserBinding: null,
    startBy: Date.now() + FLOW_START_WINDOW_MS,
    sessionToken,
  };
  ctx.state.flows.push(flow);
  const start: OAuthFlowStart = {
    flowId,
    authorizeUrl: `${ctx.baseUrl}/v1/oauth/start/${flowId}?${new URLSearchParams({ secret: flow.startSecret })}`,
    expiresAt,
  };
  return start;
}
