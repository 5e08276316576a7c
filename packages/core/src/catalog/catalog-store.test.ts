import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppPage } from '@plugboard/contract';
import {
  deferred,
  hangUntilAborted,
  jsonResponse,
  problemResponse,
} from '../testing/fake-fetch.js';
import { appSummary } from '../testing/fixtures.js';
import { testHttp } from '../testing/test-http.js';
import { createCatalogStore, REMOTE_SEARCH_THRESHOLD } from './catalog-store.js';

const pages: Record<string, AppPage> = {
  '': {
    items: [appSummary('slack', { popularity: 9 }), appSummary('hubspot')],
    nextCursor: 'c2',
    total: 3,
  },
  c2: { items: [appSummary('pipedrive'), appSummary('slack')], nextCursor: null, total: 3 },
};

function pagedBackend(etagFor: (cursor: string) => string = (cursor) => `"v1-${cursor}"`) {
  return (request: Request): Response => {
    const url = new URL(request.url);
    const cursor = url.searchParams.get('cursor') ?? '';
    const etag = etagFor(cursor);
    if (request.headers.get('If-None-Match') === etag) {
      return new Response(null, { status: 304, headers: { ETag: etag } });
    }
    return jsonResponse(pages[cursor], { headers: { ETag: etag } });
  };
}

describe('catalog store', () => {
  it('loads every page through nextCursor, de-duplicates, and notifies', async () => {
    const { http, requests } = testHttp(pagedBackend());
    const catalog = createCatalogStore(http);
    const states: string[] = [];
    catalog.subscribe(() => states.push(catalog.state));
    assert.equal(catalog.state, 'idle');
    await catalog.load();
    assert.deepEqual(states, ['loading', 'ready']);
    assert.deepEqual(
      catalog.apps.map((app) => app.key),
      ['slack', 'hubspot', 'pipedrive'],
    );
    assert.equal(catalog.total, 3);
    assert.equal(catalog.searchMode, 'local');
    assert.equal(requests.length, 2);
    assert.equal(new URL(requests[1]!.url).searchParams.get('cursor'), 'c2');
    assert.equal(catalog.find('hubspot')?.name, 'Hubspot');
  });

  it('revalidates with If-None-Match and keeps the cached catalog on 304', async () => {
    const { http, requests } = testHttp(pagedBackend());
    const catalog = createCatalogStore(http);
    await catalog.load();
    const before = catalog.apps;
    await catalog.load();
    assert.equal(requests.length, 4);
    assert.equal(requests[2]?.headers.get('If-None-Match'), '"v1-"');
    assert.equal(requests[3]?.headers.get('If-None-Match'), '"v1-c2"');
    assert.equal(catalog.apps, before, 'unchanged pages keep the same array (no rebuild)');
    assert.equal(catalog.state, 'ready');
  });

  it('shares one load between concurrent callers', async () => {
    const { http, requests } = testHttp(pagedBackend());
    const catalog = createCatalogStore(http);
    await Promise.all([catalog.load(), catalog.load(), catalog.load()]);
    assert.equal(requests.length, 2);
  });

  it('keeps the catalog when a revalidation fails, and reports an error when there is none', async () => {
    let down = false;
    const backend = pagedBackend();
    const { http } = testHttp((request) =>
      down ? problemResponse(403, 'forbidden_origin') : backend(request),
    );
    const catalog = createCatalogStore(http);
    await catalog.load();
    down = true;
    await assert.rejects(catalog.load());
    assert.equal(catalog.state, 'ready');
    assert.equal(catalog.error?.code, 'http');
    assert.equal(catalog.apps.length, 3);

    const empty = createCatalogStore(http);
    await assert.rejects(empty.load());
    assert.equal(empty.state, 'error');
  });

  it('switches to server search above the threshold, keeping only the first page', async () => {
    const { http, requests } = testHttp((request) => {
      const q = new URL(request.url).searchParams.get('q');
      if (q) return jsonResponse({ items: [appSummary('zendesk')], nextCursor: null, total: 1 });
      return jsonResponse({
        items: [appSummary('slack')],
        nextCursor: 'c2',
        total: REMOTE_SEARCH_THRESHOLD + 1,
      });
    });
    const catalog = createCatalogStore(http);
    await catalog.load();
    assert.equal(catalog.searchMode, 'remote');
    assert.equal(requests.length, 1);
    const result = await catalog.searchRemote('zen', { category: 'support' });
    assert.equal(result?.hits[0]?.app.key, 'zendesk');
    assert.equal(catalog.remoteResult, result);
    const url = new URL(requests[1]!.url);
    assert.equal(url.searchParams.get('q'), 'zen');
    assert.equal(url.searchParams.get('category'), 'support');
  });

  it('drops a remote search answer that arrives after a newer one', async () => {
    const slow = deferred<Response>();
    const { http } = testHttp((request) => {
      const q = new URL(request.url).searchParams.get('q');
      // The first (older) answer ignores the abort and comes back last.
      if (q === 'sl') return slow.promise;
      return jsonResponse({ items: [appSummary('slack')], nextCursor: null, total: 1 });
    });
    const catalog = createCatalogStore(http);
    const older = catalog.searchRemote('sl');
    const newer = await catalog.searchRemote('slack');
    slow.resolve(jsonResponse({ items: [appSummary('sling')], nextCursor: null, total: 1 }));
    assert.equal(await older, null);
    assert.equal(newer?.query, 'slack');
    assert.equal(catalog.remoteResult?.query, 'slack');
    assert.equal(catalog.remoteResult?.hits[0]?.app.key, 'slack');
  });

  it('skips catalog items it cannot read instead of failing the whole page', async () => {
    const { http } = testHttp(() =>
      jsonResponse({
        items: [
          appSummary('slack'),
          { ...appSummary('future'), authTypes: ['quantum'] },
          { key: 3 },
        ],
        nextCursor: null,
        total: 3,
      }),
    );
    const catalog = createCatalogStore(http);
    await catalog.load();
    assert.deepEqual(
      catalog.apps.map((app) => app.key),
      ['slack'],
    );
  });
});

describe('catalog store loads and aborts', () => {
  it('cancels the request only when every caller aborted, and reports no error for it', async () => {
    const { http } = testHttp(hangUntilAborted);
    const catalog = createCatalogStore(http);
    const one = new AbortController();
    const two = new AbortController();
    const first = catalog.load({ signal: one.signal });
    const second = catalog.load({ signal: two.signal });
    one.abort();
    await assert.rejects(first, { code: 'aborted' });
    assert.equal(catalog.state, 'loading', 'still loading for the second caller');
    two.abort();
    await assert.rejects(second, { code: 'aborted' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(catalog.state, 'idle');
    assert.equal(catalog.error, undefined);
  });
});
