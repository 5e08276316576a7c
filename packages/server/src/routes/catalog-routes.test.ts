import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App, AppPage, Problem } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { TEST_SECRET_KEY, startTestStack, type TestStack } from '../test-support/test-stack.js';

describe('catalog', () => {
  let t: TestStack;
  let token: string;
  before(async () => {
    t = await startTestStack();
    token = await t.session();
  });
  after(() => t.close());

  it('pages through the whole catalog, most popular first, with logo URLs on this server', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await t.call<AppPage>('listApps', `/v1/apps?limit=20${query}`, { token });
      assert.equal(page.body.total, demoCatalog.length);
      seen.push(...page.body.items.map((app) => app.key));
      cursor = page.body.nextCursor;
      pages += 1;
    }
    assert.equal(pages, Math.ceil(demoCatalog.length / 20));
    assert.deepEqual([...seen].sort(), demoCatalog.map((app) => app.key).sort());
    const first = await t.call<AppPage>('listApps', '/v1/apps?limit=3', { token });
    const popularity = first.body.items.map((app) => app.popularity);
    assert.deepEqual(
      popularity,
      [...popularity].sort((a, b) => b - a),
    );
    assert.equal(
      first.body.items[0]?.logoUrl,
      `${t.stack.url}/logos/${first.body.items[0]?.key}.svg`,
    );
  });

  it('searches names and aliases, ignoring case and accents, and filters by category', async () => {
    const search = async (q: string) =>
      (
        await t.call<AppPage>('listApps', `/v1/apps?q=${encodeURIComponent(q)}`, { token })
      ).body.items.map((app) => app.key);
    assert.equal((await search('gsheets'))[0], 'google-sheets');
    assert.equal((await search('DEBITOOR'))[0], 'debitoor');
    assert.equal((await search('débitoor'))[0], 'debitoor');
    assert.equal((await search('sendinblue'))[0], 'brevo');
    assert.ok((await search('ms teams')).includes('microsoft-teams'));
    assert.deepEqual(await search('zzzz-nothing'), []);
    const crm = await t.call<AppPage>('listApps', '/v1/apps?category=CRM', { token });
    assert.ok(crm.body.items.length >= 4);
    assert.ok(crm.body.items.every((app) => app.categories.includes('CRM')));
  });

  it('rejects a bad limit or cursor', async () => {
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'cursor=bm9wZQ']) {
      const response = await t.call<Problem>('listApps', `/v1/apps?${query}`, { token });
      assert.equal(response.status, 400, query);
      assert.equal(response.body.code, 'bad_request');
    }
  });

  it('answers 304 for a page or an app the client already has', async () => {
    const page = await t.call('listApps', '/v1/apps', { token });
    const etag = page.headers.get('ETag');
    assert.ok(etag);
    const again = await t.call('listApps', '/v1/apps', {
      token,
      headers: { 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    const app = await t.call<App>('getApp', '/v1/apps/pipedrive', { token });
    const notModified = await t.call('getApp', '/v1/apps/pipedrive', {
      token,
      headers: { 'If-None-Match': app.headers.get('ETag')! },
    });
    assert.equal(notModified.status, 304);
  });

  it('returns one app with its methods, fields and setup steps, and 404 for unknown keys', async () => {
    const pipedrive = await t.call<App>('getApp', '/v1/apps/pipedrive', { token });
    assert.equal(pipedrive.body.authMethods[0]?.type, 'token');
    const webhook = pipedrive.body.setupSteps.find((step) => step.type === 'webhook_url');
    assert.deepEqual(
      pipedrive.body.setupSteps.map((step) => step.key),
      ['pipeline', 'stages', 'dealPrefix', 'webhook'],
    );
    assert.match(webhook?.instructions[0] ?? '', /Settings › Webhooks/);
    const missing = await t.call<Problem>('getApp', '/v1/apps/not-an-app', { token });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
  });

  it('serves a generated SVG logo per app', async () => {
    const response = await fetch(`${t.stack.url}/logos/hubspot.svg`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'image/svg+xml');
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    const svg = await response.text();
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<rect [^>]*rx="14" fill="#FF7A59"/);
    assert.match(svg, />HS<\/text>/);
    assert.equal((await fetch(`${t.stack.url}/logos/nope.svg`)).status, 404);
  });

  it('switches an app health with the secret key, and refuses work while it is down', async () => {
    const setHealth = (body: unknown, secret = TEST_SECRET_KEY) =>
      t.call<App | Problem>('setAppHealth', '/v1/admin/apps/stripe/health', {
        method: 'PUT',
        origin: null,
        headers: { Authorization: `Bearer ${secret}` },
        body,
      });
    assert.equal((await setHealth({ status: 'down' }, 'sk_test_wrong_wrong_wrong')).status, 401);
    const down = await setHealth({ status: 'down', message: 'Stripe is having an outage.' });
    assert.equal(down.status, 200);
    assert.deepEqual((down.body as App).health, {
      status: 'down',
      message: 'Stripe is having an outage.',
    });

    const listed = await t.call<AppPage>('listApps', '/v1/apps?q=stripe', { token });
    assert.equal(listed.body.items[0]?.health.status, 'down');
    const create = await t.call<Problem>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': 'health-down-key' },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    assert.equal(create.status, 503);
    assert.equal(create.body.code, 'provider_unavailable');
    assert.ok(Number(create.headers.get('Retry-After')) > 0);

    const slackDown = await t.call('setAppHealth', '/v1/admin/apps/slack/health', {
      method: 'PUT',
      origin: null,
      headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
      body: { status: 'down' },
    });
    assert.equal(slackDown.status, 200);
    const flow = await t.call<Problem>('startOAuthFlow', '/v1/oauth/flows', {
      method: 'POST',
      token,
      body: { app: 'slack', openerOrigin: 'http://localhost:5173', mode: 'popup' },
    });
    assert.equal(flow.status, 503);
    assert.equal(flow.body.code, 'provider_unavailable');

    assert.equal((await setHealth({ status: 'operational' })).status, 200);
    const retry = await t.call('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': 'health-down-key' },
      body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    // A failure is not pinned to its Idempotency-Key: the retry goes through.
    assert.equal(retry.status, 201);
    const unknown = await t.call<Problem>('setAppHealth', '/v1/admin/apps/nope/health', {
      method: 'PUT',
      origin: null,
      headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
      body: { status: 'down' },
    });
    assert.equal(unknown.status, 404);
  });
});
