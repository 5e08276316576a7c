// One ranking everywhere: above REMOTE_SEARCH_THRESHOLD the widget sends its query to
// `GET /v1/apps?q=` instead of searching its own copy, and the user must see the same apps in the
// same order either way, whatever script they type in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AppPage } from '@plugboard/contract';
import { REMOTE_SEARCH_THRESHOLD } from '@plugboard/core';
import { createSearchIndex } from '@plugboard/core/search';
import { startTestStack, type TestStack } from '../test-support/test-stack.js';
import { sizedCatalog } from './sized-catalog.js';

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

describe(`search above ${REMOTE_SEARCH_THRESHOLD} apps`, () => {
  const local = createSearchIndex(sizedCatalog(SIZE));
  let t: TestStack;
  let token: string;
  before(async () => {
    t = await startTestStack({ catalogSize: SIZE });
    token = await t.session();
  });
  after(() => t.close());

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
