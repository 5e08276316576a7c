import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App, AppPage } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { REMOTE_SEARCH_THRESHOLD } from '@plugboard/core';
import { createSearchIndex } from '@plugboard/core/search';
import { sizedCatalog } from './catalog/sized-catalog.js';
import { startTestStack, type TestStack } from './test-support/test-stack.js';

/** Above the threshold, so the widget sends its searches to `GET /v1/apps?q=`. */
const SIZE = REMOTE_SEARCH_THRESHOLD + 1;
const LIMIT = 50;

/** What the query must find: some apps, none, or (no words) the whole catalog in browse order. */
type Finds = 'some' | 'none' | 'all';

const queries: Array<[kind: string, query: string, finds: Finds, category?: string]> = [
  ['Latin word', 'sales', 'some'],
  ['Latin prefix of many apps', 'acme', 'some'],
  ['two words', 'google sh', 'some'],
  ['typo', 'hubsopt', 'some'],
  ['alias', 'sfdc', 'some'],
  ['alias in Latin of a name in another script', 'lark', 'some'],
  ['accent folded', 'eclair', 'some'],
  ['Cyrillic', 'битрикс', 'some'],
  ['Cyrillic, two words', 'яндекс метр', 'some'],
  ['Arabic', 'سلة', 'some'],
  ['Arabic prefix', 'قي', 'some'],
  ['Chinese', '飞书', 'some'],
  ['Japanese', 'カオ', 'some'],
  ['Chinese mixed with Latin', 'freee会', 'some'],
  ['script nothing is named in', 'ქართული', 'none'],
  ['punctuation only', '—!?', 'all'],
  ['empty', '', 'all'],
  ['with a category', 'c', 'some', 'CRM'],
];

describe('reference stack with `catalogSize`', () => {
  let t: TestStack;
  let token: string;
  before(async () => {
    t = await startTestStack({ catalogSize: SIZE });
    token = await t.session();
  });
  after(() => t.close());

  it('serves that many apps, the demo apps among them', async () => {
    const page = await t.call<AppPage>('listApps', '/v1/apps?limit=10', { token });
    assert.equal(page.body.total, SIZE);
    const mailgun = await t.call<App>('getApp', '/v1/apps/mailgun', { token });
    assert.equal(mailgun.body.name, 'Mailgun');
  });

  it('describes and searches the generated apps like any other', async () => {
    const generated = sizedCatalog(SIZE).at(-1)!;
    const found = await t.call<AppPage>(
      'listApps',
      `/v1/apps?q=${encodeURIComponent(generated.name)}`,
      { token },
    );
    assert.ok(found.body.items.some((app) => app.key === generated.key));
    const app = await t.call<App>('getApp', `/v1/apps/${generated.key}`, { token });
    assert.deepEqual(
      app.body.authMethods.map((method) => method.type),
      ['api_key'],
    );
  });

  // One ranking everywhere: the user must see the same apps in the same order whether the page
  // or the server searches, whatever script they type in.
  describe('search', () => {
    const local = createSearchIndex(sizedCatalog(SIZE));
    for (const [kind, query, finds, category] of queries) {
      it(`ranks ${kind} (${JSON.stringify(query)}) as core's local search does`, async () => {
        const params = new URLSearchParams({ q: query, limit: String(LIMIT) });
        if (category) params.set('category', category);
        const remote = await t.call<AppPage>('listApps', `/v1/apps?${params}`, { token });
        assert.equal(remote.status, 200);
        const expected = local.search(query, { category, limit: LIMIT }).map((hit) => hit.app.key);
        assert.deepEqual(
          remote.body.items.map((app) => app.key),
          expected,
        );
        // Two empty lists would agree for the wrong reason.
        if (finds === 'some') assert.ok(expected.length > 0, 'the local search found nothing');
        const total = { some: remote.body.total, none: 0, all: SIZE }[finds];
        assert.equal(remote.body.total, total);
        if (finds === 'some') assert.ok(total < SIZE, 'the server answered the whole catalog');
      });
    }
  });
});

describe('sizedCatalog', () => {
  it('pads the demo catalog with unique generated apps, deterministically', () => {
    const apps = sizedCatalog(500);
    assert.equal(apps.length, 500);
    assert.deepEqual(apps.slice(0, demoCatalog.length), demoCatalog);
    assert.equal(new Set(apps.map((app) => app.key)).size, 500);
    assert.deepEqual(sizedCatalog(500), apps);
  });

  it('never drops demo apps, and refuses a size that is not a count', () => {
    assert.deepEqual(sizedCatalog(3), demoCatalog);
    assert.throws(() => sizedCatalog(-1), RangeError);
    assert.throws(() => sizedCatalog(1.5), RangeError);
  });
});
