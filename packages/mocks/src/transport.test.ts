// Scenarios that act before any route: network errors, auth, throttling, broken answers; plus
// request ids, request recording and scenario switching.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import type { ConnectionList, Problem } from '@plugboard/contract';
import { createMockBackend } from './backend.js';
import { demoApps } from './catalog/demo-apps.js';
import { scenarios } from './scenarios.js';
import { call, stopServer, TOKEN, useBackend } from './testing/mock-api.js';

after(stopServer);

const code = (result: { body: unknown }) => (result.body as Problem).code;

describe('transport scenarios', () => {
  test('offline: fetch rejects with a network TypeError', async () => {
    useBackend({ scenario: 'offline' });
    await assert.rejects(fetch('http://plugboard.test/api/v1/connections'), TypeError);
  });

  test('unauthorized-then-refresh: the first request with a token is 401, the retry succeeds', async () => {
    useBackend({ scenario: 'unauthorized-then-refresh' });
    const first = await call('listConnections', 'GET', '/v1/connections');
    assert.equal(first.status, 401);
    assert.equal(code(first), 'unauthorized');
    const retry = await call('listConnections', 'GET', '/v1/connections', {
      token: 'refreshed-token',
    });
    assert.equal(retry.status, 200);
    assert.equal((await call('listApps', 'GET', '/v1/apps')).status, 200);
  });

  test('session-expired: every request is 401 session_expired', async () => {
    useBackend({ scenario: 'session-expired' });
    for (let i = 0; i < 3; i += 1) {
      const result = await call('listConnections', 'GET', '/v1/connections', {
        token: `token-${i}`,
      });
      assert.equal(result.status, 401);
      assert.equal(code(result), 'session_expired');
    }
  });

  test('rate-limited: one 429 with Retry-After: 1, then answers', async () => {
    useBackend({ scenario: 'rate-limited' });
    const limited = await call('listApps', 'GET', '/v1/apps');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '1');
    assert.equal((limited.body as Problem).retryAfter, 1);
    assert.equal((await call('listApps', 'GET', '/v1/apps')).status, 200);
  });

  test('server-error: 500 internal_error', async () => {
    useBackend({ scenario: 'server-error' });
    const result = await call('listApps', 'GET', '/v1/apps');
    assert.equal(result.status, 500);
    assert.equal(code(result), 'internal_error');
  });

  test('malformed-json and html-error-page break the body as named', async () => {
    useBackend({ scenario: 'malformed-json' });
    const broken = await call('listApps', 'GET', '/v1/apps');
    assert.equal(broken.status, 200);
    assert.throws(() => JSON.parse(broken.text), SyntaxError);
    useBackend({ scenario: 'html-error-page' });
    const html = await call('listApps', 'GET', '/v1/apps');
    assert.equal(html.status, 502);
    assert.match(html.contentType ?? '', /^text\/html/);
  });

  test('a request without a session token is 401 unauthorized', async () => {
    useBackend();
    const result = await call('listConnections', 'GET', '/v1/connections', { token: null });
    assert.equal(result.status, 401);
    assert.equal(code(result), 'unauthorized');
  });

  test('latencyMs delays every answer', async () => {
    useBackend({ latencyMs: 200 });
    const began = performance.now();
    await call('listApps', 'GET', '/v1/apps?limit=1');
    assert.ok(performance.now() - began >= 190);
  });
});

describe('request ids and recording', () => {
  test('every answer has its own X-Request-Id, repeated in the problem body', async () => {
    useBackend();
    const ok = await call('listConnections', 'GET', '/v1/connections');
    const problem = await call('getConnection', 'GET', '/v1/connections/con_missing000');
    const ids = [ok.headers.get('X-Request-Id'), problem.headers.get('X-Request-Id')];
    assert.ok(ids.every((id) => id && /^req_/.test(id)));
    assert.notEqual(ids[0], ids[1]);
    assert.equal((problem.body as Problem).requestId, ids[1]);
  });

  test('store.requests records method, URL, headers and body for assertions', async () => {
    const backend = useBackend();
    await call('updateConnection', 'PATCH', '/v1/connections/con_demo0001', {
      body: { label: 'Team' },
    });
    const [recorded] = backend.store.requests;
    assert.equal(recorded?.method, 'PATCH');
    assert.equal(recorded?.url, 'http://plugboard.test/api/v1/connections/con_demo0001');
    assert.equal(recorded?.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(recorded?.body, '{"label":"Team"}');
  });
});

describe('scenario switching', () => {
  test('the list names every scenario once, each with a description, as the README documents them', async () => {
    const names = scenarios.map((scenario) => scenario.name);
    assert.equal(new Set(names).size, names.length);
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const scenarioTable = readme.slice(readme.indexOf('## Scenarios'));
    const documented = [...scenarioTable.matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((row) => row[1]);
    assert.deepEqual([...documented].sort(), [...names].sort());
    assert.ok(scenarios.every((scenario) => scenario.description.length > 10));
  });

  test('useScenario re-seeds; reset restores the seed and clears one-shot answers', async () => {
    const backend = useBackend({ scenario: 'rate-limited' });
    assert.equal((await call('listApps', 'GET', '/v1/apps')).status, 429);
    backend.reset();
    assert.equal(backend.store.requests.length, 0);
    assert.equal(
      (await call('listApps', 'GET', '/v1/apps')).status,
      429,
      'one-shot 429 again after reset',
    );
    backend.useScenario('empty');
    assert.equal(backend.scenario, 'empty');
    const list = (await call('listConnections', 'GET', '/v1/connections')).body as ConnectionList;
    assert.deepEqual(list.items, []);
    assert.throws(() => backend.useScenario('nope' as 'empty'), /unknown scenario/);
  });

  test('the catalog and connections options replace the seeds', async () => {
    const backend = useBackend({ connections: [] });
    assert.deepEqual(backend.store.connections, []);
    assert.throws(() => useBackend({ baseUrl: '/relative' }), /absolute URL/);
  });

  test('a catalog with a field pattern that could freeze a check is refused, naming it', () => {
    const [app, ...rest] = demoApps;
    const [method] = app!.authMethods;
    const unsafe = {
      ...app!,
      authMethods: [{ ...method!, fields: [{ ...method!.fields[0]!, pattern: '(a+)+$' }] }],
    };
    assert.throws(
      () => createMockBackend({ baseUrl: 'https://api.example.test', catalog: [unsafe, ...rest] }),
      (error: Error) =>
        error.name === 'UnsafePatternError' && error.message.includes(`${app!.key} › `),
    );
  });
});
