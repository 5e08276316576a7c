import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AppPage, Problem, Session } from '@plugboard/contract';
import {
  ORIGIN,
  OTHER_ORIGIN,
  TEST_SECRET_KEY,
  startTestStack,
  type TestStack,
} from '../test-support/test-stack.js';

describe('sessions, origins and CORS', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack();
  });
  after(() => t.close());

  const mint = (body: unknown, secret = TEST_SECRET_KEY) =>
    t.call<Session | Problem>('createSession', '/v1/sessions', {
      method: 'POST',
      origin: null,
      headers: { Authorization: `Bearer ${secret}` },
      body,
    });

  it('mints a short-lived token with the secret key only', async () => {
    const before = Date.now();
    const minted = await mint({ userId: 'u1', allowedOrigins: [ORIGIN] });
    assert.equal(minted.status, 201);
    const session = minted.body as Session;
    assert.match(session.token, /^pbs_/);
    const lifetime = Date.parse(session.expiresAt) - before;
    assert.ok(lifetime > 29 * 60_000 && lifetime <= 30 * 60_000 + 1000, `lifetime ${lifetime}`);

    const wrongKey = await mint(
      { userId: 'u1', allowedOrigins: [ORIGIN] },
      'sk_test_not_the_key_at_all',
    );
    assert.equal(wrongKey.status, 401);
    assert.equal((wrongKey.body as Problem).code, 'unauthorized');
  });

  it('rejects malformed requests and origins that are not bare origins', async () => {
    const missing = await mint({ allowedOrigins: [ORIGIN] });
    assert.equal(missing.status, 400);
    assert.equal((missing.body as Problem).code, 'bad_request');

    const withPath = await mint({
      userId: 'u1',
      allowedOrigins: ['http://localhost:5173/app'],
      allowedApps: ['nope'],
    });
    assert.equal(withPath.status, 422);
    const problem = withPath.body as Problem;
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors?.map((error) => error.field),
      ['allowedOrigins', 'allowedApps'],
    );

    const notJson = await mint('userId=u1');
    assert.equal(notJson.status, 400);
  });

  it('answers 401 without a token and for an unknown one', async () => {
    const none = await t.call<Problem>('listApps', '/v1/apps');
    assert.equal(none.status, 401);
    assert.equal(none.body.code, 'unauthorized');
    assert.equal(none.body.requestId, none.headers.get('X-Request-Id'));
    const unknown = await t.call<Problem>('listApps', '/v1/apps', { token: 'pbs_made_up' });
    assert.equal(unknown.body.code, 'unauthorized');
  });

  it('answers 401 session_expired once the session has expired', async () => {
    const token = await t.session({ ttlSeconds: 60 });
    assert.equal((await t.call('listApps', '/v1/apps?limit=1', { token })).status, 200);
    t.advanceClock(61_000);
    const expired = await t.call<Problem>('listApps', '/v1/apps?limit=1', { token });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.code, 'session_expired');
    // The browser must be able to read the 401 to refresh its token.
    assert.equal(expired.headers.get('Access-Control-Allow-Origin'), ORIGIN);
  });

  it('revokes a token at once', async () => {
    const token = await t.session();
    const revoked = await t.call('revokeSession', '/v1/sessions/revoke', {
      method: 'POST',
      origin: null,
      headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
      body: { token },
    });
    assert.equal(revoked.status, 204);
    const after = await t.call<Problem>('listApps', '/v1/apps', { token });
    assert.equal(after.body.code, 'unauthorized');
  });

  it('refuses other origins (403 forbidden_origin, no CORS headers)', async () => {
    const token = await t.session();
    const response = await t.call<Problem>('listApps', '/v1/apps', { token, origin: OTHER_ORIGIN });
    assert.equal(response.status, 403);
    assert.equal(response.body.code, 'forbidden_origin');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('serves a call without Origin on the token alone, with no CORS headers (issue 14, finding 12)', async () => {
    // Browsers send Origin on every cross-origin fetch, and the widget's carry an Authorization
    // header, so a call without Origin is not a browser's: a host's server, a test, curl. Those
    // could send any Origin they like; the token is what authenticates them.
    const token = await t.session();
    const serverSide = await t.call('listApps', '/v1/apps?limit=1', { token, origin: null });
    assert.equal(serverSide.status, 200);
    assert.equal(serverSide.headers.get('Access-Control-Allow-Origin'), null);
    // The Origin check is what stops another site's page from using a leaked token in a browser.
    const elsewhere = await t.call<Problem>('listApps', '/v1/apps?limit=1', {
      token,
      origin: OTHER_ORIGIN,
    });
    assert.equal(elsewhere.status, 403);
    const opaque = await t.call<Problem>('listApps', '/v1/apps?limit=1', { token, origin: 'null' });
    assert.equal(opaque.status, 403, 'a sandboxed frame or file: page (Origin: null) is refused');
  });

  it('answers CORS preflights only for allowed origins, without credentials', async () => {
    await t.session();
    const preflight = (origin: string) =>
      fetch(`${t.stack.url}/v1/connections`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
        },
      });
    const allowed = await preflight(ORIGIN);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    assert.equal(
      allowed.headers.get('Access-Control-Allow-Headers'),
      'Authorization, Content-Type, Idempotency-Key, If-None-Match, Last-Event-ID',
    );
    assert.match(allowed.headers.get('Access-Control-Allow-Methods') ?? '', /PATCH/);
    assert.equal(allowed.headers.get('Access-Control-Allow-Credentials'), null);

    const refused = await preflight(OTHER_ORIGIN);
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);

    const token = await t.session();
    const actual = await t.call('listApps', '/v1/apps?limit=1', { token });
    assert.equal(actual.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    assert.equal(
      actual.headers.get('Access-Control-Expose-Headers'),
      'ETag, X-Request-Id, Retry-After',
    );
  });

  it('hides apps outside the allowlist and refuses them with app_not_allowed', async () => {
    const token = await t.session({ allowedApps: ['pipedrive', 'slack'] });
    const page = await t.call<AppPage>('listApps', '/v1/apps', { token });
    assert.deepEqual(page.body.items.map((app) => app.key).sort(), ['pipedrive', 'slack']);
    const refused = await t.call<Problem>('getApp', '/v1/apps/stripe', { token });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'app_not_allowed');
    const create = await t.call<Problem>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': 'allowlist-key-1' },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    assert.equal(create.body.code, 'app_not_allowed');
  });

  it('answers unknown routes and oversized bodies as problems', async () => {
    const token = await t.session();
    const missing = await fetch(`${t.stack.url}/v2/nothing`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('Content-Type'), 'application/problem+json');
    assert.ok(missing.headers.get('X-Request-Id'));

    const huge = await t.call<Problem>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': 'huge-body-key' },
      body: { app: 'stripe', method: 'api_key', label: 'x'.repeat(100_000), fields: {} },
    });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.code, 'payload_too_large');
  });
});
