import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { completeAuthorization } from '../test-support/drive-login.js';
import { startDemoProvider, type DemoProvider } from './index.js';
import {
  TEST_CLIENT,
  buildAuthorizeUrl,
  createPkcePair,
  exchangeCode,
  getMe,
  requestToken,
} from '../test-support/oauth-test-client.js';

const ALL_SCOPES = 'openid email profile offline_access contacts.read contacts.write';

describe('demo provider authorization code flow', () => {
  let provider: DemoProvider;

  before(async () => {
    provider = await startDemoProvider({ clients: [TEST_CLIENT] });
  });
  after(() => provider.close());

  it('issues tokens for the granted scopes only, and refreshes them', async () => {
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(
      // offline_access reaches the consent page only with prompt=consent (OIDC Core).
      buildAuthorizeUrl(provider, ALL_SCOPES, pkce, { state: 'state-1', prompt: 'consent' }),
      { uncheckScopes: ['contacts.write'] },
    );

    assert.equal(`${redirect.origin}${redirect.pathname}`, TEST_CLIENT.redirectUris[0]);
    assert.equal(redirect.searchParams.get('state'), 'state-1');
    assert.equal(redirect.searchParams.get('iss'), provider.issuer);
    const code = redirect.searchParams.get('code');
    assert.ok(code, `expected a code in ${redirect.search}`);

    const tokens = await exchangeCode(provider, code, pkce.verifier);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.token_type, 'Bearer');
    assert.equal(typeof tokens.body.refresh_token, 'string');
    const idTokenHeader = String(tokens.body.id_token).split('.')[0] ?? '';
    assert.equal(JSON.parse(Buffer.from(idTokenHeader, 'base64url').toString()).alg, 'ES256');
    const grantedScopes = String(tokens.body.scope).split(' ').sort();
    assert.deepEqual(grantedScopes, [
      'contacts.read',
      'email',
      'offline_access',
      'openid',
      'profile',
    ]);

    const me = await getMe(provider, {
      authorization: `Bearer ${String(tokens.body.access_token)}`,
    });
    assert.equal(me.status, 200);
    assert.deepEqual(
      { ...me.body, scopes: (me.body.scopes as string[]).sort() },
      { id: 'demo-user', email: 'demo@example.com', name: 'Demo User', scopes: grantedScopes },
    );

    const refreshed = await requestToken(
      provider,
      { grant_type: 'refresh_token', refresh_token: String(tokens.body.refresh_token) },
      'client_secret_post',
    );
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.notEqual(refreshed.body.access_token, tokens.body.access_token);
    const meAfterRefresh = await getMe(provider, {
      authorization: `Bearer ${String(refreshed.body.access_token)}`,
    });
    assert.equal(meAfterRefresh.status, 200);
  });

  it('accepts client_secret_post and issues a refresh token without offline_access', async () => {
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(
      buildAuthorizeUrl(provider, 'contacts.read', pkce),
    );
    const tokens = await exchangeCode(
      provider,
      redirect.searchParams.get('code') ?? '',
      pkce.verifier,
      'client_secret_post',
    );
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.scope, 'contacts.read');
    assert.equal(typeof tokens.body.refresh_token, 'string');
    assert.equal(tokens.body.id_token, undefined);
  });

  it('issues no refresh token when the user unticks offline_access', async () => {
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(
      buildAuthorizeUrl(provider, 'openid offline_access deals.read', pkce, { prompt: 'consent' }),
      { uncheckScopes: ['offline_access'] },
    );
    const tokens = await exchangeCode(
      provider,
      redirect.searchParams.get('code') ?? '',
      pkce.verifier,
    );
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.deepEqual(String(tokens.body.scope).split(' ').sort(), ['deals.read', 'openid']);
    assert.equal(tokens.body.refresh_token, undefined);
  });

  it('stops accepting an access token once the client revokes it', async () => {
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(buildAuthorizeUrl(provider, 'files.read', pkce));
    const tokens = await exchangeCode(
      provider,
      redirect.searchParams.get('code') ?? '',
      pkce.verifier,
    );
    const bearer = { authorization: `Bearer ${String(tokens.body.access_token)}` };
    assert.equal((await getMe(provider, bearer)).status, 200);

    const revocation = await fetch(provider.revocationEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: String(tokens.body.access_token),
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
      }),
    });
    assert.equal(revocation.status, 200);
    assert.equal((await getMe(provider, bearer)).status, 401);
  });

  it('rejects a code exchanged with the wrong code_verifier', async () => {
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(buildAuthorizeUrl(provider, 'openid', pkce));
    const tokens = await exchangeCode(
      provider,
      redirect.searchParams.get('code') ?? '',
      createPkcePair().verifier,
    );
    assert.equal(tokens.status, 400);
    assert.equal(tokens.body.error, 'invalid_grant');
  });

  it('rejects a wrong client secret', async () => {
    const response = await fetch(provider.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'whatever',
        client_id: TEST_CLIENT.clientId,
        client_secret: 'not-the-secret',
      }),
    });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_client');
  });

  it('sends access_denied to the client when the user presses Deny', async () => {
    const redirect = await completeAuthorization(
      buildAuthorizeUrl(provider, 'openid contacts.read', createPkcePair(), {
        state: 'state-deny',
      }),
      { deny: true },
    );
    assert.equal(redirect.searchParams.get('error'), 'access_denied');
    assert.equal(redirect.searchParams.get('state'), 'state-deny');
    assert.equal(redirect.searchParams.get('code'), null);
  });

  it('requires PKCE', async () => {
    const url = new URL(buildAuthorizeUrl(provider, 'openid', createPkcePair()));
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', url);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });

  it('refuses a redirect_uri that is not registered exactly', async () => {
    const url = new URL(buildAuthorizeUrl(provider, 'openid', createPkcePair()));
    url.searchParams.set('redirect_uri', `${TEST_CLIENT.redirectUris[0] ?? ''}/extra`);
    const response = await fetch(url, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /redirect_uri/);
  });
});

describe('demo provider access token lifetime', () => {
  let provider: DemoProvider;

  before(async () => {
    // Three seconds: long enough for a loaded CI machine to use a fresh token before it expires.
    provider = await startDemoProvider({ clients: [TEST_CLIENT], accessTokenTtlSeconds: 3 });
  });
  after(() => provider.close());

  it('rejects an expired access token on /me while the refresh token still works', async () => {
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(
      buildAuthorizeUrl(provider, 'openid contacts.read', pkce),
    );
    const tokens = await exchangeCode(
      provider,
      redirect.searchParams.get('code') ?? '',
      pkce.verifier,
    );
    assert.equal(tokens.body.expires_in, 3);
    const bearer = { authorization: `Bearer ${String(tokens.body.access_token)}` };
    assert.equal((await getMe(provider, bearer)).status, 200);

    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const expired = await getMe(provider, bearer);
    assert.equal(expired.status, 401);
    assert.equal(expired.body.error, 'unauthorized');

    const refreshed = await requestToken(provider, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.body.refresh_token),
    });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    const renewed = await getMe(provider, {
      authorization: `Bearer ${String(refreshed.body.access_token)}`,
    });
    assert.equal(renewed.status, 200);
    assert.deepEqual((renewed.body.scopes as string[]).sort(), ['contacts.read', 'openid']);
  });
});
