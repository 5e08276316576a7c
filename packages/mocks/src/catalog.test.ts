import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { App, AppPage } from '@plugboard/contract';
import { createSearchIndex } from '@plugboard/core/search';
import { demoApps } from './catalog/demo-apps.js';
import { call, stopServer, useBackend } from './testing/mock-api.js';

after(stopServer);

async function allPages(limit: number, query = ''): Promise<{ pages: AppPage[] }> {
  const pages: AppPage[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const result = await call('listApps', 'GET', `/v1/apps?limit=${limit}${query}${suffix}`);
    assert.equal(result.status, 200);
    const page = result.body as AppPage;
    pages.push(page);
    cursor = page.nextCursor;
  }
  return { pages };
}

describe('GET /v1/apps', () => {
  test('cursor pages cover the whole catalog once, most popular first', async () => {
    useBackend();
    const { pages } = await allPages(7);
    const keys = pages.flatMap((page) => page.items.map((app) => app.key));
    assert.equal(keys.length, demoApps.length);
    assert.equal(new Set(keys).size, demoApps.length);
    assert.ok(pages.slice(0, -1).every((page) => page.items.length === 7));
    assert.ok(pages.every((page) => page.total === demoApps.length));
    const popularity = pages.flatMap((page) => page.items.map((app) => app.popularity));
    assert.deepEqual(
      popularity,
      [...popularity].sort((a, b) => b - a),
    );
  });

  test('items are summaries: no auth methods or setup steps', async () => {
    useBackend();
    const page = (await call('listApps', 'GET', '/v1/apps?limit=1')).body as AppPage;
    assert.deepEqual(Object.keys(page.items[0]!).sort(), [
      'aliases',
      'authTypes',
      'categories',
      'description',
      'health',
      'key',
      'logoUrl',
      'name',
      'popularity',
    ]);
  });

  test('q matches names and aliases, best match first; category filters', async () => {
    useBackend();
    const byAlias = (await call('listApps', 'GET', '/v1/apps?q=gsheets')).body as AppPage;
    assert.equal(byAlias.items[0]?.key, 'google-sheets');
    const byName = (await call('listApps', 'GET', '/v1/apps?q=pipe')).body as AppPage;
    assert.equal(byName.items[0]?.key, 'pipedrive');
    const crm = (await call('listApps', 'GET', '/v1/apps?category=crm')).body as AppPage;
    assert.ok(crm.total > 1);
    assert.ok(crm.items.every((app) => app.categories.includes('CRM')));
    const none = (await call('listApps', 'GET', '/v1/apps?q=zzzzqqq')).body as AppPage;
    assert.deepEqual(none, { items: [], nextCursor: null, total: 0 });
  });

  test('q ranks as core’s local search does, in any script', async () => {
    const named = (key: string, name: string, aliases: string[] = []): App => ({
      ...demoApps[0]!,
      key,
      name,
      aliases,
      popularity: 1,
    });
    const catalog = [
      ...demoApps,
      named('bitrix24', 'Битрикс24', ['Bitrix24']),
      named('salla', 'سلة', ['Salla']),
      named('feishu', '飞书', ['Lark']),
    ];
    useBackend({ catalog });
    const local = createSearchIndex(catalog);
    for (const q of ['hubsopt', 'sheets', 'битрикс', 'سل', '飞', 'lark', 'ქართ', '']) {
      const page = (await call('listApps', 'GET', `/v1/apps?limit=20&q=${encodeURIComponent(q)}`))
        .body as AppPage;
      const expected = local.search(q, { limit: 20 }).map((hit) => hit.app.key);
      assert.deepEqual(
        page.items.map((app) => app.key),
        expected,
        q,
      );
    }
  });

  test('If-None-Match with the page ETag answers 304; another page or a changed catalog does not', async () => {
    const backend = useBackend();
    const first = await call('listApps', 'GET', '/v1/apps?limit=5');
    const etag = first.headers.get('ETag');
    assert.match(etag ?? '', /^"[0-9a-f]+"$/);
    const again = await call('listApps', 'GET', '/v1/apps?limit=5', {
      headers: { 'If-None-Match': etag! },
    });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    assert.equal(again.headers.get('ETag'), etag);
    const other = await call('listApps', 'GET', '/v1/apps?limit=6', {
      headers: { 'If-None-Match': etag! },
    });
    assert.equal(other.status, 200);
    backend.useScenario('provider-degraded');
    const changed = await call('listApps', 'GET', '/v1/apps?limit=5', {
      headers: { 'If-None-Match': etag! },
    });
    assert.equal(changed.status, 200, 'health changed, so the page changed');
  });

  test('bad cursor, limit or oversized query answer 400 bad_request', async () => {
    useBackend();
    for (const query of [
      'cursor=abc',
      'limit=0',
      'limit=1001',
      'limit=ten',
      `q=${'x'.repeat(201)}`,
    ]) {
      const result = await call('listApps', 'GET', `/v1/apps?${query}`);
      assert.equal(result.status, 400, query);
      assert.equal((result.body as { code: string }).code, 'bad_request');
    }
  });
});

describe('GET /v1/apps/{appKey}', () => {
  test('answers the full app with an ETag, 304 when unchanged, 404 when unknown', async () => {
    useBackend();
    const result = await call('getApp', 'GET', '/v1/apps/pipedrive');
    const app = result.body as App;
    assert.equal(app.key, 'pipedrive');
    assert.equal(app.setupSteps.at(-1)?.type, 'webhook_url');
    assert.equal(app.authMethods[0]?.type, 'token');
    const etag = result.headers.get('ETag')!;
    const cached = await call('getApp', 'GET', '/v1/apps/pipedrive', {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(cached.status, 304);
    const missing = await call('getApp', 'GET', '/v1/apps/nope');
    assert.equal(missing.status, 404);
    assert.equal((missing.body as { code: string }).code, 'not_found');
  });
});

describe('huge-catalog', () => {
  test('serves 10,000 generated apps in pages, each one with detail', async () => {
    useBackend({ scenario: 'huge-catalog' });
    const { pages } = await allPages(1000);
    assert.equal(pages.length, 10);
    const keys = pages.flatMap((page) => page.items.map((app) => app.key));
    assert.equal(new Set(keys).size, 10_000);
    const detail = await call('getApp', 'GET', `/v1/apps/${keys[9_999]}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.violations, []);
    const app = detail.body as App;
    assert.deepEqual(
      app.authMethods.map((method) => method.type),
      app.authTypes,
    );
  });
});

describe('provider health scenarios', () => {
  for (const [scenario, status] of [
    ['provider-degraded', 'degraded'],
    ['provider-down', 'down'],
  ] as const) {
    test(`${scenario}: every app reports ${status} with a message`, async () => {
      useBackend({ scenario });
      const page = (await call('listApps', 'GET', '/v1/apps')).body as AppPage;
      assert.ok(page.items.every((app) => app.health.status === status && app.health.message));
    });
  }
});
