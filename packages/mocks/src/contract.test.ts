// Drives every endpoint a browser calls, in every scenario, and checks each answer against
// openapi.yaml. The scenarios that break the contract on purpose are checked for exactly the
// breakage they promise.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type {
  AppPage,
  Connection,
  ConnectionList,
  OAuthFlowStart,
  Session,
} from '@plugboard/contract';
import { MOCK_SECRET_KEY, type MockBackend } from './backend.js';
import { AUTHORIZE_PATH } from './handlers/mock-authorize-page.js';
import { scenarios, type ScenarioName } from './scenarios.js';
import { DEMO_KEY } from './validation/credentials.js';
import {
  BASE_URL,
  call,
  newIdempotencyKey,
  stopServer,
  useBackend,
  type CallResult,
} from './testing/mock-api.js';

after(stopServer);

interface Checked {
  step: string;
  path: string;
  result: CallResult;
}

/** Widget requests: the ones the transport scenarios act on. */
const isWidgetStep = ({ path }: Checked) => /^\/v1\/(apps|connections|oauth\/flows)\b/.test(path);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A credential submission that the default catalog and the hostile one both accept. */
function credentialSubmission(appKeys: string[]) {
  if (appKeys.includes('pipedrive'))
    return {
      app: 'pipedrive',
      method: 'token',
      fields: { subdomain: 'contract', token: DEMO_KEY },
    };
  return { app: appKeys[0] ?? 'no-app', method: 'api_key', fields: { apiKey: DEMO_KEY } };
}

