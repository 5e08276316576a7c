// The first handler: records every request, applies latency, and answers for the scenarios that
// act at the transport level (network down, auth failures, 429, 5xx, broken bodies). When none
// applies it returns nothing and MSW moves on to the route handlers.
import { delay, http, HttpResponse } from 'msw';
import type { MockContext } from '../context.js';
import { htmlResponse, problemResponse } from '../http/responses.js';
import { sessionProblem } from './session-gate.js';

const SLOW_NETWORK_MS = 1500;

const HTML_ERROR_PAGE = `<!doctype html>
<html><head><title>502 Bad Gateway</title></head>
<body><h1>502 Bad Gateway</h1><p>The upstream server did not answer.</p><hr><p>nginx</p></body></html>`;

async function record(ctx: MockContext, request: Request): Promise<void> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  ctx.state.requests.push({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers.entries()),
    body: hasBody ? await request.clone().text() : null,
  });
}

/** The widget endpoints (the real server's list): they carry the session token. */
const WIDGET_PATHS = ['/v1/apps', '/v1/connections', '/v1/oauth/flows', '/v1/events'];

/** Host-backend endpoints, webhooks, the OAuth callback and the mock OAuth page are not. */
function isWidgetRequest(ctx: MockContext, url: URL): boolean {
  const path = url.href.slice(ctx.baseUrl.length).split(/[?#]/)[0]!;
  return WIDGET_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function transportAnswer(ctx: MockContext, request: Request): Response | undefined {
  const { state } = ctx;
  const requestId = () => ctx.ids.requestId();
  if (state.scenario === 'offline') return HttpResponse.error();
  const refused = sessionProblem(ctx, request);
  if (refused) return refused;
  switch (state.scenario) {
    case 'session-expired':
      return problemResponse(
        requestId(),
        401,
        'session_expired',
        'Ask the host page for a new session token.',
      );
    case 'unauthorized-then-refresh':
      if (state.transport.sawTokenRequest) return undefined;
      state.transport.sawTokenRequest = true;
      return problemResponse(
        requestId(),
        401,
        'unauthorized',
        'The session token is no longer valid.',
      );
    case 'rate-limited':
      if (state.transport.rateLimitSent) return undefined;
      state.transport.rateLimitSent = true;
      return problemResponse(requestId(), 429, 'rate_limited', 'Slow down.', { retryAfter: 1 });
    case 'server-error':
      return problemResponse(
        requestId(),
        500,
        'internal_error',
        'The mock backend failed on purpose.',
      );
    case 'malformed-json':
      return new HttpResponse('{"items": [{"key": "pipedrive", "name": "Pipe', {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId() },
      });
    case 'html-error-page':
      return htmlResponse(502, HTML_ERROR_PAGE, { 'X-Request-Id': requestId() });
    default:
      return undefined;
  }
}

export function transportGate(ctx: MockContext) {
  return http.all(`${ctx.baseUrl}/*`, async ({ request }) => {
    await record(ctx, request);
    const latency = ctx.state.scenario === 'slow-network' ? SLOW_NETWORK_MS : ctx.latencyMs;
    if (latency > 0) await delay(latency);
    if (!isWidgetRequest(ctx, new URL(request.url))) return undefined;
    return transportAnswer(ctx, request);
  });
}
