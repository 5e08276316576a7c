import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Connection,
  OAuthFlow,
  OAuthFlowStart,
  Problem,
  TestResult,
} from '@plugboard/contract';
import type { CompleteAuthorizationOptions } from '../test-support/drive-login.js';
import { signInThroughStartUrl } from '../test-support/oauth-browser.js';
import {
  ORIGIN,
  OTHER_ORIGIN,
  TEST_SECRET_KEY,
  startTestStack,
  type TestStack,
} from '../test-support/test-stack.js';

describe('OAuth flows', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack();
  });
  after(() => t.close());

  const start = (token: string, body: Record<string, unknown>) =>
    t.call<OAuthFlowStart | Problem>('startOAuthFlow', '/v1/oauth/flows', {
      method: 'POST',
      token,
      body: { openerOrigin: ORIGIN, mode: 'popup', ...body },
    });
  const startOk = async (token: string, body: Record<string, unknown>) => {
    const response = await start(token, body);
    assert.equal(response.status, 201, response.text);
    return response.body as OAuthFlowStart;
  };
  const flowStatus = (token: string, flowId: string, wait = 0) =>
    t.call<OAuthFlow>('getOAuthFlow', `/v1/oauth/flows/${flowId}?wait=${wait}`, { token });
  const callback = (url: URL | string, headers: Record<string, string> = {}) =>
    t.call<string>('oauthCallback', `${new URL(url).pathname}${new URL(url).search}`, {
      origin: null,
      headers,
    });
  /** One browser opens the start URL, signs in at the provider and lands on the callback. */
  const signInAndReturn = async (
    authorizeUrl: string,
    options: CompleteAuthorizationOptions = {},
    headers: Record<string, string> = {},
  ) => {
    const signedIn = await signInThroughStartUrl(authorizeUrl, options);
    const page = await callback(signedIn.callback, { Cookie: signedIn.cookie, ...headers });
    return { ...signedIn, page };
  };

  it('runs the authorization code flow with PKCE and tells the opener', async () => {
    const token = await t.session({ userId: 'oauth-user' });
    const flow = await startOk(token, { app: 'hubspot' });
    // A long-poll started before the user finishes resolves as soon as the callback lands.
    const longPoll = flowStatus(token, flow.flowId, 20);
    const signedIn = await signInThroughStartUrl(flow.authorizeUrl);
    const authorize = new URL(signedIn.providerUrl);
    assert.equal(authorize.origin, t.stack.providerUrl);
    assert.equal(authorize.searchParams.get('response_type'), 'code');
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorize.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.equal(authorize.searchParams.get('redirect_uri'), `${t.stack.url}/v1/oauth/callback`);
    assert.ok((authorize.searchParams.get('state') ?? '').length >= 43);
    assert.equal(authorize.searchParams.get('code_verifier'), null);
    assert.match(authorize.searchParams.get('scope') ?? '', /\bcontacts\.read\b.*\bdeals\.read\b/);

    const redirect = signedIn.callback;
    assert.equal(redirect.origin + redirect.pathname, `${t.stack.url}/v1/oauth/callback`);
    const page = await callback(redirect, { Cookie: signedIn.cookie });
    const started = performance.now();
    const finished = await longPoll;
    assert.ok(performance.now() - started < 3000, 'the long-poll answered without waiting it out');

    assert.equal(page.status, 200);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /default-src 'none'/);
    assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, new RegExp(`nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`));
    const script = scripts[0]![2]!;
    assert.match(script, /window\.opener\.postMessage\(message,origin\)/);
    assert.ok(script.includes(`var origin=${JSON.stringify(ORIGIN)}`));
    assert.ok(
      script.includes(
        JSON.stringify({ source: 'plugboard', flowId: flow.flowId, status: 'succeeded' }),
      ),
    );
    assert.doesNotMatch(script, /'\*'|"\*"/);
    assert.match(page.body, /You can close this window/);

    assert.equal(finished.body.status, 'succeeded');
    const connection = finished.body.connection!;
    assert.equal(connection.method, 'oauth2');
    assert.equal(connection.label, 'demo@example.com');
    assert.deepEqual(connection.grantedScopes, ['contacts.read', 'contacts.write', 'deals.read']);
    assert.equal(connection.credentialHint, null);

    const tested = await t.call<TestResult>(
      'testConnection',
      `/v1/connections/${connection.id}/test`,
      {
        method: 'POST',
        token,
      },
    );
    assert.equal(tested.body.ok, true);
    assert.equal(tested.body.message, 'Connected as demo@example.com');

    const replay = await callback(redirect, { Cookie: signedIn.cookie });
    assert.equal(replay.status, 400);
    assert.match(replay.headers.get('Content-Type') ?? '', /text\/html/);
    assert.doesNotMatch(replay.body, /<script/);
    assert.match(replay.body, /expired or was already used/);

    // The same account again is a duplicate; the flow points at the existing connection.
    const again = await startOk(token, { app: 'hubspot' });
    await signInAndReturn(again.authorizeUrl);
    const duplicate = await flowStatus(token, again.flowId);
    assert.equal(duplicate.body.status, 'failed');
    assert.equal(duplicate.body.error?.code, 'duplicate_account');
    assert.equal(duplicate.body.connectionId, undefined, 'a create names no update target');
    assert.equal(duplicate.body.connection?.id, connection.id);

    // Update mode re-authorizes the same connection and keeps its id.
    const update = await startOk(token, { app: 'hubspot', connectionId: connection.id });
    await signInAndReturn(update.authorizeUrl, { uncheckScopes: ['deals.read'] });
    const updated = await flowStatus(token, update.flowId);
    assert.equal(updated.body.status, 'succeeded');
    assert.equal(updated.body.connectionId, connection.id, 'the flow names its update target');
    assert.equal(updated.body.connection?.id, connection.id);
    assert.deepEqual(updated.body.connection?.grantedScopes, ['contacts.read', 'contacts.write']);
  });

  it('tells a denial apart from a provider error', async () => {
    const token = await t.session({ userId: 'deny-user' });
    const denied = await startOk(token, { app: 'slack' });
    const { callback: redirect, page } = await signInAndReturn(denied.authorizeUrl, {
      deny: true,
    });
    assert.equal(redirect.searchParams.get('error'), 'access_denied');
    assert.equal(page.status, 200);
    assert.match(page.body, /"status":"failed"/);
    assert.match(page.body, /You cancelled the sign-in to Slack/);
    const deniedStatus = await flowStatus(token, denied.flowId);
    assert.equal(deniedStatus.body.error?.code, 'access_denied');

    const broken = await startOk(token, { app: 'slack' });
    const brokenBrowser = await signInThroughStartUrl(broken.authorizeUrl);
    const state = brokenBrowser.callback.searchParams.get('state')!;
    await callback(`${t.stack.url}/v1/oauth/callback?state=${state}&error=server_error`, {
      Cookie: brokenBrowser.cookie,
    });
    const brokenStatus = await flowStatus(token, broken.flowId);
    assert.equal(brokenStatus.body.status, 'failed');
    assert.equal(brokenStatus.body.error?.code, 'provider_error');
  });

  it('fails with missing_scopes when a required scope is unticked', async () => {
    const token = await t.session({ userId: 'scopes-user' });
    const flow = await startOk(token, { app: 'dropbox' });
    await signInAndReturn(flow.authorizeUrl, { uncheckScopes: ['files.read'] });
    const status = await flowStatus(token, flow.flowId);
    assert.equal(status.body.status, 'failed');
    assert.equal(status.body.error?.code, 'missing_scopes');
    assert.deepEqual(status.body.error?.missingScopes, ['files.read']);
    const list = await t.call<{ items: Connection[] }>('listConnections', '/v1/connections', {
      token,
    });
    assert.equal(list.body.items.length, 0);
  });

  it('redirects back with pb_flow in redirect mode', async () => {
    const token = await t.session({ userId: 'redirect-user' });
    const flow = await startOk(token, {
      app: 'figma',
      mode: 'redirect',
      returnUrl: `${ORIGIN}/settings/apps?tab=1`,
    });
    const { page: response } = await signInAndReturn(flow.authorizeUrl);
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('Location')!);
    assert.equal(location.origin + location.pathname, `${ORIGIN}/settings/apps`);
    assert.equal(location.searchParams.get('tab'), '1');
    assert.equal(location.searchParams.get('pb_flow'), flow.flowId);
    assert.equal((await flowStatus(token, flow.flowId)).body.status, 'succeeded');
  });

  it('checks the opener origin, the return URL, the app and the connection', async () => {
    const token = await t.session({ userId: 'checks-user' });
    const wrongOpener = await start(token, { app: 'slack', openerOrigin: OTHER_ORIGIN });
    assert.equal(wrongOpener.status, 403);
    assert.equal((wrongOpener.body as Problem).code, 'forbidden_origin');
    const wrongReturn = await start(token, {
      app: 'slack',
      mode: 'redirect',
      returnUrl: `${OTHER_ORIGIN}/back`,
    });
    assert.equal((wrongReturn.body as Problem).code, 'forbidden_origin');
    const noReturn = await start(token, { app: 'slack', mode: 'redirect' });
    assert.equal(noReturn.status, 400);
    const keyOnly = await start(token, { app: 'stripe' });
    assert.equal(keyOnly.status, 400);
    const unknownConnection = await start(token, {
      app: 'slack',
      connectionId: 'con_doesnotexist1',
    });
    assert.equal(unknownConnection.status, 404);
    const keyConnection = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': 'oauth-checks-stripe' },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    const otherApp = await start(token, { app: 'slack', connectionId: keyConnection.body.id });
    assert.equal(otherApp.status, 400);
    const unknownState = await callback(`${t.stack.url}/v1/oauth/callback?state=forged&code=abc`);
    assert.equal(unknownState.status, 400);
  });

  it('speaks the popup browser’s language on the callback page', async () => {
    const token = await t.session({ userId: 'spanish-user' });
    const flow = await startOk(token, { app: 'hubspot' });
    const { page } = await signInAndReturn(
      flow.authorizeUrl,
      {},
      { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' },
    );
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="es-MX" dir="ltr">/);
    assert.match(page.body, /Puedes cerrar esta ventana\./);
    const arabic = await callback(`${t.stack.url}/v1/oauth/callback?state=forged&code=abc`, {
      'Accept-Language': 'ar',
    });
    assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
  });

  it('ends a flow with its session: no later lifetime, no callback after it (finding 11)', async () => {
    const minted = Date.now();
    const token = await t.session({ userId: 'short-session-user', ttlSeconds: 60 });
    const flow = await startOk(token, { app: 'asana' });
    const flowEnds = Date.parse(flow.expiresAt);
    assert.ok(flowEnds <= minted + 61_000, `the flow outlives its session (${flow.expiresAt})`);

    const signedIn = await signInThroughStartUrl(flow.authorizeUrl);
    t.advanceClock(90_000);
    const late = await callback(signedIn.callback, { Cookie: signedIn.cookie });
    assert.equal(late.status, 400);
    assert.doesNotMatch(late.body, /"status":"succeeded"/);
    const other = await t.session({ userId: 'short-session-user' });
    const list = await t.call<{ items: Connection[] }>('listConnections', '/v1/connections', {
      token: other,
    });
    assert.equal(list.body.items.length, 0, 'the expired session connected an account');
  });

  it('fails a flow whose session was revoked before the callback', async () => {
    const token = await t.session({ userId: 'revoked-session-user' });
    const flow = await startOk(token, { app: 'asana' });
    const signedIn = await signInThroughStartUrl(flow.authorizeUrl);
    await t.call('revokeSession', '/v1/sessions/revoke', {
      method: 'POST',
      origin: null,
      headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
      body: { token },
    });
    const page = await callback(signedIn.callback, { Cookie: signedIn.cookie });
    assert.match(page.body, /"status":"failed"/);
    const other = await t.session({ userId: 'revoked-session-user' });
    assert.equal((await flowStatus(other, flow.flowId)).body.error?.code, 'state_invalid');
  });

  it('long-polls until the wait ends, hides other users’ flows and expires old flows', async () => {
    const token = await t.session({ userId: 'poll-user' });
    const flow = await startOk(token, { app: 'zoom' });
    const started = performance.now();
    const pending = await flowStatus(token, flow.flowId, 1);
    const waited = performance.now() - started;
    assert.equal(pending.body.status, 'pending');
    assert.ok(waited >= 900 && waited < 5000, `waited ${waited} ms`);

    const stranger = await t.session({ userId: 'stranger' });
    assert.equal((await flowStatus(stranger, flow.flowId)).status, 404);
    assert.equal(
      (await t.call('getOAuthFlow', `/v1/oauth/flows/${flow.flowId}?wait=31`, { token })).status,
      400,
    );

    // Signed in at the provider, but back after the flow's ten minutes.
    const slow = await signInThroughStartUrl(flow.authorizeUrl);
    t.advanceClock(11 * 60_000);
    assert.equal((await flowStatus(token, flow.flowId)).body.status, 'expired');
    const late = await callback(slow.callback, { Cookie: slow.cookie });
    assert.equal(late.status, 400);
    assert.match(late.body, /"status":"expired"/);
  });
});