/** Every widget operation once, each request built from what earlier answers returned. */
async function driveEveryOperation(backend: MockBackend): Promise<Checked[]> {
  const checked: Checked[] = [];
  const run = async (step: string, ...args: Parameters<typeof call>) => {
    const result = await call(...args);
    checked.push({ step, path: args[2], result });
    return result;
  };
  const firstPage = await run('list apps', 'listApps', 'GET', '/v1/apps?limit=3');
  const page =
    isObject(firstPage.body) && Array.isArray(firstPage.body.items)
      ? (firstPage.body as unknown as AppPage)
      : undefined;
  const appKeys = page?.items.map((app) => app.key) ?? [];
  if (page?.nextCursor)
    await run('next page', 'listApps', 'GET', `/v1/apps?limit=3&cursor=${page.nextCursor}`);
  const etag = firstPage.headers.get('ETag');
  if (etag)
    await run('revalidate', 'listApps', 'GET', '/v1/apps?limit=3', {
      headers: { 'If-None-Match': etag },
    });
  await run('search', 'listApps', 'GET', '/v1/apps?q=pi&category=CRM');
  await run('bad cursor', 'listApps', 'GET', '/v1/apps?cursor=nonsense');
  await run('app', 'getApp', 'GET', `/v1/apps/${appKeys[0] ?? 'pipedrive'}`);
  await run('unknown app', 'getApp', 'GET', '/v1/apps/no-such-app');
  const listed = await run('list connections', 'listConnections', 'GET', '/v1/connections');
  await run('connections of an app', 'listConnections', 'GET', '/v1/connections?app=pipedrive');
  const submission = credentialSubmission(appKeys);
  const created = await run('create', 'createConnection', 'POST', '/v1/connections', {
    body: submission,
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  await run('create without key', 'createConnection', 'POST', '/v1/connections', {
    body: submission,
  });
  await run('create invalid', 'createConnection', 'POST', '/v1/connections', {
    body: { ...submission, fields: {} },
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  const existing =
    isObject(listed.body) && Array.isArray(listed.body.items)
      ? (listed.body as unknown as ConnectionList).items
      : [];
  const id =
    (created.status === 201 ? (created.body as Connection).id : undefined) ??
    existing[0]?.id ??
    'con_missing000';
  await run('connection', 'getConnection', 'GET', `/v1/connections/${id}`);
  await run('rename', 'updateConnection', 'PATCH', `/v1/connections/${id}`, {
    body: { label: 'Renamed' },
  });
  await run('test', 'testConnection', 'POST', `/v1/connections/${id}/test`);
  const oauthApp = appKeys.includes('pipedrive') ? 'hubspot' : appKeys[0];
  const started = await run('start flow', 'startOAuthFlow', 'POST', '/v1/oauth/flows', {
    body: { app: oauthApp ?? 'hubspot', openerOrigin: 'https://host.example', mode: 'popup' },
  });
  if (started.status === 201) {
    const { flowId, authorizeUrl } = started.body as OAuthFlowStart;
    assert.ok(authorizeUrl.startsWith(`${BASE_URL}/v1/oauth/start/${flowId}?`), authorizeUrl);
    const signedIn = await openStartUrl(run, authorizeUrl);
    const provider = await fetch(signedIn.providerUrl, { redirect: 'manual' });
    const back = provider.headers.get('Location');
    if (back) {
      await run('callback', 'oauthCallback', 'GET', back.slice(BASE_URL.length), {
        token: null,
        headers: { Cookie: signedIn.cookie },
      });
    }
    await run('flow', 'getOAuthFlow', 'GET', `/v1/oauth/flows/${flowId}`);
  }
  await run('unknown flow', 'getOAuthFlow', 'GET', '/v1/oauth/flows/flow_unknown01');
  await run('delete', 'deleteConnection', 'DELETE', `/v1/connections/${id}`);
  await run('deleted', 'getConnection', 'GET', `/v1/connections/${id}`);
  const hooked = backend.store.connections.find((connection) => connection.setup);
  if (hooked?.setup) {
    const path = hooked.setup.webhookUrl.slice(BASE_URL.length);
    const auth = hooked.setup.webhookAuth;
    await run('webhook', 'receiveWebhook', 'POST', path, {
      body: { event: 'updated' },
      token: null,
      headers: auth
        ? {
            Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
          }
        : {},
    });
    await run('webhook without its authentication', 'receiveWebhook', 'POST', path, {
      body: { event: 'updated' },
      token: null,
    });
  }
  await driveHostOperations(run, oauthApp ?? 'hubspot', appKeys[0] ?? 'pipedrive');
  return checked;
}

type Run = (step: string, ...args: Parameters<typeof call>) => Promise<CallResult>;

/** Opens a flow's start URL as the starting browser would, then again from the same browser. */
async function openStartUrl(run: Run, authorizeUrl: string) {
  const path = authorizeUrl.slice(BASE_URL.length);
  const opened = await run('open start URL', 'openOAuthStart', 'GET', path, { token: null });
  assert.equal(opened.status, 303);
  const providerUrl = opened.headers.get('Location')!;
  assert.ok(providerUrl.startsWith(`${BASE_URL}${AUTHORIZE_PATH}?flow=`), providerUrl);
  const cookie = opened.headers.getSetCookie()[0]!.split(';')[0]!;
  await run('reopen start URL', 'openOAuthStart', 'GET', path, {
    token: null,
    headers: { Cookie: cookie },
  });
  return { providerUrl, cookie, state: new URL(providerUrl).searchParams.get('state')! };
}

/** The OAuth callback as the provider calls it, and the host backend's secret-key endpoints. */
async function driveHostOperations(run: Run, oauthApp: string, appKey: string): Promise<void> {
  const host = { token: MOCK_SECRET_KEY };
  const started = await run(
    'start flow for callback',
    'startOAuthFlow',
    'POST',
    '/v1/oauth/flows',
    {
      body: { app: oauthApp, openerOrigin: 'https://host.example', mode: 'popup' },
    },
  );
  if (started.status === 201) {
    const { state, cookie } = await openStartUrl(
      run,
      (started.body as OAuthFlowStart).authorizeUrl,
    );
    const callback = `/v1/oauth/callback?state=${state}&code=provider-code`;
    const inThisBrowser = { token: null, headers: { Cookie: cookie } };
    await run('callback', 'oauthCallback', 'GET', callback, inThisBrowser);
    await run('callback replayed', 'oauthCallback', 'GET', callback, inThisBrowser);
  }
  const other = await run(
    'start flow, other browser',
    'startOAuthFlow',
    'POST',
    '/v1/oauth/flows',
    {
      body: { app: oauthApp, openerOrigin: 'https://host.example', mode: 'popup' },
    },
  );
  if (other.status === 201) {
    const { state } = await openStartUrl(run, (other.body as OAuthFlowStart).authorizeUrl);
    const callback = `/v1/oauth/callback?state=${state}&code=provider-code`;
    await run('callback in another browser', 'oauthCallback', 'GET', callback, { token: null });
  }
  const session = { userId: 'user-1', allowedOrigins: ['https://host.example'] };
  const minted = await run('mint session', 'createSession', 'POST', '/v1/sessions', {
    ...host,
    body: session,
  });
  await run('mint without key', 'createSession', 'POST', '/v1/sessions', { body: session });
  await run('mint invalid', 'createSession', 'POST', '/v1/sessions', {
    ...host,
    body: { ...session, allowedOrigins: ['https://host.example/path'] },
  });
  const token = minted.status === 201 ? (minted.body as Session).token : 'pbs_unknown';
  await run('revoke session', 'revokeSession', 'POST', '/v1/sessions/revoke', {
    ...host,
    body: { token },
  });
  await run('set health', 'setAppHealth', 'PUT', `/v1/admin/apps/${appKey}/health`, {
    ...host,
    body: { status: 'degraded', message: 'Slow today.' },
  });
  await run('health of unknown app', 'setAppHealth', 'PUT', '/v1/admin/apps/no-such-app/health', {
    ...host,
    body: { status: 'down' },
  });
}

function describeViolations(checked: Checked[]): string[] {
  return checked.flatMap(({ step, result }) => result.violations.map((v) => `${step}: ${v}`));
}

const contractKeeping = scenarios
  .map((scenario) => scenario.name)
  .filter(
    (name): name is ScenarioName =>
      !['offline', 'slow-network', 'malformed-json', 'html-error-page', 'hostile-catalog'].includes(
        name,
      ),
  );

describe('every answer matches openapi.yaml', () => {
  for (const scenario of contractKeeping) {
    test(scenario, async () => {
      const backend = useBackend({ scenario });
      const checked = await driveEveryOperation(backend);
      assert.ok(checked.length >= 15, `only ${checked.length} requests were made`);
      assert.deepEqual(describeViolations(checked), []);
      for (const { step, result } of checked) {
        assert.match(
          result.headers.get('X-Request-Id') ?? '',
          /^req_/,
          `${step} has no X-Request-Id`,
        );
        if (result.contentType === 'application/problem+json')
          assert.equal(
            (result.body as { requestId: string }).requestId,
            result.headers.get('X-Request-Id'),
          );
      }
    });
  }
});

test('the host operations reach each status the contract declares for them', async () => {
  const checked = await driveEveryOperation(useBackend());
  const statuses = Object.fromEntries(checked.map(({ step, result }) => [step, result.status]));
  assert.deepEqual(
    [
      'callback',
      'callback replayed',
      'mint session',
      'mint without key',
      'mint invalid',
      'revoke session',
      'set health',
      'health of unknown app',
    ].map((step) => statuses[step]),
    [200, 400, 201, 401, 422, 204, 200, 404],
  );
});

describe('scenarios that break the contract on purpose break it only as promised', () => {
  test('hostile-catalog: only the contract’s length limits are exceeded', async () => {
    const checked = await driveEveryOperation(useBackend({ scenario: 'hostile-catalog' }));
    const violations = describeViolations(checked);
    assert.ok(violations.length > 0, 'the 10,000-character strings should exceed the limits');
    const tooLong = /^(.+?: \w+ \d+: )(\S+) must NOT have more than \d+ characters$/;
    const longPaths = violations.flatMap((v) => {
      const match = tooLong.exec(v);
      return match ? [`${match[1]}${match[2]}`] : [];
    });
    // A too-long string inside a `oneOf` (lastError, setup) also fails the branch choice: allowed
    // only where a length violation sits below the same path.
    const other = violations.filter((v) => {
      if (tooLong.test(v)) return false;
      const branch = /^(.+?) must (be null|match exactly one schema in oneOf)$/.exec(v);
      return !branch || !longPaths.some((path) => path.startsWith(`${branch[1]}/`));
    });
    assert.deepEqual(other, []);
  });

  test('malformed-json: every answer is a 200 whose JSON does not parse', async () => {
    const checked = await driveEveryOperation(useBackend({ scenario: 'malformed-json' }));
    assert.deepEqual(describeViolations(checked.filter((c) => !isWidgetStep(c))), []);
    for (const { step, result } of checked.filter(isWidgetStep)) {
      assert.equal(result.status, 200, step);
      assert.match(result.contentType ?? '', /^application\/json/, step);
      assert.throws(() => JSON.parse(result.text), SyntaxError, step);
    }
  });

  test('html-error-page: every answer is a 502 HTML page, declared only as problem+json', async () => {
    const checked = await driveEveryOperation(useBackend({ scenario: 'html-error-page' }));
    assert.deepEqual(describeViolations(checked.filter((c) => !isWidgetStep(c))), []);
    for (const { step, result } of checked.filter(isWidgetStep)) {
      assert.equal(result.status, 502, step);
      assert.match(result.text, /^<!doctype html>/, step);
      assert.deepEqual(
        result.violations.map((v) => v.replace(/^\w+ /, '')),
        ['502: content type "text/html" is not one of application/problem+json'],
        step,
      );
    }
  });

  test('offline: every request fails at the network level', async () => {
    useBackend({ scenario: 'offline' });
    for (const path of [
      '/v1/apps',
      '/v1/apps/pipedrive',
      '/v1/connections',
      '/v1/oauth/flows/flow_x0000001',
    ]) {
      await assert.rejects(call('listApps', 'GET', path), TypeError, path);
    }
  });

  test('slow-network: answers keep the contract and take 1.5 s', async () => {
    useBackend({ scenario: 'slow-network' });
    const started = performance.now();
    const result = await call('listConnections', 'GET', '/v1/connections');
    assert.ok(performance.now() - started >= 1450, 'answered too fast');
    assert.equal(result.status, 200);
    assert.deepEqual(result.violations, []);
  });
});
