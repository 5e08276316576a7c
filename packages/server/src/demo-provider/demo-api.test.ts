import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_API_KEY, DEMO_USER, startDemoProvider, type DemoProvider } from './index.js';
import { TEST_CLIENT, getMe } from '../test-support/oauth-test-client.js';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const DEMO_IDENTITY = { id: 'demo-user', email: 'demo@example.com', name: 'Demo User', scopes: [] };
const SECOND_IDENTITY = {
  id: 'demo-user-2',
  email: 'alex@example.com',
  name: 'Alex Rivera',
  scopes: [],
};
const SECOND_KEY = 'demo-key-456';

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

  it('tells the two demo accounts apart by their keys, as a header or as Basic', async () => {
    const byKey = await getMe(provider, { 'x-api-key': SECOND_KEY });
    assert.deepEqual(byKey.body, SECOND_IDENTITY);
    const byBasic = await getMe(provider, { authorization: basic('alex@example.com', SECOND_KEY) });
    assert.deepEqual(byBasic.body, SECOND_IDENTITY);
    const crossed = await getMe(provider, {
      authorization: basic('alex@example.com', DEMO_API_KEY),
    });
    assert.equal(crossed.status, 401, 'one account’s email with the other’s key');
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

  const list = async (path: string, key = DEMO_API_KEY) => {
    const response = await fetch(`${provider.apiBaseUrl}${path}`, {
      headers: { 'x-api-key': key },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  type Page = { items: Array<Record<string, unknown>>; next_cursor: string | null };

  it('lists the account’s channels a page at a time, searchable by name', async () => {
    const first = (await list('/channels?limit=50')).body as Page;
    assert.equal(first.items.length, 50);
    assert.deepEqual(first.items[0], {
      id: 'C0GENERAL',
      name: 'general',
      topic: 'Company-wide announcements',
      is_member: true,
    });
    assert.equal(first.next_cursor, '50');
    const names: unknown[] = [];
    let cursor: string | null = '0';
    while (cursor !== null) {
      const page = (await list(`/channels?limit=50&cursor=${cursor}`)).body as Page;
      names.push(...page.items.map((item) => item.name));
      cursor = page.next_cursor;
    }
    assert.equal(names.length, 126);
    const search = (await list('/channels?q=SAL')).body as Page;
    assert.deepEqual(search, {
      items: [{ id: 'C0SALES', name: 'sales', topic: 'Deals, leads and wins', is_member: true }],
      next_cursor: null,
    });
    const theirs = (await list('/channels?q=general', SECOND_KEY)).body as Page;
    assert.deepEqual(
      theirs.items.map((item) => item.id),
      ['C2GENERAL'],
      'each account sees its own workspace',
    );
  });

  it('answers one channel with the membership a check reads, 404 for another account’s', async () => {
    assert.equal((await list('/channels/C0RANDOM')).body.is_member, false);
    assert.equal((await list('/channels/C0SALES')).body.is_member, true);
    assert.equal((await list('/channels/C0SALES', SECOND_KEY)).status, 404);
  });

  it('lists pipelines and their stages', async () => {
    const pipelines = (await list('/pipelines')).body as Page;
    assert.deepEqual(
      pipelines.items.map((item) => item.name),
      ['Sales pipeline', 'Partnerships', 'Renewals'],
    );
    const stages = (await list('/stages?q=renewals won')).body as Page;
    assert.deepEqual(
      stages.items.map((item) => [item.id, item.pipeline_name, item.name]),
      [[35, 'Renewals', 'Won']],
    );
    const won = (await list('/stages?q=won', SECOND_KEY)).body as Page;
    assert.deepEqual(won.items, []);
    const qualified = (await list('/stages?q=qualified', SECOND_KEY)).body as Page;
    assert.deepEqual(qualified.items[0], {
      id: 111,
      name: 'Qualified',
      pipeline_id: 11,
      pipeline_name: 'Hiring',
    });
  });

  it('stops answering after close()', async () => {
    const second = await startDemoProvider({ clients: [TEST_CLIENT] });
    assert.equal((await getMe(second, { 'x-api-key': DEMO_API_KEY })).status, 200);
    await second.close();
    await assert.rejects(fetch(`${second.apiBaseUrl}/me`));
  });
});
