// GET /v1/oauth/callback: where a provider redirects after consent (public: the single-use
// `state` names the flow). As on the real server: an unknown or replayed state is a 400 page; a
// request without the flow's browser binding cookie (another browser) fails the flow with
// `browser_mismatch` and answers a plain 403 page in both modes; a flow that is no longer pending
// answers its result with 400; `error=access_denied` denies, any other error or a missing code is
// `provider_error`; a code completes the flow as the scenario's provider says. Every answer for a
// known flow clears the cookie. The mock authorize page redirects here; tests may call it too,
// with the state of the start URL's redirect and its cookie.
import { http } from 'msw';
import type { MockContext } from '../context.js';
import { consumeState, refreshExpiry, settleFlow, type FlowOutcome } from '../state/flows.js';
import { clearBindingCookie, isSameBrowser } from '../state/browser-binding.js';
import { flowResultPage, invalidLinkPage, otherBrowserPage } from './flow-pages.js';
import { providerAction, unlessRevoked } from './provider-outcome.js';

/** A query parameter within the contract's length limit, or null (the real server's rule). */
function param(query: URLSearchParams, name: string, maxLength: number): string | null {
  const value = query.get(name);
  return value !== null && value.length <= maxLength ? value : null;
}

function callbackOutcome(ctx: MockContext, query: URLSearchParams): FlowOutcome {
  const error = param(query, 'error', 200);
  if (error)
    return {
      status: 'failed',
      code: error === 'access_denied' ? 'access_denied' : 'provider_error',
    };
  if (!param(query, 'code', 2000)) return { status: 'failed', code: 'provider_error' };
  const action = providerAction(ctx);
  // The scenarios about a window that never reports do not affect a redirect that did arrive.
  return action.status === 'close-without-result' || action.status === 'never-finish'
    ? { status: 'succeeded' }
    : action;
}

function callbackResponse(
  ctx: MockContext,
  query: URLSearchParams,
  cookies: Record<string, string>,
): Response {
  const state = param(query, 'state', 200);
  const flow = state ? consumeState(ctx, state) : undefined;
  if (!flow) return invalidLinkPage();
  refreshExpiry(flow);
  let response: Response;
  if (!isSameBrowser(flow, cookies)) {
    if (flow.status === 'pending')
      settleFlow(ctx, flow, { status: 'failed', code: 'browser_mismatch' });
    response = otherBrowserPage();
  } else if (flow.status !== 'pending') {
    response = flowResultPage(flow, 400);
  } else {
    settleFlow(ctx, flow, unlessRevoked(ctx, flow, callbackOutcome(ctx, query)));
    response = flowResultPage(flow);
  }
  response.headers.append('Set-Cookie', clearBindingCookie(ctx.baseUrl, flow.flowId));
  return response;
}

export function oauthCallback(ctx: MockContext) {
  return http.get(`${ctx.baseUrl}/v1/oauth/callback`, ({ request, cookies }) => {
    const requestId = ctx.ids.requestId();
    const response = callbackResponse(ctx, new URL(request.url).searchParams, cookies);
    response.headers.set('X-Request-Id', requestId);
    return response;
  });
}
