import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { App, AppPage, Problem, TestResult } from '@plugboard/contract';
import { MOCK_SECRET_KEY } from './backend.js';
import { DEMO_KEY } from './validation/credentials.js';
import { call, newIdempotencyKey, stopServer, TOKEN, useBackend } from './testing/mock-api.js';

after(stopServer);

const setHealth = (key: string, body: unknown, token: string = MOCK_SECRET_KEY) =>
  call('setAppHealth', 'PUT', `/v1/admin/apps/${key}/health`, { body, token });

const listed = async (key: string) =>
  ((await call('listApps', 'GET', '/v1/apps')).body as AppPage).items.find(
    (app) => app.key === key,
  );

const connectPipedrive = (subdomain: string) =>
  call('createConnection', 'POST', '/v1/connections', {
    headers: { 'Idempotency-Key': newIdempotencyKey() },
    body: { app: 'pipedrive', method: 'token', fields: { subdomain, token: DEMO_KEY } },
  });

describe('PUT /v1/admin/apps/{appKey}/health', () => {
  test('answers the app with its new health, which the catalog and the detail then report', async () => {
    useBackend();
    const before = await call('getApp', 'GET', '/v1/apps/pipedrive');
    const etag = before.headers.get('ETag')!;
    const health = { status: 'degraded', message: 'Pipedrive is slow today.' };
    const result = await setHealth('pipedrive', health);
    assert.equal(result.status, 200);
    assert.deepEqual(result.violations, []);
    assert.equal((result.body as App).key, 'pipedrive');
    assert.deepEqual((result.body as App).health, health);
    assert.deepEqual((await listed('pipedrive'))?.health, health);
    const detail = await call('getApp', 'GET', '/v1/apps/pipedrive', {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(detail.status, 200, 'the old ETag no longer matches');
    assert.deepEqual((detail.body as App).health, health);
  });

  test('without a message the health has none', async () => {
    useBackend({ scenario: 'provider-degraded' });
    const result = await setHealth('pipedrive', { status: 'operational', message: '' });
    assert.deepEqual((result.body as App).health, { status: 'operational' });
    assert.deepEqual((await listed('pipedrive'))?.health, { status: 'operational' });
  });

  test('down blocks connecting, OAuth starts and tests with 503; operational lifts it', async () => {
    const backend = useBackend();
    await setHealth('pipedrive', { status: 'down' });
    await setHealth('hubspot', { status: 'down' });
    const refused = await connectPipedrive('acme');
    assert.equal(refused.status, 503);
    assert.equal((refused.body as Problem).code, 'provider_unavailable');
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    const flow = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
      body: { app: 'hubspot', openerOrigin: 'https://host.example', mode: 'popup' },
    });
    assert.equal((flow.body as Problem).code, 'provider_unavailable');
    const seeded = backend.store.connections.find((c) => c.app === 'pipedrive')!;
    const tested = await call('testConnection', 'POST', `/v1/connections/${seeded.id}/test`);
    assert.equal((tested.body as TestResult).connection.lastError?.code, 'provider_unavailable');
    await setHealth('pipedrive', { status: 'operational' });
    assert.equal((await connectPipedrive('acme')).status, 201);
  });

  test('a provider-down scenario recovers app by app', async () => {
    useBackend({ scenario: 'provider-down' });
    assert.equal((await connectPipedrive('acme')).status, 503);
    await setHealth('pipedrive', { status: 'operational' });
    assert.equal((await connectPipedrive('acme')).status, 201);
  });

  test('needs the secret key (a session token is 401)', async () => {
    useBackend();
    for (const token of [TOKEN, null]) {
      const result = await setHealth('pipedrive', { status: 'down' }, token as string);
      assert.equal(result.status, 401);
      assert.equal((result.body as Problem).code, 'unauthorized');
      assert.deepEqual(result.violations, []);
    }
    assert.equal((await listed('pipedrive'))?.health.status, 'operational');
  });

  test('a body outside ProviderHealth is 400; an unknown app is 404', async () => {
    useBackend();
    for (const body of [
      { status: 'broken' },
      { message: 'no status' },
      { status: 'down', message: 'x'.repeat(501) },
      { status: 'down', since: 'today' },
      'down',
    ]) {
      const result = await setHealth('pipedrive', body);
      assert.equal(result.status, 400, JSON.stringify(body));
      assert.equal((result.body as Problem).code, 'bad_request');
    }
    const unknown = await setHealth('no-such-app', { status: 'down' });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as Problem).code, 'not_found');
    assert.deepEqual(unknown.violations, []);
  });

  test('reset restores the seeded health', async () => {
    const backend = useBackend();
    await setHealth('pipedrive', { status: 'down' });
    backend.reset();
    assert.equal((await listed('pipedrive'))?.health.status, 'operational');
  });
});
