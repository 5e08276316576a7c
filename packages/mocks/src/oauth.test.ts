import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Connection, OAuthFlow, OAuthFlowStart } from '@plugboard/contract';
import type { ScenarioName } from './scenarios.js';
import { BASE_URL, call, stopServer, useBackend } from './testing/mock-api.js';
import { MockBrowser } from './testing/mock-browser.js';

after(stopServer);

const OPENER = 'https://host.example:8443';

async function startFlow(body: Record<string, unknown> = {}): Promise<OAuthFlowStart> {
  const result = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
    body: { app: 'hubspot', openerOrigin: OPENER, mode: 'popup', ...body },
  });
  assert.equal(result.status, 201, JSON.stringify(result.body));
  return result.body as OAuthFlowStart;
}

async function flowStatus(flowId: string, wait = 0): Promise<OAuthFlow> {
  const result = await call('getOAuthFlow', 'GET', `/v1/oauth/flows/${flowId}?wait=${wait}`);
  assert.equal(result.status, 200);
  assert.deepEqual(result.violations, []);
  return result.body as OAuthFlow;
}

/** The JSON the mock page hands its script: what it posts, and where. */
function pageData(
  html: string,
): { message?: unknown; targetOrigin?: string; close: boolean } | null {
  const match = /<script type="application\/json" id="pb-mock-flow">(.*?)<\/script>/s.exec(html);
  return match
    ? (JSON.parse(match[1]!) as { message?: unknown; targetOrigin?: string; close: boolean })
    : null;
}

/** Opens the flow's start URL in a fresh browser, through to the page it ends on. */
function openAuthorizePage(start: OAuthFlowStart) {
  return new MockBrowser().open(start.authorizeUrl);
}

