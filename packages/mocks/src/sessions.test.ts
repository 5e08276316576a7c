import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { AppPage, Connection, ConnectionList, Problem, Session } from '@plugboard/contract';
import { MOCK_SECRET_KEY } from './backend.js';
import { DEMO_KEY } from './validation/credentials.js';
import { call, newIdempotencyKey, stopServer, TOKEN, useBackend } from './testing/mock-api.js';

after(stopServer);

const HOST = 'https://host.example';

async function mint(body: Record<string, unknown> = {}, secretKey = MOCK_SECRET_KEY) {
  return call('createSession', 'POST', '/v1/sessions', {
    body: { userId: 'user-1', allowedOrigins: [HOST], ...body },
    token: secretKey,
  });
}

async function mintToken(body: Record<string, unknown> = {}): Promise<string> {
  const result = await mint(body);
  assert.equal(result.status, 201, JSON.stringify(result.body));
  return (result.body as Session).token;
}

const revoke = (token: string, secretKey = MOCK_SECRET_KEY) =>
  call('revokeSession', 'POST', '/v1/sessions/revoke', { body: { token }, token: secretKey });

const codeOf = (result: { body: unknown }) => (result.body as Problem).code;

describe('POST /v1/sessions', () => {
  test('mints a token for the secret key, valid for ttlSeconds and not cacheable', async () => {
    useBackend();
    const before = Date.now();
    const result = await mint({ ttlSeconds: 120, allowedApps: ['pipedrive'] });
    assert.equal(result.status, 201);
    assert.deepEqual(result.violations, []);
    assert.equal(result.headers.get('Cache-Control'), 'no-store');
    const session = result.body as Session;
    assert.match(session.token, /^pbs_/);
    const lifetime = Date.parse(session.expiresAt) - before;
    assert.ok(lifetime > 119_000 && lifetime <= 121_000, `lifetime ${lifetime} ms`);
    const mintedAt = Date.now();
    const defaultLifetime = Date.parse(((await mint()).body as Session).expiresAt) - mintedAt;
    assert.ok(defaultLifetime > 1799_000 && defaultLifetime <= 1801_000, 'default 30 minutes');
  });

  test('answers 401 without the secret key, including for a session token', async () => {
    useBackend();
    for (const token of [null, TOKEN, 'sk_test_some_other_key_1', await mintToken()]) {
      const result = await mint({}, token as string);
      assert.equal(result.status, 401, String(token));
      assert.equal(codeOf(result), 'unauthorized');
      assert.deepEqual(result.violations, []);
    }
  });

  test('the secret key is an option; the default is documented', async () => {
    useBackend({ secretKey: 'sk_live_integrator_key_42' });
    assert.equal((await mint()).status, 401);
    assert.equal((await mint({}, 'sk_live_integrator_key_42')).status, 201);
    assert.equal(MOCK_SECRET_KEY, 'sk_test_plugboard_dev_only');
    assert.throws(() => useBackend({ secretKey: 'secret' }), /secretKey must look like sk_/);
  });

  test('a body outside CreateSessionRequest is 400 bad_request', async () => {
    useBackend();
    const bodies = [
      { userId: '' },
      { allowedOrigins: [] },
      { allowedOrigins: 'https://host.example' },
      { allowedApps: ['Not A Key'] },
      { ttlSeconds: 59 },
      { ttlSeconds: 86401 },
      { ttlSeconds: 90.5 },
      { admin: true },
    ];
    for (const body of bodies) {
      const result = await mint(body);
      assert.equal(result.status, 400, JSON.stringify(body));
      assert.equal(codeOf(result), 'bad_request');
      assert.deepEqual(result.violations, []);
    }
  });

  test('non-bare origins and unknown apps are 422 with one error per entry', async () => {
    useBackend();
    const result = await mint({
      allowedOrigins: [HOST, 'https://host.example/', 'ftp://files.example', 'host.example'],
      allowedApps: ['pipedrive', 'no-such-app'],
    });
    assert.equal(result.status, 422);
    assert.deepEqual(result.violations, []);
    const problem = result.body as Problem;
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors?.map(({ field, code }) => `${field}:${code}`),
      [
        'allowedOrigins:pattern',
        'allowedOrigins:pattern',
        'allowedOrigins:pattern',
        'allowedApps:invalid_option',
      ],
    );
  });
});

