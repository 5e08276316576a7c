import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { completeAuthorization, visibleText } from '../test-support/drive-login.js';
import {
  TEST_CLIENT,
  buildAuthorizeUrl,
  createPkcePair,
  exchangeCode,
  getMe,
  requestToken,
} from '../test-support/oauth-test-client.js';
import { ScriptedBrowser, type BrowseResult } from '../test-support/scripted-browser.js';
import { renderConnectedAppsPage } from './connected-apps.js';
import { startDemoProvider, type DemoProvider } from './index.js';

function pageText(result: BrowseResult): { status: number; text: string } {
  assert.equal(result.kind, 'page');
  return { status: result.status, text: visibleText(result.html) };
}

describe('demo provider "Connected apps" page', () => {
  let provider: DemoProvider;

  before(async () => {
    provider = await startDemoProvider({ clients: [TEST_CLIENT] });
  });
  after(() => provider.close());

  it('lists the apps the signed-in user allowed and removes their tokens', async () => {
    const browser = new ScriptedBrowser(provider.issuer);
    const pkce = createPkcePair();
    const redirect = await completeAuthorization(
      buildAuthorizeUrl(provider, 'openid email offline_access', pkce, { prompt: 'consent' }),
      { browser },
    );
    const tokens = await exchangeCode(
      provider,
      redirect.searchParams.get('code') ?? '',
      pkce.verifier,
    );
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const bearer = { authorization: `Bearer ${String(tokens.body.access_token)}` };
    assert.equal((await getMe(provider, bearer)).status, 200);

    const listed = pageText(await browser.open(provider.connectedAppsUrl));
    assert.equal(listed.status, 200);
    assert.match(listed.text, /signed in as demo@example\.com/);
    assert.match(
      listed.text,
      new RegExp(`These apps can use your account: ${TEST_CLIENT.clientId}`),
    );
    assert.match(listed.text, /Remove access for all apps/);

    const removed = pageText(
      await browser.submit(provider.connectedAppsUrl, new URLSearchParams()),
    );
    assert.equal(removed.status, 200);
    assert.match(removed.text, /No app has access to your account\./);

    assert.equal((await getMe(provider, bearer)).status, 401);
    const refreshed = await requestToken(provider, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.body.refresh_token),
    });
    assert.equal(refreshed.status, 400);
    assert.equal(refreshed.body.error, 'invalid_grant');
  });

  it('asks a visitor who is not signed in to sign in through an app', async () => {
    const page = pageText(
      await new ScriptedBrowser(provider.issuer).open(provider.connectedAppsUrl),
    );
    assert.equal(page.status, 401);
    assert.match(page.text, /You are not signed in/);
  });

  it('refuses a removal posted from another site', async () => {
    const response = await fetch(provider.connectedAppsUrl, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-site' },
    });
    assert.equal(response.status, 403);
  });

  it('escapes the account and app names', () => {
    const hostile = '"><script>alert(1)</script>';
    const html = renderConnectedAppsPage(hostile, [hostile]);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});
