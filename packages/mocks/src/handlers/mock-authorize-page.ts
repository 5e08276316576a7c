// The mock provider's consent screen, where the start URL sends the browser. It "signs in" as the
// scenario says and redirects to GET /v1/oauth/callback with a code, like a real provider; the
// scenarios of a window that never reports stay on a page of their own instead.
import { http, HttpResponse } from 'msw';
import type { MockContext } from '../context.js';
import { refreshExpiry } from '../state/flows.js';
import { flowPage, invalidLinkPage } from './flow-pages.js';
import { providerAction } from './provider-outcome.js';

export const AUTHORIZE_PATH = '/__mock/oauth/authorize';

export function mockAuthorizePage(ctx: MockContext) {
  return http.get(`${ctx.baseUrl}${AUTHORIZE_PATH}`, ({ request }) => {
    const query = new URL(request.url).searchParams;
    const flow = ctx.state.flows.find((candidate) => candidate.flowId === query.get('flow'));
    if (flow) refreshExpiry(flow);
    if (!flow || flow.status !== 'pending' || flow.oauthState !== query.get('state'))
      return invalidLinkPage();
    const action = providerAction(ctx);
    if (action.status === 'close-without-result') return flowPage('Closing…', { close: true });
    if (action.status === 'never-finish') return flowPage('Waiting for the service…', null);
    const back = new URLSearchParams({ state: flow.oauthState, code: 'mock-authorization-code' });
    return new HttpResponse(null, {
      status: 303,
      headers: {
        Location: `${ctx.baseUrl}/v1/oauth/callback?${back}`,
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      },
    });
  });
}
