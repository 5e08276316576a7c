import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Connection, ConnectionList, Problem, TestResult } from '@plugboard/contract';
import {
  idempotencyKey,
  startTestStack,
  TEST_SECRET_KEY,
  type TestStack,
} from '../test-support/test-stack.js';

const PIPEDRIVE_FIELDS = { subdomain: 'acme', token: 'demo-key-123' };

describe('connections', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ credentialAttemptsPerMinute: 100 });
  });
  after(() => t.close());

  const create = (token: string, body: unknown, key: string | null = idempotencyKey()) =>
    t.call<Connection | Problem>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: key === null ? {} : { 'Idempotency-Key': key },
      body,
    });

  it('creates a connection after checking the key with the service', async () => {
    const token = await t.session({ userId: 'create-user' });
    const created = await create(token, {
      app: 'stripe',
      method: 'api_key',
      fields: { apiKey: '  demo-key-123  ' },
    });
    assert.equal(created.status, 201);
    const connection = created.body as Connection;
    assert.match(connection.id, /^con_/);
    assert.equal(connection.label, 'demo@example.com');
    assert.equal(connection.status, 'connected');
    assert.equal(connection.credentialHint, '••••123');
    assert.ok(connection.lastTestedAt);

    const fetched = await t.call<Connection>('getConnection', `/v1/connections/${connection.id}`, {
      token,
    });
    assert.deepEqual(fetched.body, connection);
    const list = await t.call<ConnectionList>('listConnections', '/v1/connections?app=stripe', {
      token,
    });
    assert.deepEqual(
      list.body.items.map((item) => item.id),
      [connection.id],
    );
    const none = await t.call<ConnectionList>('listConnections', '/v1/connections?app=slack', {
      token,
    });
    assert.deepEqual(none.body.items, []);
  });

  it('answers 422 validation_failed with an error per bad field', async () => {
    const token = await t.session({ userId: 'validation-user' });
    const missing = await create(token, {
      app: 'pipedrive',
      method: 'token',
      fields: { subdomain: '  ' },
    });
    assert.equal(missing.status, 422);
    const problem = missing.body as Problem;
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors?.map((error) => [error.field, error.code]),
      [
        ['subdomain', 'required'],
        ['token', 'required'],
      ],
    );

    const badPattern = await create(token, {
      app: 'pipedrive',
      method: 'token',
      fields: { subdomain: 'Not A Domain!', token: 'short' },
    });
    const codes = (badPattern.body as Problem).errors?.map((error) => [error.field, error.code]);
    assert.deepEqual(codes, [
      ['subdomain', 'pattern'],
      ['token', 'pattern'],
    ]);
    assert.match((badPattern.body as Problem).errors?.[1]?.message ?? '', /40 characters/);

    const badOption = await create(token, {
      app: 'mailgun',
      method: 'api_key',
      fields: { region: 'mars', domain: 'mg.example.com', apiKey: 'demo-key-123' },
    });
    assert.deepEqual(
      (badOption.body as Problem).errors?.map((error) => [error.field, error.code]),
      [['region', 'invalid_option']],
    );

    const wrongType = await create(token, {
      app: 'jira',
      method: 'basic',
      fields: { subdomain: 'acme', username: 42, password: 'demo-key-123' },
    });
    assert.deepEqual(
      (wrongType.body as Problem).errors?.map((error) => [error.field, error.code]),
      [['username', 'type']],
    );

    const oauthHere = await create(token, { app: 'slack', method: 'oauth2', fields: {} });
    assert.equal(oauthHere.status, 400);
  });

  it('refuses a key that cannot go in an HTTP header with 422 on that field, naming the character', async () => {
    const token = await t.session({ userId: 'header-character-user' });
    // A key pasted with a zero-width space, and one with a newline inside: fetch refuses both as
    // header values, which used to be reported as the service being unreachable.
    for (const [apiKey, named] of [
      ['demo-key-123\u200b', /invisible character U\+200B/],
      ['demo-key\n-123', /invisible character U\+000A/],
      ['demo-këy-123', /“ë” \(U\+00EB\)/],
    ] as const) {
      const refused = await create(token, {
        app: 'lemlist',
        method: 'api_key',
        fields: { apiKey },
      });
      assert.equal(refused.status, 422, JSON.stringify(apiKey));
      const problem = refused.body as Problem;
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => [error.field, error.code]),
        [['apiKey', 'invalid_character']],
      );
      assert.match(problem.errors?.[0]?.message ?? '', named);
    }
  });

  it('answers 422 credentials_rejected with the error on the secret field for a wrong key', async () => {
    const token = await t.session({ userId: 'wrong-key-user' });
    const rejected = await create(token, {
      app: 'sendgrid',
      method: 'api_key',
      fields: { apiKey: 'demo-key-999' },
    });
    assert.equal(rejected.status, 422);
    const problem = rejected.body as Problem;
    assert.equal(problem.code, 'credentials_rejected');
    assert.deepEqual(
      problem.errors?.map((error) => [error.field, error.code]),
      [['apiKey', 'rejected']],
    );
    const list = await t.call<ConnectionList>('listConnections', '/v1/connections', { token });
    assert.equal(list.body.items.length, 0);
  });

  it('signs in with basic auth (email and API token)', async () => {
    const token = await t.session({ userId: 'basic-user' });
    const ok = await create(token, {
      app: 'jira',
      method: 'basic',
      fields: { subdomain: 'acme', username: 'demo@example.com', password: 'demo-key-123' },
    });
    assert.equal(ok.status, 201);
    const wrongUser = await create(token, {
      app: 'confluence',
      method: 'basic',
      fields: { subdomain: 'acme', username: 'someone@example.com', password: 'demo-key-123' },
    });
    assert.equal((wrongUser.body as Problem).code, 'credentials_rejected');
    assert.equal((wrongUser.body as Problem).errors?.[0]?.field, 'password');
  });

  it('detects an account that is already connected (409 duplicate_account)', async () => {
    const token = await t.session({ userId: 'duplicate-user' });
    const first = await create(token, {
      app: 'lemlist',
      method: 'api_key',
      fields: { apiKey: 'demo-key-123' },
    });
    const second = await create(token, {
      app: 'lemlist',
      method: 'api_key',
      fields: { apiKey: 'demo-key-123' },
    });
    assert.equal(second.status, 409);
    const problem = second.body as Problem;
    assert.equal(problem.code, 'duplicate_account');
    assert.equal(problem.existingConnection?.id, (first.body as Connection).id);
  });

  it('replays an idempotent retry and refuses the key for another body', async () => {
    const token = await t.session({ userId: 'idempotent-user' });
    const key = idempotencyKey();
    const body = { app: 'klaviyo', method: 'api_key', fields: { apiKey: 'demo-key-123' } };
    const [first, concurrent] = await Promise.all([
      create(token, body, key),
      create(token, body, key),
    ]);
    assert.equal(first.status, 201);
    assert.deepEqual(concurrent.body, first.body);
    const retry = await create(
      token,
      { fields: body.fields, method: body.method, app: body.app },
      key,
    );
    assert.equal(retry.status, 201);
    assert.deepEqual(retry.body, first.body);
    const list = await t.call<ConnectionList>('listConnections', '/v1/connections', { token });
    assert.equal(list.body.items.length, 1);

    const conflict = await create(token, { ...body, label: 'Another' }, key);
    assert.equal(conflict.status, 409);
    assert.equal((conflict.body as Problem).code, 'idempotency_conflict');

    // A failed attempt does not hold its key: the corrected body may reuse it.
    const retried = idempotencyKey();
    const typo = await create(
      token,
      { app: 'lemlist', method: 'api_key', fields: { apiKey: 'demo-key-12' } },
      retried,
    );
    assert.equal(typo.status, 422);
    const fixed = await create(
      token,
      { app: 'lemlist', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
      retried,
    );
    assert.equal(fixed.status, 201);

    const noKey = await create(token, body, null);
    assert.equal(noKey.status, 400);
    assert.equal((noKey.body as Problem).code, 'idempotency_key_required');
  });

  it('keeps only a keyed HMAC of an idempotent body, never a plain hash of it (finding 8)', async () => {
    const token = await t.session({ userId: 'hmac-user' });
    const key = idempotencyKey();
    const body = { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } };
    assert.equal((await create(token, body, key)).status, 201);
    const row = await t.stack.database.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    const sorted = '{"app":"stripe","fields":{"apiKey":"demo-key-123"},"method":"api_key"}';
    for (const text of [sorted, JSON.stringify(body)]) {
      for (const encoding of ['hex', 'base64url', 'base64'] as const) {
        const digest = createHash('sha256').update(text).digest(encoding);
        assert.ok(
          !stored.includes(digest),
          `an unsalted SHA-256 (${encoding}) of the body is stored`,
        );
      }
    }
    assert.ok(!stored.includes('demo-key-123'));
  });

  it('updates the label and the credentials, keeping the id', async () => {
    const token = await t.session({ userId: 'update-user' });
    const created = (
      await create(token, {
        app: 'harvest',
        method: 'token',
        fields: { accountId: '123456', token: 'demo-key-123' },
      })
    ).body as Connection;
    const relabelled = await t.call<Connection>(
      'updateConnection',
      `/v1/connections/${created.id}`,
      {
        method: 'PATCH',
        token,
        body: { label: '  Agency account ' },
      },
    );
    assert.equal(relabelled.status, 200);
    assert.equal(relabelled.body.label, 'Agency account');
    assert.equal(relabelled.body.id, created.id);

    const rejected = await t.call<Problem>('updateConnection', `/v1/connections/${created.id}`, {
      method: 'PATCH',
      token,
      body: { fields: { accountId: '123456', token: 'demo-key-000' } },
    });
    assert.equal(rejected.status, 422);
    assert.equal(rejected.body.code, 'credentials_rejected');

    const rekeyed = await t.call<Connection>('updateConnection', `/v1/connections/${created.id}`, {
      method: 'PATCH',
      token,
      body: { fields: { accountId: '654321', token: 'demo-key-123' } },
    });
    assert.equal(rekeyed.status, 200);
    assert.equal(rekeyed.body.id, created.id);
    assert.equal(rekeyed.body.label, 'Agency account');

    const empty = await t.call<Problem>('updateConnection', `/v1/connections/${created.id}`, {
      method: 'PATCH',
      token,
      body: {},
    });
    assert.equal(empty.status, 400);
  });

  it('tests a connection against the service and records the outcome', async () => {
    const token = await t.session({ userId: 'test-user' });
    const created = (
      await create(token, { app: 'github', method: 'token', fields: { token: 'demo-key-123' } })
    ).body as Connection;
    t.advanceClock(1000);
    const tested = await t.call<TestResult>(
      'testConnection',
      `/v1/connections/${created.id}/test`,
      {
        method: 'POST',
        token,
      },
    );
    assert.equal(tested.status, 200);
    assert.equal(tested.body.ok, true);
    assert.equal(tested.body.status, 'connected');
    assert.equal(tested.body.message, 'Connected as demo@example.com');
    assert.equal(tested.body.connection.lastTestedAt, tested.body.testedAt);
    assert.ok(Date.parse(tested.body.testedAt) > Date.parse(created.lastTestedAt!));
  });

  it('records a failed test with the id of the request that found it, for support', async () => {
    const token = await t.session({ userId: 'failed-test-user' });
    const created = (
      await create(token, { app: 'github', method: 'token', fields: { token: 'demo-key-123' } })
    ).body as Connection;
    const setHealth = (status: 'down' | 'operational') =>
      t.call('setAppHealth', '/v1/admin/apps/github/health', {
        method: 'PUT',
        origin: null,
        headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
        body: { status },
      });
    assert.equal((await setHealth('down')).status, 200);
    try {
      const tested = await t.call<TestResult>(
        'testConnection',
        `/v1/connections/${created.id}/test`,
        { method: 'POST', token },
      );
      assert.equal(tested.body.ok, false);
      const requestId = tested.headers.get('X-Request-Id');
      assert.ok(requestId);
      assert.deepEqual(tested.body.connection.lastError, {
        code: 'provider_unavailable',
        message: tested.body.message,
        requestId,
      });
      // Stored with the failure: a later read shows the same reference.
      const read = await t.call<Connection>('getConnection', `/v1/connections/${created.id}`, {
        token,
      });
      assert.equal(read.body.lastError?.requestId, requestId);
      assert.notEqual(read.headers.get('X-Request-Id'), requestId);
    } finally {
      await setHealth('operational');
    }
  });

  it('deletes a connection, and keeps other users out of it', async () => {
    const token = await t.session({ userId: 'delete-user' });
    const intruder = await t.session({ userId: 'someone-else' });
    const created = (
      await create(token, {
        app: 'debitoor',
        method: 'api_key',
        fields: { apiKey: 'demo-key-123' },
      })
    ).body as Connection;
    const path = `/v1/connections/${created.id}`;
    assert.equal((await t.call('getConnection', path, { token: intruder })).status, 404);
    assert.equal(
      (await t.call('deleteConnection', path, { method: 'DELETE', token: intruder })).status,
      404,
    );
    assert.equal(
      (await t.call('testConnection', `${path}/test`, { method: 'POST', token: intruder })).status,
      404,
    );
    const deleted = await t.call('deleteConnection', path, { method: 'DELETE', token });
    assert.equal(deleted.status, 200);
    // A key the user made at the service is theirs to delete there.
    assert.deepEqual(deleted.body, { revocation: 'not_supported' });
    assert.equal((await t.call('getConnection', path, { token })).status, 404);
    assert.equal(
      (await t.call('getConnection', '/v1/connections/not-an-id', { token })).status,
      404,
    );
  });

  it("treats another app's connection as absent in a session limited to some apps", async () => {
    const everything = await t.session({ userId: 'allowlist-user' });
    const stripe = (
      await create(everything, {
        app: 'stripe',
        method: 'api_key',
        fields: { apiKey: 'demo-key-123' },
      })
    ).body as Connection;
    const pipedrive = (
      await create(everything, {
        app: 'pipedrive',
        method: 'token',
        fields: PIPEDRIVE_FIELDS,
      })
    ).body as Connection;

    const pipedriveOnly = await t.session({ userId: 'allowlist-user', allowedApps: ['pipedrive'] });
    const list = await t.call<ConnectionList>('listConnections', '/v1/connections', {
      token: pipedriveOnly,
    });
    assert.deepEqual(
      list.body.items.map((item) => item.id),
      [pipedrive.id],
    );
    const filtered = await t.call<ConnectionList>('listConnections', '/v1/connections?app=stripe', {
      token: pipedriveOnly,
    });
    assert.deepEqual(filtered.body.items, []);

    const path = `/v1/connections/${stripe.id}`;
    const answers = [
      await t.call<Problem>('getConnection', path, { token: pipedriveOnly }),
      await t.call<Problem>('updateConnection', path, {
        method: 'PATCH',
        token: pipedriveOnly,
        body: { label: 'Renamed from a Pipedrive-only session' },
      }),
      await t.call<Problem>('testConnection', `${path}/test`, {
        method: 'POST',
        token: pipedriveOnly,
      }),
      await t.call<Problem>('deleteConnection', path, { method: 'DELETE', token: pipedriveOnly }),
    ];
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.body.code]),
      Array(4).fill([404, 'not_found']),
    );
    // Nothing happened to it: the unrestricted session still sees it unchanged.
    const untouched = await t.call<Connection>('getConnection', path, { token: everything });
    assert.equal(untouched.status, 200);
    assert.equal(untouched.body.label, stripe.label);
    assert.equal(untouched.body.lastTestedAt, stripe.lastTestedAt);
    // Its own app's connection stays fully usable.
    const own = await t.call<Connection>('getConnection', `/v1/connections/${pipedrive.id}`, {
      token: pipedriveOnly,
    });
    assert.equal(own.status, 200);
  });

  it('gives webhook apps a per-connection URL that records deliveries', async () => {
    const token = await t.session({ userId: 'webhook-user' });
    const created = (
      await create(token, { app: 'pipedrive', method: 'token', fields: PIPEDRIVE_FIELDS })
    ).body as Connection;
    assert.ok(created.setup);
    assert.match(created.setup.webhookUrl, new RegExp(`^${t.stack.url}/v1/hooks/[A-Za-z0-9]{32}$`));
    assert.equal(created.setup.lastEventAt, null);

    const hookPath = new URL(created.setup.webhookUrl).pathname;
    // Pipedrive sends the HTTP basic auth set on the webhook: the setup step shows it.
    const auth = created.setup.webhookAuth;
    assert.ok(auth, 'Pipedrive webhooks get HTTP basic auth credentials');
    assert.equal(auth.username, 'plugboard');
    assert.match(auth.password, /^[A-Za-z0-9_-]{43}$/);
    const basic = (username: string, password: string) =>
      `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const deliver = (authorization?: string) =>
      t.call<Problem>('receiveWebhook', hookPath, {
        method: 'POST',
        origin: null,
        headers: authorization ? { Authorization: authorization } : {},
        body: { event: 'added.deal', current: { id: 1 } },
      });
    for (const refused of [
      await deliver(),
      await deliver(basic(auth.username, `${auth.password}x`)),
      await deliver(basic('someone', auth.password)),
      await deliver(`Bearer ${auth.password}`),
    ]) {
      assert.equal(refused.status, 401);
      assert.equal(refused.body.code, 'unauthorized');
    }
    const notYet = await t.call<Connection>('getConnection', `/v1/connections/${created.id}`, {
      token,
    });
    assert.equal(notYet.body.setup?.lastEventAt, null, 'a refused delivery records nothing');
    const delivered = await deliver(basic(auth.username, auth.password));
    assert.equal(delivered.status, 202);
    const after = await t.call<Connection>('getConnection', `/v1/connections/${created.id}`, {
      token,
    });
    assert.ok(after.body.setup?.lastEventAt);
    const deliveries = await t.stack.database.db
      .selectFrom('webhook_deliveries')
      .select('connection_id')
      .execute();
    assert.deepEqual(
      deliveries.map((row) => row.connection_id),
      [created.id],
    );

    const unknown = await t.call<Problem>(
      'receiveWebhook',
      '/v1/hooks/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      {
        method: 'POST',
        origin: null,
        body: {},
      },
    );
    assert.equal(unknown.status, 404);
    const tooBig = await t.call<Problem>('receiveWebhook', hookPath, {
      method: 'POST',
      origin: null,
      headers: { Authorization: basic(auth.username, auth.password) },
      body: { blob: 'x'.repeat(300_000) },
    });
    assert.equal(tooBig.status, 413);
  });
});

describe('credential rate limit', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ credentialAttemptsPerMinute: 3, appAttemptsPerMinute: 100 });
  });
  after(() => t.close());

  const attempt = (token: string, apiKey = 'demo-key-000', app = 'stripe') =>
    t.call<Problem>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app, method: 'api_key', fields: { apiKey } },
    });

  it('answers 429 with Retry-After once a session submits too many credentials', async () => {
    const token = await t.session();
    for (let i = 0; i < 3; i += 1) assert.equal((await attempt(token)).status, 422);
    const limited = await attempt(token);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'rate_limited');
    const retryAfter = Number(limited.headers.get('Retry-After'));
    assert.ok(retryAfter > 0 && retryAfter <= 60);
    assert.equal(limited.body.retryAfter, retryAfter);

    // Another user is not affected; the window ends after a minute.
    const other = await t.session({ userId: 'other' });
    assert.equal((await attempt(other, 'demo-key-123')).status, 201);
    t.advanceClock(61_000);
    assert.equal((await attempt(token)).status, 422);
  });

  it('counts per user: fresh sessions of the same user do not reset it (finding 6)', async () => {
    const userId = 'session-hopper';
    for (let i = 0; i < 3; i += 1) {
      const fresh = await t.session({ userId });
      assert.equal((await attempt(fresh)).status, 422);
    }
    const yetAnother = await t.session({ userId });
    assert.equal((await attempt(yetAnother)).status, 429);
  });
});

describe('per-app limit across users', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ credentialAttemptsPerMinute: 100, appAttemptsPerMinute: 4 });
  });
  after(() => t.close());

  it('holds an app to its limit whoever submits, Tests included (finding 6)', async () => {
    const submit = (token: string) =>
      t.call<Connection | Problem>('createConnection', '/v1/connections', {
        method: 'POST',
        token,
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
      });
    const first = await submit(await t.session({ userId: 'app-user-1' }));
    assert.equal(first.status, 201);
    const ownerToken = await t.session({ userId: 'app-user-1' });
    const test = (id: string) =>
      t.call('testConnection', `/v1/connections/${id}/test`, { method: 'POST', token: ownerToken });
    assert.equal((await test((first.body as Connection).id)).status, 200);
    assert.equal((await submit(await t.session({ userId: 'app-user-2' }))).status, 201);
    assert.equal((await submit(await t.session({ userId: 'app-user-3' }))).status, 201);
    const limited = await submit(await t.session({ userId: 'app-user-4' }));
    assert.equal(limited.status, 429, 'the fifth attempt on stripe in a minute');
    assert.equal((await test((first.body as Connection).id)).status, 429, 'a Test counts too');
    // Other apps have their own budget.
    const other = await t.call('createConnection', '/v1/connections', {
      method: 'POST',
      token: await t.session({ userId: 'app-user-4' }),
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app: 'lemlist', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    assert.equal(other.status, 201);
  });
});
