import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { OAuthFlow, OAuthFlowStart, Session } from '@plugboard/contract';
import { MOCK_SECRET_KEY } from './backend.js';
import type { ScenarioName } from './scenarios.js';
import { call, stopServer, useBackend } from './testing/mock-api.js';
import { MockBrowser } from './testing/mock-browser.js';

after(stopServer);

const OPENER = 'https://host.example:8443';

async function startFlow(body: Record<string, unknown> = {}, token?: string) {
  const result = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
    body: { app: 'hubspot', openerOrigin: OPENER, mode: 'popup', ...body },
    token,
  });
  assert.equal(result.status, 201, JSON.stringify(result.body));
  const start = result.body as OAuthFlowStart;
  // The browser that started it opens the start URL: its cookie goes with the provider's redirect.
  const browser = new MockBrowser();
  const { state } = await browser.openStart(start.authorizeUrl);
  return { ...start, state, cookie: browser.cookieHeader, browser };
}

/** The provider's redirect back to the backend, in the browser holding `cookie`. */
async function callback(query: Record<string, string>, cookie = '') {
  const result = await call(
    'oauthCallback',
    'GET',
    `/v1/oauth/callback?${new URLSearchParams(query)}`,
    { token: null, headers: cookie ? { Cookie: cookie } : {} },
  );
  assert.deepEqual(result.violations, []);
  return result;
}

async function flowStatus(flowId: string): Promise<OAuthFlow> {
  return (await call('getOAuthFlow', 'GET', `/v1/oauth/flows/${flowId}`)).body as OAuthFlow;
}

/** What the page's script posts, and where (null: a page without script). */
function pageData(html: string) {
  const match = /<script type="application\/json" id="pb-mock-flow">(.*?)<\/script>/s.exec(html);
  return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : null;
}