describe('OAuth flows by scenario', () => {
  const settled: Array<[ScenarioName, OAuthFlow['status'], string | undefined]> = [
    ['default', 'succeeded', undefined],
    ['oauth-succeeds', 'succeeded', undefined],
    ['oauth-fails', 'failed', 'provider_error'],
    ['oauth-denied', 'failed', 'access_denied'],
    ['oauth-missing-scopes', 'failed', 'missing_scopes'],
    ['oauth-duplicate', 'failed', 'duplicate_account'],
  ];
  for (const [scenario, status, code] of settled) {
    test(`${scenario}: pending, then the page marks it ${code ?? status} and tells the opener`, async () => {
      useBackend({ scenario });
      const start = await startFlow();
      assert.equal((await flowStatus(start.flowId)).status, 'pending');
      const { response, html } = await openAuthorizePage(start);
      assert.equal(response.status, 200);
      assert.match(
        response.headers.get('Content-Security-Policy') ?? '',
        /script-src 'nonce-[^']+'/,
      );
      assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
      assert.deepEqual(pageData(html), {
        message: { source: 'plugboard', flowId: start.flowId, status },
        targetOrigin: OPENER,
        close: true,
      });
      const flow = await flowStatus(start.flowId);
      assert.equal(flow.status, status);
      assert.equal(flow.error?.code, code);
    });
  }

  test('a succeeded flow carries the new connection with every scope granted', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const start = await startFlow();
    await openAuthorizePage(start);
    const flow = await flowStatus(start.flowId);
    assert.equal(flow.connection?.app, 'hubspot');
    assert.deepEqual(flow.connection?.grantedScopes, [
      'contacts.read',
      'contacts.write',
      'deals.read',
    ]);
    assert.deepEqual(backend.store.connections, [flow.connection]);
  });

  test('missing scopes lists the required ones; duplicate points at the existing connection', async () => {
    const backend = useBackend({ scenario: 'oauth-missing-scopes' });
    let start = await startFlow();
    await openAuthorizePage(start);
    assert.deepEqual((await flowStatus(start.flowId)).error?.missingScopes, ['contacts.read']);
    backend.useScenario('oauth-duplicate');
    start = await startFlow();
    await openAuthorizePage(start);
    const flow = await flowStatus(start.flowId);
    assert.equal(flow.connection?.app, 'hubspot');
    assert.ok(backend.store.connections.some((c) => c.id === flow.connection?.id));
  });

  test('oauth-cancelled: the page closes without a message and the flow stays pending', async () => {
    useBackend({ scenario: 'oauth-cancelled' });
    const start = await startFlow();
    const { html } = await openAuthorizePage(start);
    assert.deepEqual(pageData(html), { close: true });
    assert.equal((await flowStatus(start.flowId)).status, 'pending');
  });

  test('a pending flow expires after flowTtlMs; a long-poll answers at expiry', async () => {
    useBackend({ scenario: 'oauth-cancelled', flowTtlMs: 200 });
    const start = await startFlow();
    await openAuthorizePage(start);
    const began = performance.now();
    assert.equal((await flowStatus(start.flowId, 5)).status, 'expired');
    assert.ok(performance.now() - began < 1900, 'answered at expiry, not at the long-poll cap');
    const { response } = await openAuthorizePage(start);
    assert.equal(response.status, 400, 'an expired flow’s page is no longer valid');
  });

  test('oauth-times-out: the page never finishes and the flow stays pending', async () => {
    useBackend({ scenario: 'oauth-times-out' });
    const start = await startFlow();
    const { html } = await openAuthorizePage(start);
    assert.equal(pageData(html), null, 'no script: the window just waits');
    assert.equal((await flowStatus(start.flowId)).status, 'pending');
  });

  test('a settled flow’s page cannot be replayed', async () => {
    useBackend();
    const start = await startFlow();
    await openAuthorizePage(start);
    const { response } = await openAuthorizePage(start);
    assert.equal(response.status, 400);
  });

  test('redirect mode sends the tab back to returnUrl with pb_flow', async () => {
    useBackend();
    const start = await startFlow({ mode: 'redirect', returnUrl: `${OPENER}/settings?tab=apps` });
    const { response } = await openAuthorizePage(start);
    assert.equal(response.status, 303);
    assert.equal(
      response.headers.get('Location'),
      `${OPENER}/settings?tab=apps&pb_flow=${start.flowId}`,
    );
  });

  test('updating a connection re-authorizes it and keeps its id', async () => {
    const backend = useBackend({ scenario: 'connections-every-status' });
    const stale = backend.store.connections.find((c) => c.status === 'needs_reauth') as Connection;
    const start = await startFlow({ app: stale.app, connectionId: stale.id });
    await openAuthorizePage(start);
    const flow = await flowStatus(start.flowId);
    assert.equal(flow.connection?.id, stale.id);
    assert.equal(flow.connection?.status, 'connected');
    assert.equal(flow.connection?.lastError, null);
  });
});

describe('the start URL binds a flow to one browser', () => {
  test('authorizeUrl is the start URL; opening it sets the binding cookie and goes to the provider', async () => {
    useBackend();
    const start = await startFlow();
    assert.match(
      start.authorizeUrl,
      new RegExp(`^${BASE_URL}/v1/oauth/start/${start.flowId}\\?secret=[0-9a-f]{48}$`),
    );
    const browser = new MockBrowser();
    const opened = await browser.request(start.authorizeUrl);
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.get('Referrer-Policy'), 'no-referrer');
    assert.match(opened.headers.get('Location') ?? '', /\/__mock\/oauth\/authorize\?flow=/);
    const [cookie, ...others] = opened.headers.getSetCookie();
    assert.deepEqual(others, []);
    assert.match(
      cookie ?? '',
      new RegExp(
        `^pb_oauth_${start.flowId}=[0-9a-f]{48}; Max-Age=\\d+; Path=/api/v1/oauth; HttpOnly; SameSite=Lax$`,
      ),
    );
  });

  test('the same browser may open it again; another browser fails the flow', async () => {
    useBackend();
    const start = await startFlow();
    const first = new MockBrowser();
    const opened = await first.request(start.authorizeUrl);
    const again = await first.request(start.authorizeUrl);
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('Location'), opened.headers.get('Location'));
    const other = await new MockBrowser().open(start.authorizeUrl);
    assert.equal(other.response.status, 403);
    assert.match(other.html, /This sign-in was started in another browser/);
    assert.equal(pageData(other.html), null);
    const flow = await flowStatus(start.flowId);
    assert.equal(flow.status, 'failed');
    assert.equal(flow.error?.code, 'browser_mismatch');
  });

  test('the provider redirect in another browser connects nothing', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const start = await startFlow();
    const starter = new MockBrowser();
    const providerUrl = (await starter.request(start.authorizeUrl)).headers.get('Location')!;
    // The link to the provider, opened in a browser without the cookie.
    const victim = await new MockBrowser().open(providerUrl);
    assert.equal(victim.response.status, 403);
    assert.match(victim.html, /This sign-in was started in another browser/);
    const flow = await flowStatus(start.flowId);
    assert.equal(flow.error?.code, 'browser_mismatch');
    assert.deepEqual(backend.store.connections, []);
  });
});