describe('session tokens on the widget endpoints', () => {
  test('a minted token works; from an Origin it does not list it is 403 forbidden_origin', async () => {
    useBackend();
    const token = await mintToken();
    assert.equal((await call('listConnections', 'GET', '/v1/connections', { token })).status, 200);
    const listed = await call('listConnections', 'GET', '/v1/connections', {
      token,
      headers: { Origin: HOST },
    });
    assert.equal(listed.status, 200);
    const foreign = await call('listConnections', 'GET', '/v1/connections', {
      token,
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(foreign.status, 403);
    assert.equal(codeOf(foreign), 'forbidden_origin');
    assert.deepEqual(foreign.violations, []);
  });

  test('the secret key is never a session token', async () => {
    useBackend();
    const result = await call('listApps', 'GET', '/v1/apps', { token: MOCK_SECRET_KEY });
    assert.equal(result.status, 401);
    assert.equal(codeOf(result), 'unauthorized');
  });

  test('past expiresAt a minted token is 401 session_expired', async (t) => {
    useBackend();
    const token = await mintToken({ ttlSeconds: 60 });
    const now = Date.now();
    t.mock.method(Date, 'now', () => now + 61_000);
    const result = await call('listApps', 'GET', '/v1/apps', { token });
    assert.equal(result.status, 401);
    assert.equal(codeOf(result), 'session_expired');
  });

  test('strictSessions refuses tokens the mock did not mint', async () => {
    const backend = useBackend({ strictSessions: true });
    const unknown = await call('listApps', 'GET', '/v1/apps');
    assert.equal(unknown.status, 401);
    assert.equal(codeOf(unknown), 'unauthorized');
    const token = await mintToken();
    assert.equal((await call('listApps', 'GET', '/v1/apps', { token })).status, 200);
    backend.reset();
    assert.equal(
      (await call('listApps', 'GET', '/v1/apps', { token })).status,
      401,
      'reset forgets sessions',
    );
  });

  test('allowedApps limits the catalog, app details, connecting and OAuth', async () => {
    useBackend();
    const token = await mintToken({ allowedApps: ['pipedrive', 'hubspot'] });
    const page = (await call('listApps', 'GET', '/v1/apps', { token })).body as AppPage;
    assert.deepEqual(page.items.map((app) => app.key).sort(), ['hubspot', 'pipedrive']);
    assert.equal(page.total, 2);
    assert.equal((await call('getApp', 'GET', '/v1/apps/hubspot', { token })).status, 200);
    const hidden = await call('getApp', 'GET', '/v1/apps/stripe', { token });
    assert.equal(hidden.status, 403);
    assert.equal(codeOf(hidden), 'app_not_allowed');
    assert.deepEqual(hidden.violations, []);
    const created = await call('createConnection', 'POST', '/v1/connections', {
      token,
      headers: { 'Idempotency-Key': newIdempotencyKey() },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: DEMO_KEY } },
    });
    assert.equal(codeOf(created), 'app_not_allowed');
    const flow = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
      token,
      body: { app: 'salesforce', openerOrigin: HOST, mode: 'popup' },
    });
    assert.equal(codeOf(flow), 'app_not_allowed');
    const anyToken = (await call('listApps', 'GET', '/v1/apps')).body as AppPage;
    assert.ok(anyToken.total > 2, 'other tokens still see the whole catalog');
  });

  test("allowedApps hides the user's other connections: listed nowhere, 404 everywhere", async () => {
    const backend = useBackend({ scenario: 'empty' });
    const create = async (body: Record<string, unknown>) => {
      const result = await call('createConnection', 'POST', '/v1/connections', {
        headers: { 'Idempotency-Key': newIdempotencyKey() },
        body,
      });
      assert.equal(result.status, 201);
      return result.body as Connection;
    };
    const stripe = await create({ app: 'stripe', method: 'api_key', fields: { apiKey: DEMO_KEY } });
    const pipedrive = await create({
      app: 'pipedrive',
      method: 'token',
      fields: { subdomain: 'acme', token: DEMO_KEY },
    });
    const token = await mintToken({ allowedApps: ['pipedrive'] });
    const list = (await call('listConnections', 'GET', '/v1/connections', { token }))
      .body as ConnectionList;
    assert.deepEqual(
      list.items.map((connection) => connection.id),
      [pipedrive.id],
    );
    const path = `/v1/connections/${stripe.id}`;
    const answers = [
      await call('getConnection', 'GET', path, { token }),
      await call('updateConnection', 'PATCH', path, { token, body: { label: 'Renamed' } }),
      await call('testConnection', 'POST', `${path}/test`, { token }),
      await call('deleteConnection', 'DELETE', path, { token }),
    ];
    assert.deepEqual(
      answers.map((answer) => [answer.status, codeOf(answer)]),
      Array(4).fill([404, 'not_found']),
    );
    for (const answer of answers) assert.deepEqual(answer.violations, []);
    assert.deepEqual(
      backend.store.connections.map((connection) => [connection.id, connection.label]),
      [
        [stripe.id, stripe.label],
        [pipedrive.id, pipedrive.label],
      ],
    );
  });

  test('OAuth starts check the opener and return origins against the session', async () => {
    useBackend();
    const other = 'https://admin.host.example';
    const token = await mintToken({ allowedOrigins: [HOST, other] });
    const start = (body: Record<string, unknown>) =>
      call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
        token,
        body: { app: 'hubspot', openerOrigin: HOST, mode: 'popup', ...body },
      });
    assert.equal(codeOf(await start({ openerOrigin: 'https://evil.example' })), 'forbidden_origin');
    const redirect = { mode: 'redirect', returnUrl: `${other}/done` };
    assert.equal(
      (await start(redirect)).status,
      201,
      'any origin of the session may receive the tab',
    );
    const away = await start({ ...redirect, returnUrl: 'https://evil.example/done' });
    assert.equal(away.status, 403);
    assert.equal(codeOf(away), 'forbidden_origin');
  });
});

