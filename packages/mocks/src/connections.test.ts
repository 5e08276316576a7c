import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Connection, ConnectionList, Problem, TestResult } from '@plugboard/contract';
import { MOCK_SECRET_KEY } from './backend.js';
import { DEMO_KEY } from './validation/credentials.js';
import { BASE_URL, call, newIdempotencyKey, stopServer, useBackend } from './testing/mock-api.js';

after(stopServer);

const pipedrive = (fields: Record<string, unknown> = {}) => ({
  app: 'pipedrive',
  method: 'token',
  fields: { subdomain: 'acme', token: DEMO_KEY, ...fields },
});

function create(body: unknown, key: string | null = newIdempotencyKey()) {
  return call('createConnection', 'POST', '/v1/connections', {
    body,
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
}

const problemOf = (result: { body: unknown }) => result.body as Problem;

describe('POST /v1/connections', () => {
  test('creates a tested connection with a masked hint and, for Pipedrive, a webhook URL', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const result = await create(pipedrive());
    assert.equal(result.status, 201);
    const connection = result.body as Connection;
    assert.match(connection.id, /^con_[A-Za-z0-9]{8,40}$/);
    assert.equal(connection.status, 'connected');
    assert.equal(connection.credentialHint, '••••-123');
    assert.ok(!JSON.stringify(connection).includes(DEMO_KEY), 'the secret never comes back');
    assert.match(
      connection.setup?.webhookUrl ?? '',
      new RegExp(`^${BASE_URL}/v1/hooks/[A-Za-z0-9_-]{16,64}$`),
    );
    assert.equal(connection.setup?.lastEventAt, null);
    assert.deepEqual(backend.store.connections, [connection]);
  });

  test('the same Idempotency-Key and body replays the first answer without a second connection', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const key = newIdempotencyKey();
    const first = await create(pipedrive(), key);
    const replay = await create(
      { fields: pipedrive().fields, method: 'token', app: 'pipedrive' },
      key,
    );
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    assert.equal(backend.store.connections.length, 1);
  });

  test('a failed create replays its failure too', async () => {
    useBackend({ scenario: 'empty' });
    const key = newIdempotencyKey();
    const first = await create(pipedrive({ token: 'demo-key-999' }), key);
    const replay = await create(pipedrive({ token: 'demo-key-999' }), key);
    assert.equal(first.status, 422);
    assert.deepEqual(replay.body, first.body);
  });

  test('the same key with another body is 409 idempotency_conflict; no key is 400', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const key = newIdempotencyKey();
    await create(pipedrive(), key);
    const conflict = await create(pipedrive({ subdomain: 'other' }), key);
    assert.equal(conflict.status, 409);
    assert.equal(problemOf(conflict).code, 'idempotency_conflict');
    const missing = await create(pipedrive({ subdomain: 'third' }), null);
    assert.equal(missing.status, 400);
    assert.equal(problemOf(missing).code, 'idempotency_key_required');
    const malformed = await create(pipedrive({ subdomain: 'fourth' }), 'short');
    assert.equal(problemOf(malformed).code, 'bad_request');
    assert.equal(backend.store.connections.length, 1);
  });

  test('validates fields against the app schema with one error per field', async () => {
    useBackend({ scenario: 'empty' });
    const missing = await create({ app: 'pipedrive', method: 'token', fields: {} });
    assert.equal(missing.status, 422);
    assert.equal(problemOf(missing).code, 'validation_failed');
    assert.deepEqual(
      problemOf(missing).errors?.map((e) => [e.field, e.code]),
      [
        ['subdomain', 'required'],
        ['token', 'required'],
      ],
    );
    const pattern = await create(pipedrive({ subdomain: 'Not A Domain', token: 'xyz' }));
    const errors = problemOf(pattern).errors ?? [];
    assert.deepEqual(
      errors.map((e) => [e.field, e.code]),
      [
        ['subdomain', 'pattern'],
        ['token', 'pattern'],
      ],
    );
    assert.equal(errors[1]?.message, '40 characters: digits and the letters a to f.');
    const option = await create({
      app: 'mailgun',
      method: 'api_key',
      fields: { region: 'mars', domain: 'mg.acme.example', apiKey: DEMO_KEY },
    });
    assert.deepEqual(
      problemOf(option).errors?.map((e) => [e.field, e.code]),
      [['region', 'invalid_option']],
    );
  });

  test('a key that cannot go in an HTTP header is 422 invalid_character, naming the character', async () => {
    useBackend({ scenario: 'empty' });
    const pasted = await create({
      app: 'lemlist',
      method: 'api_key',
      fields: { apiKey: `${DEMO_KEY}\u200b` },
    });
    assert.equal(pasted.status, 422);
    assert.equal(problemOf(pasted).code, 'validation_failed');
    assert.deepEqual(
      problemOf(pasted).errors?.map((e) => [e.field, e.code]),
      [['apiKey', 'invalid_character']],
    );
    assert.match(problemOf(pasted).errors?.[0]?.message ?? '', /U\+200B/);
  });

  test('a select left empty takes its default', async () => {
    useBackend({ scenario: 'empty' });
    const result = await create({
      app: 'mailgun',
      method: 'api_key',
      fields: { domain: 'mg.acme.example', apiKey: DEMO_KEY },
    });
    assert.equal(result.status, 201);
  });

  test('rejects malformed bodies, unknown apps, methods and fields', async () => {
    useBackend({ scenario: 'empty' });
    const cases: Array<[unknown, number, string]> = [
      [{ app: 'pipedrive' }, 400, 'bad_request'],
      [{ ...pipedrive(), extra: 1 }, 400, 'bad_request'],
      [{ ...pipedrive(), fields: { token: { nested: true } } }, 400, 'bad_request'],
      [{ ...pipedrive(), app: 'nope' }, 404, 'not_found'],
      [{ ...pipedrive(), method: 'api_key' }, 422, 'validation_failed'],
      [{ ...pipedrive(), method: 'oauth2' }, 400, 'bad_request'],
      [pipedrive({ surprise: 'x' }), 400, 'bad_request'],
    ];
    for (const [body, status, code] of cases) {
      const result = await create(body);
      assert.equal(result.status, status, JSON.stringify(body));
      assert.equal(problemOf(result).code, code, JSON.stringify(body));
    }
  });

  test(`any key but ${DEMO_KEY} is 422 credentials_rejected on the secret field`, async () => {
    useBackend({ scenario: 'empty' });
    const result = await create(pipedrive({ token: 'demo-key-124' }));
    assert.equal(result.status, 422);
    assert.equal(problemOf(result).code, 'credentials_rejected');
    assert.deepEqual(
      problemOf(result).errors?.map((e) => [e.field, e.code]),
      [['token', 'rejected']],
    );
  });

  test('the same account twice is 409 duplicate_account with the existing connection', async () => {
    useBackend({ scenario: 'empty' });
    const first = (await create(pipedrive())).body as Connection;
    const again = await create(pipedrive());
    assert.equal(again.status, 409);
    assert.equal(problemOf(again).code, 'duplicate_account');
    assert.deepEqual(problemOf(again).existingConnection, first);
    const otherAccount = await create(pipedrive({ subdomain: 'globex' }));
    assert.equal(otherAccount.status, 201, 'another company domain is another account');
  });

  test('validation-errors answers 422 for every field whatever was typed', async () => {
    useBackend({ scenario: 'validation-errors' });
    const result = await create(pipedrive());
    assert.equal(result.status, 422);
    assert.deepEqual(
      problemOf(result).errors?.map((e) => e.field),
      ['subdomain', 'token'],
    );
  });

  test('provider-down answers 503 provider_unavailable with Retry-After', async () => {
    useBackend({ scenario: 'provider-down' });
    const result = await create(pipedrive());
    assert.equal(result.status, 503);
    assert.equal(problemOf(result).code, 'provider_unavailable');
    assert.equal(result.headers.get('Retry-After'), String(problemOf(result).retryAfter));
  });
});