describe('OAuth token refresh', () => {
  let t: TestStack;
  before(async () => {
    // Three seconds: a refreshed token must still be fresh when the Test uses it, even on a loaded
    // CI machine.
    t = await startTestStack({ accessTokenTtlSeconds: 3 });
  });
  after(() => t.close());

  it('refreshes an expired access token when testing the connection', async () => {
    const token = await t.session();
    const started = await t.call<OAuthFlowStart>('startOAuthFlow', '/v1/oauth/flows', {
      method: 'POST',
      token,
      body: { app: 'notion', openerOrigin: ORIGIN, mode: 'popup' },
    });
    const signedIn = await signInThroughStartUrl(started.body.authorizeUrl);
    const redirect = signedIn.callback;
    await t.call('oauthCallback', redirect.pathname + redirect.search, {
      origin: null,
      headers: { Cookie: signedIn.cookie },
    });
    const flow = await t.call<OAuthFlow>('getOAuthFlow', `/v1/oauth/flows/${started.body.flowId}`, {
      token,
    });
    const id = flow.body.connection!.id;

    await new Promise((resolve) => setTimeout(resolve, 3_300));
    for (let round = 0; round < 2; round += 1) {
      const tested = await t.call<TestResult>('testConnection', `/v1/connections/${id}/test`, {
        method: 'POST',
        token,
      });
      assert.equal(tested.body.ok, true, tested.body.message);
      assert.equal(tested.body.status, 'connected');
      if (round === 0) await new Promise((resolve) => setTimeout(resolve, 3_300));
    }
  });
});
