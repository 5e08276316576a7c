// Issue 14, finding 1: an OAuth flow completes only in the browser that started it (RFC 9700
// §4.7.1). The flow's start URL binds it to the browser that opens it with a cookie; the callback
// needs that cookie. Another browser (a victim sent the link) connects nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ConnectionList, OAuthFlow, OAuthFlowStart } from '@plugboard/contract';
import { completeAuthorization } from '../test-support/drive-login.js';
import { bindingCookieScope, FLOW_START_WINDOW_MS } from '../oauth/browser-binding.js';
import { cookiePair, openStartUrl, signInThroughStartUrl } from '../test-support/oauth-browser.js';
import { ORIGIN, startTestStack, type TestStack } from '../test-support/test-stack.js';

/** Set-Cookie attributes by lower-case name (`true` for flags). */
function cookieAttributes(setCookie: string): Record<string, string | true> {
  const [, ...attributes] = setCookie.split(';');
  return Object.fromEntries(
    attributes.map((attribute) => {
      const [name = '', ...value] = attribute.trim().split('=');
      return [name.toLowerCase(), value.length > 0 ? value.join('=') : true];
    }),
  );
}

describe('OAuth flows are bound to the browser that opens their start URL', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack();
  });
  after(() => t.close());

  const startFlow = async (token: string, body: Record<string, unknown> = {}) => {
    const response = await t.call<OAuthFlowStart>('startOAuthFlow', '/v1/oauth/flows', {
      method: 'POST',
      token,
      body: { app: 'hubspot', openerOrigin: ORIGIN, mode: 'popup', ...body },
    });
    assert.equal(response.status, 201, response.text);
    return response.body;
  };
  const flowOf = async (token: string, flowId: string) =>
    (await t.call<OAuthFlow>('getOAuthFlow', `/v1/oauth/flows/${flowId}`, { token })).body;
  const pathOf = (url: URL | string) => `${new URL(url).pathname}${new URL(url).search}`;
  const callback = (url: URL | string, cookie?: string) =>
    t.call<string>('oauthCallback', pathOf(url), {
      origin: null,
      headers: cookie ? { Cookie: cookie } : {},
    });
  const start = (url: string, cookie?: string) =>
    t.call<string>('openOAuthStart', pathOf(url), {
      origin: null,
      headers: cookie ? { Cookie: cookie } : {},
    });
  const connectionsOf = async (token: string) =>
    (await t.call<ConnectionList>('listConnections', '/v1/connections', { token })).body.items;

  it('hands the widget a start URL on the backend with a one-time secret, not the provider URL', async () => {
    const token = await t.session({ userId: 'binding-start-url' });
    const flow = await startFlow(token);
    const url = new URL(flow.authorizeUrl);
    assert.equal(url.origin + url.pathname, `${t.stack.url}/v1/oauth/start/${flow.flowId}`);
    assert.deepEqual([...url.searchParams.keys()], ['secret']);
    assert.ok(url.searchParams.get('secret')!.length >= 43);
    assert.ok(!flow.authorizeUrl.includes(token), 'never the session token');
  });

  it('sets an HttpOnly, SameSite=Lax cookie on /v1/oauth and redirects to the provider', async () => {
    const token = await t.session({ userId: 'binding-cookie' });
    const flow = await startFlow(token);
    const opened = await start(flow.authorizeUrl);
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.get('Referrer-Policy'), 'no-referrer');
    assert.equal(opened.headers.get('Cache-Control'), 'no-store');
    const provider = new URL(opened.headers.get('Location')!);
    assert.equal(provider.origin, t.stack.providerUrl);
    assert.equal(provider.searchParams.get('redirect_uri'), `${t.stack.url}/v1/oauth/callback`);
    assert.equal(provider.searchParams.get('code_challenge_method'), 'S256');
    assert.ok((provider.searchParams.get('state') ?? '').length >= 43);
    assert.ok(!provider.href.includes(new URL(flow.authorizeUrl).searchParams.get('secret')!));

    const setCookies = opened.headers.getSetCookie();
    assert.equal(setCookies.length, 1);
    assert.match(setCookies[0]!, new RegExp(`^pb_oauth_${flow.flowId}=[A-Za-z0-9_-]{43}; `));
    const attributes = cookieAttributes(setCookies[0]!);
    assert.equal(attributes.path, '/v1/oauth');
    assert.equal(attributes.httponly, true);
    assert.equal(attributes.samesite, 'Lax');
    assert.equal(attributes.secure, undefined, 'plain http (localhost) cannot keep Secure cookies');
    const maxAge = Number(attributes['max-age']);
    assert.ok(maxAge > 590 && maxAge <= 600, `Max-Age ${maxAge}: the flow's remaining life`);
  });

  it('is Secure over https and scoped under the public URL’s path', () => {
    assert.deepEqual(bindingCookieScope('https://api.example.com'), {
      path: '/v1/oauth',
      secure: true,
    });
    assert.deepEqual(bindingCookieScope('https://example.com/plugboard'), {
      path: '/plugboard/v1/oauth',
      secure: true,
    });
    assert.deepEqual(bindingCookieScope('http://localhost:8787'), {
      path: '/v1/oauth',
      secure: false,
    });
  });

  it('opens again in the same browser; in another browser it fails the flow', async () => {
    const token = await t.session({ userId: 'binding-single-use' });
    const flow = await startFlow(token);
    const first = await start(flow.authorizeUrl);
    const cookie = cookiePair(first.headers.getSetCookie()[0]!);

    // The same browser (the popup opened again): to the provider again, same state, no new cookie.
    const again = await start(flow.authorizeUrl, cookie);
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('Location'), first.headers.get('Location'));
    assert.deepEqual(again.headers.getSetCookie(), []);

    // Another browser (no cookie, or another flow's): refused in plain words, no script.
    const elsewhere = await start(flow.authorizeUrl, 'pb_oauth_flw_other=forged');
    assert.equal(elsewhere.status, 403);
    assert.match(elsewhere.headers.get('Content-Type') ?? '', /text\/html/);
    assert.match(elsewhere.body, /<h1>This sign-in was started in another browser<\/h1>/);
    assert.match(elsewhere.body, /Nothing was connected\./);
    assert.doesNotMatch(elsewhere.body, /<script/);
    const failed = await flowOf(token, flow.flowId);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.code, 'browser_mismatch');

    // The flow is over, for the first browser too.
    const late = await start(flow.authorizeUrl, cookie);
    assert.equal(late.status, 400);
    assert.match(late.body, /This sign-in link is no longer valid/);
  });

  it('a provider redirect in another browser connects nothing and fails the flow', async () => {
    const token = await t.session({ userId: 'binding-other-browser' });
    const flow = await startFlow(token);
    // The attacker opens the start URL, then sends the provider's link to a victim, who signs in.
    const attacker = await start(flow.authorizeUrl);
    const victimRedirect = await completeAuthorization(attacker.headers.get('Location')!);
    const victim = await callback(victimRedirect);
    assert.equal(victim.status, 403);
    assert.match(victim.body, /<h1>This sign-in was started in another browser<\/h1>/);
    assert.match(victim.body, /HubSpot can only be connected in the browser where the sign-in/);
    assert.doesNotMatch(victim.body, /<script/, 'tells no opener anything');
    const failed = await flowOf(token, flow.flowId);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.code, 'browser_mismatch');
    assert.equal(failed.connection, undefined);
    assert.deepEqual(await connectionsOf(token), []);
  });

  it('a wrong cookie is another browser too, and redirect mode never sends it to the host', async () => {
    const token = await t.session({ userId: 'binding-wrong-cookie' });
    const flow = await startFlow(token, { mode: 'redirect', returnUrl: `${ORIGIN}/apps` });
    const signedIn = await signInThroughStartUrl(flow.authorizeUrl);
    const forged = signedIn.cookie.replace(/=.*/, '=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const answer = await callback(signedIn.callback, forged);
    assert.equal(answer.status, 403);
    assert.equal(answer.headers.get('Location'), null);
    assert.equal((await flowOf(token, flow.flowId)).error?.code, 'browser_mismatch');
    assert.deepEqual(await connectionsOf(token), []);
  });

  it('with its cookie the browser connects, and the callback clears the cookie', async () => {
    const token = await t.session({ userId: 'binding-same-browser' });
    const flow = await startFlow(token);
    const signedIn = await signInThroughStartUrl(flow.authorizeUrl);
    const page = await callback(signedIn.callback, signedIn.cookie);
    assert.equal(page.status, 200);
    assert.match(page.body, /"status":"succeeded"/);
    const cleared = page.headers.getSetCookie();
    assert.equal(cleared.length, 1);
    assert.match(cleared[0]!, new RegExp(`^pb_oauth_${flow.flowId}=; `));
    assert.equal(cookieAttributes(cleared[0]!)['max-age'], '0');
    assert.equal(cookieAttributes(cleared[0]!).path, '/v1/oauth');
    const done = await flowOf(token, flow.flowId);
    assert.equal(done.status, 'succeeded');
    assert.deepEqual(
      (await connectionsOf(token)).map((connection: Connection) => connection.id),
      [done.connection!.id],
    );
  });

  it('refuses an unknown flow, a wrong or missing secret, without touching the flow', async () => {
    const token = await t.session({ userId: 'binding-bad-links' });
    const flow = await startFlow(token);
    const url = new URL(flow.authorizeUrl);
    const wrongSecret = new URL(url);
    wrongSecret.searchParams.set('secret', 'A'.repeat(43));
    const noSecret = new URL(url);
    noSecret.search = '';
    const otherFlow = new URL(url.href.replace(flow.flowId, 'flw_AAAAAAAAAAAAAAAAAAAAAAAA'));
    for (const bad of [wrongSecret, noSecret, otherFlow]) {
      const answer = await start(bad.href);
      assert.equal(answer.status, 400, bad.href);
      assert.match(answer.body, /This sign-in link is no longer valid/);
      assert.deepEqual(answer.headers.getSetCookie(), []);
    }
    assert.equal((await flowOf(token, flow.flowId)).status, 'pending');
    assert.equal((await start(flow.authorizeUrl)).status, 303, 'the real link still works');
  });

  it('must be opened within two minutes of the start; a later first opening expires the flow', async () => {
    const token = await t.session({ userId: 'binding-late-start' });
    const flow = await startFlow(token);
    t.advanceClock(FLOW_START_WINDOW_MS + 1000);
    const late = await openStartUrl(flow.authorizeUrl);
    assert.equal(late.status, 400);
    assert.deepEqual(late.setCookies, []);
    assert.equal((await flowOf(token, flow.flowId)).status, 'expired');
  });

  it('hides a flow from a session limited to other apps', async () => {
    const token = await t.session({ userId: 'binding-allowlist' });
    const flow = await startFlow(token);
    const slackOnly = await t.session({ userId: 'binding-allowlist', allowedApps: ['slack'] });
    const hidden = await t.call('getOAuthFlow', `/v1/oauth/flows/${flow.flowId}`, {
      token: slackOnly,
    });
    assert.equal(hidden.status, 404);
  });
});
