// GET /v1/oauth/start/{flowId}?secret=…: the flow's `authorizeUrl`, as on the real server. The
// first opening binds the flow to that browser with a cookie and redirects to the (mock) provider;
// the same browser may open it again; another browser fails the flow with `browser_mismatch`.
import { http, HttpResponse } from 'msw';
import type { MockContext } from '../context.js';
import { randomSecret } from '../ids.js';
import { isSameBrowser, setBindingCookie } from '../state/browser-binding.js';
import { refreshExpiry, settleFlow } from '../state/flows.js';
import type { MockFlow } from '../state/mock-state.js';
import { invalidLinkPage, otherBrowserPage } from './flow-pages.js';
import { AUTHORIZE_PATH } from './mock-authorize-page.js';

function toProvider(ctx: MockContext, flow: MockFlow, setCookie?: string): Response {
  const query = new URLSearchParams({ flow: flow.flowId, state: flow.oauthState });
  const headers: Record<string, string> = {
    Location: `${ctx.baseUrl}${AUTHORIZE_PATH}?${query}`,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  if (setCookie) headers['Set-Cookie'] = setCookie;
  return new HttpResponse(null, { status: 303, headers });
}

function startAnswer(
  ctx: MockContext,
  flowId: string,
  secret: string | null,
  cookies: Record<string, string>,
): Response {
  const flow = ctx.state.flows.find(
    (candidate) => candidate.flowId === flowId && candidate.startSecret === secret,
  );
  if (!flow || flow.oauthStateUsed) return invalidLinkPage();
  refreshExpiry(flow);
  if (flow.status !== 'pending') return invalidLinkPage();
  if (flow.browserBinding === null) {
    if (Date.now() > flow.startBy) {
      settleFlow(ctx, flow, { status: 'expired' });
      return invalidLinkPage();
    }
    flow.browserBinding = randomSecret();
    return toProvider(ctx, flow, setBindingCookie(ctx.baseUrl, flow, flow.browserBinding));
  }
  if (isSameBrowser(flow, cookies)) return toProvider(ctx, flow);
  settleFlow(ctx, flow, { status: 'failed', code: 'browser_mismatch' });
  return otherBrowserPage();
}

export function oauthStartUrl(ctx: MockContext) {
  return http.get(`${ctx.baseUrl}/v1/oauth/start/:flowId`, ({ request, params, cookies }) => {
    const requestId = ctx.ids.requestId();
    const secret = new URL(request.url).searchParams.get('secret');
    const response = startAnswer(ctx, String(params.flowId), secret, cookies);
    response.headers.set('X-Request-Id', requestId);
    return response;
  });
}
