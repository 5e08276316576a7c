// The pages that end an OAuth flow in the popup or tab, shared by the mock authorize page and
// the callback. In popup mode the page posts `{ source: 'plugboard', flowId, status }` to its
// opener with the opener's exact origin and closes; in redirect mode the tab goes back to
// `returnUrl` with `pb_flow`. Data reaches the script as JSON in a data block, never spliced into
// code; a nonce CSP allows only that script.
import { REDIRECT_FLOW_PARAM, type OAuthCallbackMessage } from '@plugboard/contract';
import { HttpResponse } from 'msw';
import { htmlResponse } from '../http/responses.js';
import { randomNonce } from '../ids.js';
import type { MockFlow } from '../state/mock-state.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside a <script> data block: no `<` can end it early. */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export interface PageScript {
  message?: OAuthCallbackMessage;
  targetOrigin?: string;
  close: boolean;
}

const noStore = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

export function flowPage(heading: string, script: PageScript | null, status = 200): Response {
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
    ...noStore,
  });
}

/** A start URL or provider redirect in another browser than the one that started the flow. */
export function otherBrowserPage(): Response {
  return flowPage(
    'This sign-in was started in another browser. Nothing was connected: go back to the browser where you started and try again.',
    null,
    403,
  );
}

/** For a state or link that matches no pending flow: there is no opener to tell. */
export function invalidLinkPage(): Response {
  return flowPage('This sign-in link is not valid any more. Start again from the app.', null, 400);
}

/** The flow's outcome, told to the opener (popup) or carried back to returnUrl (redirect). */
export function flowResultPage(flow: MockFlow, status: 200 | 400 = 200): Response {
  if (flow.mode === 'redirect' && flow.returnUrl) {
    const target = new URL(flow.returnUrl);
    target.searchParams.set(REDIRECT_FLOW_PARAM, flow.flowId);
    return new HttpResponse(null, { status: 303, headers: { Location: target.href, ...noStore } });
  }
  // A flow still pending here ran out of time (the real server says `expired` too).
  const outcome = flow.status === 'pending' ? 'expired' : flow.status;
  return flowPage(
    outcome === 'succeeded' ? 'Signed in. You can close this window.' : 'Sign-in did not complete.',
    {
      message: { source: 'plugboard', flowId: flow.flowId, status: outcome },
      targetOrigin: flow.openerOrigin,
      close: true,
    },
    status,
  );
}
