// The page the mock `authorizeUrl` opens. It stands in for both the provider's consent screen and
// the backend's callback: it settles the flow as the scenario says (using up its `state`), then
// answers with the same page or redirect as GET /v1/oauth/callback.
import { http } from 'msw';
import type { MockContext } from '../context.js';
import { refreshExpiry, settleFlow } from '../state/flows.js';
import { flowPage, flowResultPage, invalidLinkPage } from './flow-pages.js';
import { providerAction, unlessRevoked } from './provider-outcome.js';

export const AUTHORIZE_PATH = '/__mock/oauth/authorize';

export function mockAuthorizePage(ctx: MockContext) {
  return http.get(`${ctx.baseUrl}${AUTHORIZE_PATH}`, ({ request }) => {
    const flowId = new URL(request.url).searchParams.get('flow');
    const flow = ctx.state.flows.find((candidate) => candidate.flowId === flowId);
    if (flow) refreshExpiry(flow);
    if (!flow || flow.status !== 'pending') return invalidLinkPage();
    const action = providerAction(ctx);
    if (action.status === 'close-without-result') return flowPage('Closing…', { close: true });
    if (action.status === 'never-finish') return flowPage('Waiting for the service…', null);
    flow.oauthStateUsed = true;
    settleFlow(ctx, flow, unlessRevoked(ctx, flow, action));
    return flowResultPage(flow);
  });
}
