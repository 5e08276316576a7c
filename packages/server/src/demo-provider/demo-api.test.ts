import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_API_KEY, DEMO_USER, startDemoProvider, type DemoProvider } from './index.js';
import { TEST_CLIENT, getMe } from '../test-support/oauth-test-client.js';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const DEMO_IDENTITY = { id: 'demo-user', email: 'demo@example.com', name: 'Demo User', scopes: [] };

describe('demo API', () => {
  let provider: DemoProvider;

  before(async () => {
    provider = await startDemoProvider({ clients: [TEST_CLIENT] });
  });
  after(() => provider.close());

  it('is served under the issuer', () => {
    assert.equal(provider.apiBaseUrl, `${provider.issuer}/api`);
    assert.match(provider.issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('accepts the demo API key as X-Api-Key', async () => {
    const me = await getMe(provider, { 'x-api-key': DEMO_API_KEY });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, DEMO_IDENTITY);
  });

  it('accepts the demo API key as HTTP Basic with the demo email', async () => {
    const me = await getMe(provider, { authorization: basic(DEMO_USER.email, DEMO_API_KEY) });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, DEMO_IDENTITY);
  });

  const rejected: Array<[string, Record<string, string>]> = [
    ['a wrong X-Api-Key', { 'x-api-key': 'demo-key-124' }],
    ['Basic with a wrong key', { authorization: basic(DEMO_USER.email, 'wrong') }],
    ['Basic with another email', { authorization: basic('other@example.com', DEMO_API_KEY) }],
    ['an unknown bearer token', { authorization: 'Bearer not-a-token' }],
    ['no credentials', {}],
  ];
  for (const [name, headers] of rejected) {
    it(`answers 401 JSON for ${name}`, async () => {
      const me = await getMe(provider, headers);
      assert.equal(me.status, 401);
      assert.equal(me.body.error, 'unauthorized');
      assert.equal(typeof me.body.message, 'string');
    });
  }

  it('answers 404 for unknown endpoints and 405 for other methods', async () => {
    const missing = await fetch(`${provider.apiBaseUrl}/contacts`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    assert.equal(missing.status, 404);
    await missing.body?.cancel();
    const post = await fetch(`${provider.apiBaseUrl}/me`, { method: 'POST' });
    assert.equal(post.status, 405);
    await post.body?.cancel();
  });

  it('stops answering after close()', async () => {
    const second = await startDemoProvider({ clients: [TEST_CLIENT] });
    assert.equal((await getMe(second, { 'x-api-key': DEMO_API_KEY })).status, 200);
    await second.close();
    await assert.rejects(fetch(`${second.apiBaseUrl}/me`));
  });
});
