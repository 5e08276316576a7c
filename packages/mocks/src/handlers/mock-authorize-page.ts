// The page the mock `authorizeUrl` opens. It stands in for both the provider's consent screen and
// the backend's callback page: it settles the flow as the scenario says, then (popup mode) posts
// `{ source: 'plugboard', flowId, status }` to its opener with the opener's exact origin and
// closes, or (redirect mode) redirects back with `pb_flow`. Data reaches the script as JSON in a
// data block, never spliced into code; a nonce CSP allows only that script.
import { REDIRECT_FLOW_PARAM, type OAuthCallbackMessage } from '@plugboard/contract';
import { http, HttpResponse } from 'msw';
import type { MockContext } from '../context.js';
import { htmlResponse } from '../http/responses.js';
import { randomNonce } from '../ids.js';
import type { MockFlow } from '../state/mock-state.js';
import { refreshExpiry, settleFlow, type FlowOutcome } from '../state/flows.js';

export const AUTHORIZE_PATH = '/__mock/oauth/authorize';

type PageAction = FlowOutcome | { status: 'close-without-result' } | { status: 'never-finish' };

function pageAction(ctx: MockContext): PageAction {
  switch (ctx.state.scenario) {
    case 'oauth-fails':
      return { status: 'failed', code: 'provider_error' };
    case 'oauth-denied':
      return { status: 'failed', code: 'access_denied' };
    case 'oauth-missing-scopes':
      return { status: 'failed', code: 'missing_scopes' };
    case 'oauth-duplicate':
      return { status: 'failed', code: 'duplicate_account' };
    case 'oauth-cancelled':
      return { status: 'close-without-result' };
    case 'oauth-times-out':
      return { status: 'never-finish' };
    default:
      return { status: 'succeeded' };
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside a <script> data block: no `<` can end it early. */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

interface PageScript {
  message?: OAuthCallbackMessage;
  targetOrigin?: string;
  close: boolean;
}

function page(heading: string, script: PageScript | null, status = 200): Response {
  const nonce = randomNonce();
  const data = script
    ? `<script type="application/json" id="pb-mock-flow">${scriptSafeJson(script)}</script>
<script nonce="${nonce}">
const data = JSON.parse(document.getElementById('pb-mock-flow').textContent);
if (data.message && window.opener) window.opener.postMessage(data.message, data.targetOrigin);
if (data.close) window.close();
</script>`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mock sign-in</title></head>
<body><main><h1>${escapeHtml(heading)}</h1><p>This window is part of the Plugboard mock backend.</p></main>
${data}</body></html>`;
  return htmlResponse(status, html, {
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
}

function finishedPage(flow: MockFlow): Response {
  const status = flow.status === 'pending' ? 'failed' : flow.status;
  if (flow.mode === 'redirect' && flow.returnUrl) {
    const target = new URL(flow.returnUrl);
    target.searchParams.set(REDIRECT_FLOW_PARAM, flow.flowId);
    return new HttpResponse(null, { status: 303, headers: { Location: target.href } });
  }
  return page(
    status === 'succeeded' ? 'Signed in. You can close this window.' : 'Sign-in did not complete.',
    {
      message: { source: 'plugboard', flowId: flow.flowId, status },
      targetOrigin: flow.openerOrigin,
      close: true,
    },
  );
}

export function mockAuthorizePage(ctx: MockContext) {
  return http.get(`${ctx.baseUrl}${AUTHORIZE_PATH}`, ({ request }) => {
    const flowId = new URL(request.url).searchParams.get('flow');
    const flow = ctx.state.flows.find((candidate) => candidate.flowId === flowId);
    if (flow) refreshExpiry(flow);
    if (!flow || flow.status !== 'pending') {
      return page('This sign-in link is not valid any more. Start again from the app.', null, 400);
    }
    const action = pageAction(ctx);
    if (action.status === 'close-without-result') return page('Closing…', { close: true });
    if (action.status === 'never-finish') return page('Waiting for the service…', null);
    settleFlow(ctx, flow, action);
    return finishedPage(flow);
  });
}