describe('GET /v1/oauth/flows/{flowId}?wait=', () => {
  test('answers as soon as the flow changes', async () => {
    const backend = useBackend();
    const start = await startFlow();
    setTimeout(() => backend.completeFlow(start.flowId, 'succeeded'), 100);
    const began = performance.now();
    const flow = await flowStatus(start.flowId, 30);
    assert.equal(flow.status, 'succeeded');
    assert.ok(performance.now() - began < 1500, 'waited past the change');
  });

  test('holds a pending flow for a short while, then answers pending', async () => {
    useBackend();
    const start = await startFlow();
    const began = performance.now();
    assert.equal((await flowStatus(start.flowId, 1)).status, 'pending');
    assert.ok(performance.now() - began >= 950, 'wait=1 should hold about a second');
  });

  test('rejects a wait outside 0–30 and unknown flows', async () => {
    useBackend();
    const start = await startFlow();
    const tooLong = await call('getOAuthFlow', 'GET', `/v1/oauth/flows/${start.flowId}?wait=31`);
    assert.equal(tooLong.status, 400);
    const unknown = await call('getOAuthFlow', 'GET', '/v1/oauth/flows/flow_nothing1');
    assert.equal(unknown.status, 404);
  });
});

describe('POST /v1/oauth/flows validation', () => {
  test('refuses bad origins, foreign return URLs, non-OAuth apps and unknown connections', async () => {
    useBackend();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ openerOrigin: 'https://host.example/path' }, 400, 'bad_request'],
      [{ mode: 'redirect' }, 400, 'bad_request'],
      [{ mode: 'redirect', returnUrl: 'https://evil.example/' }, 403, 'forbidden_origin'],
      [{ app: 'pipedrive' }, 400, 'bad_request'],
      [{ app: 'nope' }, 404, 'not_found'],
      [{ connectionId: 'con_missing000' }, 404, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const result = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
        body: { app: 'hubspot', openerOrigin: OPENER, mode: 'popup', ...body },
      });
      assert.equal(result.status, status, JSON.stringify(body));
      assert.equal((result.body as { code: string }).code, code, JSON.stringify(body));
    }
  });

  test('provider-down answers 503 provider_unavailable', async () => {
    useBackend({ scenario: 'provider-down' });
    const result = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
      body: { app: 'hubspot', openerOrigin: OPENER, mode: 'popup' },
    });
    assert.equal(result.status, 503);
    assert.equal((result.body as { code: string }).code, 'provider_unavailable');
  });
});

describe('completeFlow', () => {
  test('settles a flow from a test, with a chosen error', async () => {
    const backend = useBackend();
    const start = await startFlow();
    const flow = backend.completeFlow(start.flowId, { status: 'failed', code: 'access_denied' });
    assert.equal(flow.error?.code, 'access_denied');
    assert.deepEqual(await flowStatus(start.flowId), flow);
    assert.deepEqual(backend.store.flows, [flow]);
    assert.throws(() => backend.completeFlow('flow_nothing1', 'expired'), /no flow/);
  });
});