describe('GET, PATCH, DELETE /v1/connections/{id}', () => {
  test('lists newest first and filters by app', async () => {
    useBackend({ scenario: 'empty' });
    const a = (await create(pipedrive())).body as Connection;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = (await create(pipedrive({ subdomain: 'globex' }))).body as Connection;
    const list = (await call('listConnections', 'GET', '/v1/connections')).body as ConnectionList;
    assert.deepEqual(
      list.items.map((c) => c.id),
      [b.id, a.id],
    );
    const none = (await call('listConnections', 'GET', '/v1/connections?app=slack'))
      .body as ConnectionList;
    assert.deepEqual(none.items, []);
  });

  test('PATCH renames, re-checks new credentials and keeps the id', async () => {
    useBackend({ scenario: 'empty' });
    const created = (await create(pipedrive())).body as Connection;
    const path = `/v1/connections/${created.id}`;
    const renamed = await call('updateConnection', 'PATCH', path, {
      body: { label: 'Sales team' },
    });
    assert.equal((renamed.body as Connection).label, 'Sales team');
    const wrongKey = await call('updateConnection', 'PATCH', path, {
      body: { fields: pipedrive({ token: 'demo-key-1' }).fields },
    });
    assert.equal(problemOf(wrongKey).code, 'credentials_rejected');
    const rekeyed = await call('updateConnection', 'PATCH', path, {
      body: { fields: pipedrive().fields },
    });
    assert.equal(rekeyed.status, 200);
    assert.equal((rekeyed.body as Connection).id, created.id);
    assert.equal((rekeyed.body as Connection).label, 'Sales team');
    const empty = await call('updateConnection', 'PATCH', path, { body: {} });
    assert.equal(problemOf(empty).code, 'bad_request');
  });

  test('DELETE answers whether the access was revoked, then the connection is gone', async () => {
    const backend = useBackend();
    const byMethod = (oauth: boolean) =>
      backend.store.connections.filter((connection) => (connection.method === 'oauth2') === oauth);
    const [key] = byMethod(false);
    const [oauth] = byMethod(true);
    const remove = (id: string) => call('deleteConnection', 'DELETE', `/v1/connections/${id}`);

    const deleted = await remove(key!.id);
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body, { revocation: 'not_supported' });
    assert.equal((await call('getConnection', 'GET', `/v1/connections/${key!.id}`)).status, 404);
    assert.equal((await remove(key!.id)).status, 404);

    backend.failNextRevocation();
    const unconfirmed = await remove(oauth!.id);
    assert.equal(unconfirmed.status, 200);
    assert.equal((unconfirmed.body as { revocation: string }).revocation, 'failed');
    assert.match((unconfirmed.body as { message: string }).message, /did not confirm/);
    assert.equal((await call('getConnection', 'GET', `/v1/connections/${oauth!.id}`)).status, 404);
    backend.reset();
    assert.deepEqual((await remove(oauth!.id)).body, { revocation: 'revoked' });
  });
});

