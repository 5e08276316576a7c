import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formActionOf, offeredScopes, visibleText } from '../test-support/drive-login.js';
import { startDemoProvider, type DemoProvider } from './index.js';
import { renderConsentPage, renderLoginPage } from './interaction-pages.js';
import {
  TEST_CLIENT,
  buildAuthorizeUrl,
  createPkcePair,
} from '../test-support/oauth-test-client.js';
import { ScriptedBrowser, type BrowseResult } from '../test-support/scripted-browser.js';

function asPage(result: BrowseResult) {
  assert.equal(result.kind, 'page', `expected a page, got a redirect to ${result.url.href}`);
  return result as Extract<BrowseResult, { kind: 'page' }>;
}

describe('demo provider login and consent pages', () => {
  let provider: DemoProvider;

  before(async () => {
    provider = await startDemoProvider({ clients: [TEST_CLIENT] });
  });
  after(() => provider.close());

  it('walks a user through sign-in errors, scope choices and the redirect back', async () => {
    const url = buildAuthorizeUrl(
      provider,
      'openid email contacts.read deals.write',
      createPkcePair(),
    );
    const browser = new ScriptedBrowser(url);

    const login = asPage(await browser.open(url));
    assert.equal(login.status, 200);
    assert.match(login.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(login.html, /<h1>Sign in<\/h1>/);
    assert.match(login.html, /<label for="email">Email<\/label>/);
    assert.match(login.html, /<label for="password">Password<\/label>/);
    assert.match(login.html, /<button type="submit">Sign in<\/button>/);
    assert.doesNotMatch(login.html, /<script/);
    const loginText = visibleText(login.html);
    assert.match(loginText, /Plugboard Demo Provider/);
    assert.match(loginText, /Demo accounts: demo@example\.com \/ demo, alex@example\.com \/ demo/);
    assert.match(loginText, new RegExp(`continue to ${TEST_CLIENT.clientId}`));

    const loginAction = formActionOf(login.html, login.url);
    assert.ok(loginAction);
    const wrong = asPage(
      await browser.submit(
        loginAction,
        new URLSearchParams({ email: 'Demo@Example.com', password: 'nope' }),
      ),
    );
    assert.equal(wrong.status, 200);
    assert.match(wrong.html, /role="alert">Wrong email or password/);
    assert.match(wrong.html, /value="Demo@Example\.com"/);
    assert.match(wrong.html, /aria-invalid="true"/);

    const consent = asPage(
      await browser.submit(
        loginAction,
        new URLSearchParams({ email: 'demo@example.com', password: 'demo' }),
      ),
    );
    assert.equal(consent.status, 200);
    assert.match(consent.html, /<h1>Allow plugboard-test to access your account\?<\/h1>/);
    assert.deepEqual(offeredScopes(consent.html), ['email', 'contacts.read', 'deals.write']);
    const consentText = visibleText(consent.html);
    assert.match(consentText, /Confirm who you are \(required\)/);
    assert.match(consentText, /See your email address/);
    assert.match(consentText, /See your contacts/);
    assert.match(consentText, /Create and change your deals/);
    assert.match(
      consent.html,
      /<button type="submit" name="decision" value="allow">Allow<\/button>/,
    );
    assert.match(consent.html, /<button type="submit" name="decision" value="deny">Deny<\/button>/);
    // Every checkbox has a label pointing at it.
    for (const [, id] of consent.html.matchAll(/<input type="checkbox" id="([^"]+)"/g)) {
      assert.match(consent.html, new RegExp(`<label for="${id}">`));
    }

    const consentAction = formActionOf(consent.html, consent.url);
    assert.ok(consentAction);
    const done = await browser.submit(
      consentAction,
      new URLSearchParams([
        ['scope', 'contacts.read'],
        ['decision', 'allow'],
      ]),
    );
    assert.equal(done.kind, 'left-provider');
    assert.ok(done.url.searchParams.get('code'));
  });

  it('explains an expired or unknown interaction instead of failing', async () => {
    const page = asPage(
      await new ScriptedBrowser(provider.issuer).open(`${provider.issuer}/interaction/unknown`),
    );
    assert.equal(page.status, 400);
    assert.match(visibleText(page.html), /expired or was already completed/);
  });

  it('shows its own error page for a bad authorization request', async () => {
    const url = new URL(buildAuthorizeUrl(provider, 'openid', createPkcePair()));
    url.searchParams.set('client_id', 'no-such-client');
    const page = asPage(await new ScriptedBrowser(url).open(url));
    assert.equal(page.status, 400);
    assert.match(visibleText(page.html), /Plugboard Demo Provider.*client is invalid/);
  });
});

describe('demo provider page rendering', () => {
  it('escapes every dynamic value', () => {
    const hostile = '"><script>alert(1)</script>';
    const login = renderLoginPage({
      uid: 'u1',
      clientName: hostile,
      email: hostile,
      error: hostile,
    });
    const consent = renderConsentPage({
      uid: 'u1',
      clientName: hostile,
      accountEmail: hostile,
      scopes: [hostile],
    });
    for (const html of [login, consent]) {
      assert.doesNotMatch(html, /<script>/);
      assert.match(html, /&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    }
  });
});
