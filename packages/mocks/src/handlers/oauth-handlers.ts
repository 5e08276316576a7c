// POST /v1/oauth/flows and GET /v1/oauth/flows/{flowId} (with `wait` as a short long-poll).
import { http } from 'msw';
import type { MockContext } from '../context.js';
import { jsonResponse, problemResponse, readJson, toResponse } from '../http/responses.js';
import { flowChangeOrTimeout, publicFlow, refreshExpiry } from '../state/flows.js';
import { currentSession } from '../state/sessions.js';
import { parseStartBody, startCheck, startFlow } from './oauth-start.js';

/** The mock holds a long-poll at most this long, whatever `wait` asks for. */
const LONG_POLL_CAP_MS = 2000;
const FLOW_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function oauthHandlers(ctx: MockContext) {
  const base = `${ctx.baseUrl}/v1/oauth/flows`;
  return [
    http.post(base, async ({ request }) => {
      const requestId = ctx.ids.requestId();
      const body = parseStartBody(await readJson(request));
      if (typeof body === 'string') return problemResponse(requestId, 400, 'bad_request', body);
      const session = currentSession(ctx, request);
      const checked = startCheck(ctx, requestId, session, body);
      if (!('app' in checked)) return toResponse(requestId, checked);
      const start = startFlow(ctx, checked.app, body, session?.token ?? null);
      return jsonResponse(requestId, 201, start, { 'Cache-Control': 'no-store' });
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