describe('POST /v1/connections/{id}/test', () => {
  test('connections-every-status seeds each status with an error message and reference where one failed', async () => {
    const backend = useBackend({ scenario: 'connections-every-status' });
    const statuses = backend.store.connections.map((c) => c.status);
    assert.deepEqual([...statuses].sort(), ['connected', 'error', 'expired', 'needs_reauth']);
    for (const connection of backend.store.connections.filter((c) => c.status !== 'connected')) {
      assert.ok(connection.lastError?.message, connection.id);
      assert.match(connection.lastError.requestId ?? '', /^req_/, connection.id);
    }
    const pipedrive = backend.store.connections.find((c) => c.app === 'pipedrive');
    assert.equal(pipedrive?.setup?.lastEventAt, null, 'waiting for the first webhook event');
  });

  test('outcomes follow the status: connected ok, expired OAuth refreshes, error stays failing', async () => {
    const backend = useBackend({ scenario: 'connections-every-status' });
    const expected = { connected: true, expired: true, error: false, needs_reauth: false };
    for (const connection of [...backend.store.connections]) {
      const result = await call('testConnection', 'POST', `/v1/connections/${connection.id}/test`);
      const outcome = result.body as TestResult;
      assert.equal(outcome.ok, expected[connection.status], connection.status);
      assert.equal(outcome.connection.lastTestedAt, outcome.testedAt);
      assert.equal(outcome.status, outcome.ok ? 'connected' : connection.status);
      if (!outcome.ok)
        assert.equal(outcome.connection.lastError?.requestId, result.headers.get('X-Request-Id'));
    }
  });

  test('test-fails: a connection saves, then its Test fails with a reference', async () => {
    useBackend({ scenario: 'test-fails' });
    const created = await create(pipedrive());
    assert.equal(created.status, 201);
    const id = (created.body as Connection).id;
    const result = await call('testConnection', 'POST', `/v1/connections/${id}/test`);
    const outcome = result.body as TestResult;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.status, 'error');
    assert.deepEqual(outcome.connection.lastError, {
      code: 'credentials_rejected',
      message: outcome.message,
      requestId: result.headers.get('X-Request-Id'),
    });
  });

  test('a connection that failed during an outage passes once the provider is back', async () => {
    const backend = useBackend({ scenario: 'default' });
    const id = backend.store.connections[0]!.id;
    const app = backend.store.connections[0]!.app;
    const setHealth = (status: string) =>
      call('setAppHealth', 'PUT', `/v1/admin/apps/${app}/health`, {
        body: { status },
        token: MOCK_SECRET_KEY,
      });
    assert.equal((await setHealth('down')).status, 200);
    const during = await call('testConnection', 'POST', `/v1/connections/${id}/test`);
    assert.equal((during.body as TestResult).ok, false);
    assert.equal((await setHealth('operational')).status, 200);
    const after = await call('testConnection', 'POST', `/v1/connections/${id}/test`);
    assert.equal((after.body as TestResult).ok, true);
    assert.equal((after.body as TestResult).connection.lastError, null);
  });

  test('provider-down makes the test fail with provider_unavailable', async () => {
    const backend = useBackend({ scenario: 'provider-down' });
    const id = backend.store.connections[0]!.id;
    const outcome = (await call('testConnection', 'POST', `/v1/connections/${id}/test`))
      .body as TestResult;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.connection.lastError?.code, 'provider_unavailable');
  });
});

