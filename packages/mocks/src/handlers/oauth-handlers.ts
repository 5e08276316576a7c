// POST /v1/oauth/flows and GET /v1/oauth/flows/{flowId} (with `wait` as a short long-poll).
import type { OAuthFlowStart } from '@plugboard/contract';
import { http } from 'msw';
import { findApp, type MockContext } from '../context.js';
import { isPlainObject, jsonResponse, problemResponse, readJson } from '../http/responses.js';
import { flowChangeOrTimeout, publicFlow, refreshExpiry } from '../state/flows.js';
import type { MockFlow } from '../state/mock-state.js';
import { PROVIDER_RETRY_AFTER_S } from './credential-check.js';
import { AUTHORIZE_PATH } from './mock-authorize-page.js';

/** The mock holds a long-poll at most this long, whatever `wait` asks for. */
export const LONG_POLL_CAP_MS = 2000;
const FLOW_ID = /^[A-Za-z0-9_-]{8,64}$/;

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

interface StartBody {
  app: string;
  openerOrigin: string;
  mode: 'popup' | 'redirect';
  connectionId?: string;
  returnUrl?: string;
}

function parseStartBody(body: unknown): StartBody | string {
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

export function oauthHandlers(ctx: MockContext) {
  const base = `${ctx.baseUrl}/v1/oauth/flows`;
  return [
    http.post(base, async ({ request }) => {
      const requestId = ctx.ids.requestId();
      const body = parseStartBody(await readJson(request));
      if (typeof body === 'string') return problemResponse(requestId, 400, 'bad_request', body);
      const app = findApp(ctx, body.app);
      if (!app)
        return problemResponse(requestId, 404, 'not_found', `No app "${body.app.slice(0, 64)}".`);
      if (!app.authMethods.some((method) => method.type === 'oauth2'))
        return problemResponse(
          requestId,
          400,
          'bad_request',
          'This app does not sign in with OAuth.',
        );
      if (body.mode === 'redirect' && originOf(body.returnUrl!) !== body.openerOrigin)
        return problemResponse(
          requestId,
          403,
          'forbidden_origin',
          'returnUrl must be on the opener origin.',
        );
      const target = body.connectionId
        ? ctx.state.connections.find((connection) => connection.id === body.connectionId)
        : undefined;
      if (body.connectionId && (!target || target.app !== app.key))
        return problemResponse(requestId, 404, 'not_found', 'No such connection for this app.');
      if (ctx.state.scenario === 'provider-down')
        return problemResponse(
          requestId,
          503,
          'provider_unavailable',
          'The service is not responding.',
          {
            retryAfter: PROVIDER_RETRY_AFTER_S,
          },
        );
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
        connectionId: body.connectionId ?? null,
      };
      ctx.state.flows.push(flow);
      const start: OAuthFlowStart = {
        flowId,
        authorizeUrl: `${ctx.baseUrl}${AUTHORIZE_PATH}?flow=${encodeURIComponent(flowId)}`,
        expiresAt,
      };
      return jsonResponse(requestId, 201, start);
    }),
    http.get(`${base}/:flowId`, async ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const waitParam = new URL(request.url).searchParams.get('wait') ?? '0';
      if (!/^\d{1,2}$/.test(waitParam) || Number(waitParam) > 30)
        return problemResponse(requestId, 400, 'bad_request', 'wait must be 0 to 30 seconds.');
      const flowId = String(params.flowId);
      const flow = FLOW_ID.test(flowId)
        ? ctx.state.flows.find((f) => f.flowId === flowId)
        : undefined;
      if (!flow) return problemResponse(requestId, 404, 'not_found', 'No such flow.');
      const deadline = Date.now() + Math.min(Number(waitParam) * 1000, LONG_POLL_CAP_MS);
      refreshExpiry(flow);
      while (flow.status === 'pending' && Date.now() < deadline) {
        const untilExpiry = Date.parse(flow.expiresAt) - Date.now();
        await flowChangeOrTimeout(ctx, Math.max(0, Math.min(deadline - Date.now(), untilExpiry)));
        refreshExpiry(flow);
      }
      return jsonResponse(requestId, 200, publicFlow(flow));
    }),
  ];
}