describe('GET /v1/oauth/callback', () => {
  test('a code completes the flow and the page tells the opener at its exact origin', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const start = await startFlow();
    assert.match(start.state, /^[0-9a-f]{48}$/);
    const page = await callback({ state: start.state, code: 'provider-code' }, start.cookie);
    assert.equal(page.status, 200);
    assert.match(page.contentType ?? '', /^text\/html/);
    assert.match(page.headers.get('X-Request-Id') ?? '', /^req_/);
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /script-src 'nonce-[^']+'/);
    assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
    assert.deepEqual(pageData(page.text), {
      message: { source: 'plugboard', flowId: start.flowId, status: 'succeeded' },
      targetOrigin: OPENER,
      close: true,
    });
    const flow = await flowStatus(start.flowId);
    assert.equal(flow.status, 'succeeded');
    assert.deepEqual(backend.store.connections, [flow.connection]);
  });

  test('without the starting browser’s cookie nothing connects, in both modes', async () => {
    const backend = useBackend({ scenario: 'empty' });
    for (const mode of [{ mode: 'popup' }, { mode: 'redirect', returnUrl: `${OPENER}/apps` }]) {
      const start = await startFlow(mode);
      const page = await callback({ state: start.state, code: 'c' }, 'pb_oauth_other=forged');
      assert.equal(page.status, 403);
      assert.equal(page.headers.get('Location'), null);
      assert.match(page.text, /This sign-in was started in another browser/);
      assert.equal(pageData(page.text), null);
      const flow = await flowStatus(start.flowId);
      assert.equal(flow.status, 'failed');
      assert.equal(flow.error?.code, 'browser_mismatch');
    }
    assert.deepEqual(backend.store.connections, []);
  });

  test('the callback clears the binding cookie', async () => {
    useBackend();
    const start = await startFlow();
    const page = await callback({ state: start.state, code: 'c' }, start.cookie);
    assert.equal(page.status, 200);
    assert.deepEqual(page.headers.getSetCookie(), [
      `pb_oauth_${start.flowId}=; Max-Age=0; Path=/api/v1/oauth; HttpOnly; SameSite=Lax`,
    ]);
  });

  test('a replayed, unknown, missing or too long state is a 400 page without script', async () => {
    useBackend();
    const start = await startFlow();
    await callback({ state: start.state, code: 'c' }, start.cookie);
    const queries: Array<Record<string, string>> = [
      { state: start.state, code: 'c' },
      { state: 'f'.repeat(48), code: 'c' },
      { code: 'c' },
      { state: `${start.state}${'0'.repeat(200)}`, code: 'c' },
    ];
    for (const query of queries) {
      const page = await callback(query, start.cookie);
      assert.equal(page.status, 400, JSON.stringify(query));
      assert.equal(pageData(page.text), null);
    }
    assert.equal(
      (await flowStatus(start.flowId)).status,
      'succeeded',
      'the replay changed nothing',
    );
  });

  test('the provider’s error or a missing code fails the flow as the real server does', async () => {
    useBackend();
    const cases: Array<[Record<string, string>, string]> = [
      [{ error: 'access_denied' }, 'access_denied'],
      [{ error: 'server_error', error_description: 'boom' }, 'provider_error'],
      [{}, 'provider_error'],
    ];
    for (const [query, code] of cases) {
      const start = await startFlow();
      const page = await callback({ state: start.state, ...query }, start.cookie);
      assert.equal(page.status, 200);
      assert.deepEqual(pageData(page.text)?.message, {
        source: 'plugboard',
        flowId: start.flowId,
        status: 'failed',
      });
      assert.equal((await flowStatus(start.flowId)).error?.code, code, JSON.stringify(query));
    }
  });

  test('with a code the scenario’s provider decides; window-only scenarios succeed', async () => {
    const outcomes: Array<[ScenarioName, string]> = [
      ['oauth-missing-scopes', 'missing_scopes'],
      ['oauth-duplicate', 'duplicate_account'],
      ['oauth-fails', 'provider_error'],
      ['oauth-times-out', 'succeeded'],
      ['oauth-cancelled', 'succeeded'],
    ];
    for (const [scenario, expected] of outcomes) {
      useBackend({ scenario });
      const start = await startFlow();
      await callback({ state: start.state, code: 'c' }, start.cookie);
      const flow = await flowStatus(start.flowId);
      assert.equal(flow.error?.code ?? flow.status, expected, scenario);
    }
  });

  test('redirect mode answers 303 to returnUrl with pb_flow', async () => {
    useBackend();
    const start = await startFlow({ mode: 'redirect', returnUrl: `${OPENER}/apps?tab=crm` });
    const result = await callback({ state: start.state, code: 'c' }, start.cookie);
    assert.equal(result.status, 303);
    assert.equal(result.headers.get('Location'), `${OPENER}/apps?tab=crm&pb_flow=${start.flowId}`);
    assert.equal(result.headers.get('Referrer-Policy'), 'no-referrer');
    assert.equal((await flowStatus(start.flowId)).status, 'succeeded');
  });

  test('an expired flow answers 400 with its result: expired', async () => {
    useBackend({ flowTtlMs: 50 });
    const start = await startFlow();
    await new Promise((resolve) => setTimeout(resolve, 80));
    const page = await callback({ state: start.state, code: 'c' }, start.cookie);
    assert.equal(page.status, 400);
    assert.deepEqual(pageData(page.text)?.message, {
      source: 'plugboard',
      flowId: start.flowId,
      status: 'expired',
    });
  });

  test('a flow settled by the authorize page or completeFlow has used its state', async () => {
    const backend = useBackend();
    const byPage = await startFlow();
    await byPage.browser.open(byPage.authorizeUrl);
    assert.equal((await callback({ state: byPage.state, code: 'c' }, byPage.cookie)).status, 400);
    const byTest = await startFlow();
    backend.completeFlow(byTest.flowId, 'succeeded');
    assert.equal((await callback({ state: byTest.state, code: 'c' }, byTest.cookie)).status, 400);
  });

  test('a flow whose session was revoked fails with state_invalid', async () => {
    useBackend();
    const minted = await call('createSession', 'POST', '/v1/sessions', {
      body: { userId: 'u1', allowedOrigins: [OPENER] },
      token: MOCK_SECRET_KEY,
    });
    const { token } = minted.body as Session;
    const viaCallback = await startFlow({}, token);
    const viaPage = await startFlow({}, token);
    await call('revokeSession', 'POST', '/v1/sessions/revoke', {
      body: { token },
      token: MOCK_SECRET_KEY,
    });
    await callback({ state: viaCallback.state, code: 'c' }, viaCallback.cookie);
    await viaPage.browser.open(viaPage.authorizeUrl);
    for (const { flowId } of [viaCallback, viaPage]) {
      const flow = await flowStatus(flowId);
      assert.equal(flow.status, 'failed');
      assert.equal(flow.error?.code, 'state_invalid');
    }
  });
});