describe('webhooks', () => {
  test('deliverWebhook sets setup.lastEventAt, as the API then shows', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const created = (await create(pipedrive())).body as Connection;
    const updated = backend.deliverWebhook(created.id);
    assert.ok(updated.setup?.lastEventAt);
    const fetched = (await call('getConnection', 'GET', `/v1/connections/${created.id}`))
      .body as Connection;
    assert.equal(fetched.setup?.lastEventAt, updated.setup?.lastEventAt);
  });

  test('posting to the webhook URL records the event; unknown hooks are 404', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const created = (await create(pipedrive())).body as Connection;
    const path = created.setup!.webhookUrl.slice(BASE_URL.length);
    // Pipedrive sends the HTTP basic auth the setup step shows, as on the real server.
    const auth = created.setup!.webhookAuth!;
    assert.equal(auth.username, 'plugboard');
    const basic = (password: string) =>
      `Basic ${Buffer.from(`${auth.username}:${password}`).toString('base64')}`;
    const attempts: Record<string, string>[] = [{}, { Authorization: basic(`${auth.password}x`) }];
    for (const headers of attempts) {
      const refused = await call('receiveWebhook', 'POST', path, {
        body: { event: 'deal.updated' },
        token: null,
        headers,
      });
      assert.equal(refused.status, 401);
      assert.deepEqual(refused.violations, []);
    }
    assert.equal(backend.store.connections[0]?.setup?.lastEventAt, null);
    const delivered = await call('receiveWebhook', 'POST', path, {
      body: { event: 'deal.updated' },
      token: null,
      headers: { Authorization: basic(auth.password) },
    });
    assert.equal(delivered.status, 202);
    assert.ok(backend.store.connections[0]?.setup?.lastEventAt);
    const unknown = await call('receiveWebhook', 'POST', '/v1/hooks/hook_unknown000000', {
      token: null,
    });
    assert.equal(unknown.status, 404);
  });

  test('deliverWebhook refuses connections without a webhook step', () => {
    const backend = useBackend({ scenario: 'connections-every-status' });
    const oauth = backend.store.connections.find((c) => c.setup === null)!;
    assert.throws(() => backend.deliverWebhook(oauth.id), /no webhook setup/);
  });
});