describe('POST /v1/sessions/revoke', () => {
  test('revoking makes the token 401 unauthorized at once', async () => {
    useBackend();
    const token = await mintToken();
    assert.equal((await call('listApps', 'GET', '/v1/apps', { token })).status, 200);
    const revoked = await revoke(token);
    assert.equal(revoked.status, 204);
    assert.deepEqual(revoked.violations, []);
    assert.match(revoked.headers.get('X-Request-Id') ?? '', /^req_/);
    const after = await call('listApps', 'GET', '/v1/apps', { token });
    assert.equal(after.status, 401);
    assert.equal(codeOf(after), 'unauthorized');
  });

  test('also revokes a token the mock did not mint, and answers 204 for unknown ones', async () => {
    useBackend();
    assert.equal((await revoke(TOKEN)).status, 204);
    assert.equal((await call('listConnections', 'GET', '/v1/connections')).status, 401);
    assert.equal(
      (await call('listConnections', 'GET', '/v1/connections', { token: 'other' })).status,
      200,
    );
  });

  test('needs the secret key and a { token } body', async () => {
    useBackend();
    const token = await mintToken();
    const unauthorized = await revoke(token, token);
    assert.equal(unauthorized.status, 401);
    assert.deepEqual(unauthorized.violations, []);
    for (const body of [{}, { token: 42 }, { token: 'x'.repeat(201) }]) {
      const result = await call('revokeSession', 'POST', '/v1/sessions/revoke', {
        body,
        token: MOCK_SECRET_KEY,
      });
      assert.equal(result.status, 400, JSON.stringify(body));
      assert.equal(codeOf(result), 'bad_request');
    }
    assert.equal((await call('listApps', 'GET', '/v1/apps', { token })).status, 200, 'still valid');
  });
});
