// Connects an app of a test stack by OAuth the way a browser does: start the flow, sign in at the
// demo provider, land on the callback, and read the connection from the finished flow.
import assert from 'node:assert/strict';
import type { Connection, OAuthFlow, OAuthFlowStart } from '@plugboard/contract';
import { signInThroughStartUrl } from './oauth-browser.js';
import { ORIGIN, type TestStack } from './test-stack.js';

export async function connectByOAuth(
  t: TestStack,
  token: string,
  app: string,
  connectionId?: string,
  /** The page's origin (the session must allow it). */
  origin = ORIGIN,
): Promise<Connection> {
  const started = await t.call<OAuthFlowStart>('startOAuthFlow', '/v1/oauth/flows', {
    method: 'POST',
    token,
    origin,
    body: { app, openerOrigin: origin, mode: 'popup', ...(connectionId && { connectionId }) },
  });
  assert.equal(started.status, 201, started.text);
  const signedIn = await signInThroughStartUrl(started.body.authorizeUrl);
  const page = await t.call<string>(
    'oauthCallback',
    `${signedIn.callback.pathname}${signedIn.callback.search}`,
    { origin: null, headers: { Cookie: signedIn.cookie } },
  );
  assert.equal(page.status, 200, page.text);
  const flow = await t.call<OAuthFlow>('getOAuthFlow', `/v1/oauth/flows/${started.body.flowId}`, {
    token,
    origin,
  });
  assert.equal(flow.body.status, 'succeeded', flow.text);
  return flow.body.connection!;
}
