import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from '@plugboard/contract';
import { HttpError } from '../errors.js';
import { createEventStream, type PlugboardEvent } from '../events.js';
import { jsonResponse, problemResponse } from '../testing/fake-fetch.js';
import { connection } from '../testing/fixtures.js';
import { testHttp } from '../testing/test-http.js';
import { createConnectionStore } from './connection-store.js';

function setup(handler: Parameters<typeof testHttp>[0]) {
  const test = testHttp(handler);
  const events = createEventStream({ sessionId: 'sess' });
  const seen: PlugboardEvent[] = [];
  events.subscribe((event) => seen.push(event));
  const store = createConnectionStore(test.http, events);
  let notifications = 0;
  store.subscribe(() => (notifications += 1));
  return { ...test, store, seen, notifications: () => notifications };
}

const list: Connection[] = [
  connection('con_aaaaaaaa', 'slack'),
  connection('con_bbbbbbbb', 'slack'),
  connection('con_cccccccc', 'pipedrive'),
];

describe('connection store', () => {
  it('loads the list, counts per app and notifies subscribers', async () => {
    const { store, notifications } = setup(() => jsonResponse({ items: list }));
    await store.refresh();
    assert.equal(store.state, 'ready');
    assert.equal(store.items.length, 3);
    assert.equal(store.countFor('slack'), 2);
    assert.equal(store.countFor('hubspot'), 0);
    assert.equal(store.forApp('pipedrive')[0]?.id, 'con_cccccccc');
    assert.equal(notifications(), 2); // loading, ready
  });

  it('creates with one Idempotency-Key reused by the retries, and adds the connection', async () => {
    const created = connection('con_newnewnew', 'hubspot');
    const { store, requests } = setup((_request, call) =>
      call === 1
        ? problemResponse(503, 'provider_unavailable')
        : jsonResponse(created, { status: 201 }),
    );
    const result = await store.create({
      app: 'hubspot',
      method: 'api_key',
      fields: { apiKey: 'secret' },
    });
    assert.deepEqual(result, created);
    const keys = requests.map((request) => request.headers.get('Idempotency-Key'));
    assert.equal(keys.length, 2);
    assert.match(keys[0] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(keys[1], keys[0]);
    assert.equal(store.countFor('hubspot'), 1);
  });

  it('uses a new key for each logical create, or the one given', async () => {
    const { store, requests } = setup(() =>
      jsonResponse(connection('con_newnewnew', 'hubspot'), { status: 201 }),
    );
    const input = { app: 'hubspot', method: 'api_key' as const, fields: {} };
    await store.create(input);
    await store.create(input);
    await store.create(input, { idempotencyKey: 'key_from_ui_1' });
    const keys = requests.map((request) => request.headers.get('Idempotency-Key'));
    assert.notEqual(keys[0], keys[1]);
    assert.equal(keys[2], 'key_from_ui_1');
  });

  it('adds the existing connection from a duplicate_account answer', async () => {
    const existing = connection('con_existing1', 'slack');
    const { store } = setup(() =>
      problemResponse(409, 'duplicate_account', { existingConnection: existing }),
    );
    await assert.rejects(store.create({ app: 'slack', method: 'api_key', fields: {} }), HttpError);
    assert.equal(store.find('con_existing1')?.label, existing.label);
  });

  it('updates, tests and removes, emitting updated, tested and removed', async () => {
    const renamed = { ...list[0]!, label: 'Renamed' };
    const { store, seen, requests } = setup((request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'GET') return jsonResponse({ items: list });
      if (request.method === 'PATCH') return jsonResponse(renamed);
      if (request.method === 'DELETE') {
        return jsonResponse({ revocation: 'failed', message: 'Slack did not confirm.' });
      }
      if (pathname.endsWith('/test')) {
        return jsonResponse({
          ok: false,
          status: 'error',
          message: 'Key revoked',
          testedAt: '2026-01-02T00:00:00Z',
          connection: { ...list[2]!, status: 'error' },
        });
      }
      return problemResponse(404, 'not_found');
    });
    await store.refresh();
    await store.update('con_aaaaaaaa', { label: 'Renamed' });
    assert.equal(store.find('con_aaaaaaaa')?.label, 'Renamed');
    const outcome = await store.test('con_cccccccc');
    assert.equal(outcome.ok, false);
    assert.equal(store.find('con_cccccccc')?.status, 'error');
    assert.deepEqual(await store.remove('con_bbbbbbbb'), {
      revocation: 'failed',
      message: 'Slack did not confirm.',
    });
    assert.equal(store.find('con_bbbbbbbb'), undefined);
    assert.equal(store.countFor('slack'), 1);
    assert.deepEqual(
      seen.map((event) => [event.name, event.seq]),
      [
        ['updated', 1],
        ['tested', 2],
        ['removed', 3],
      ],
    );
    assert.deepEqual(seen[1]?.detail, {
      app: 'pipedrive',
      connectionId: 'con_cccccccc',
      ok: false,
      status: 'error',
    });
    assert.deepEqual(seen[2]?.detail, {
      app: 'slack',
      connectionId: 'con_bbbbbbbb',
      revocation: 'failed',
    });
    assert.equal(new URL(requests[3]!.url).pathname, '/v1/connections/con_bbbbbbbb');
  });

  it('keeps the list and the error when a refresh fails', async () => {
    let fail = false;
    const { store } = setup(() =>
      fail ? Promise.reject(new TypeError('offline')) : jsonResponse({ items: list }),
    );
    await store.refresh();
    fail = true;
    await assert.rejects(store.refresh());
    assert.equal(store.state, 'ready');
    assert.equal(store.error?.code, 'network');
    assert.equal(store.items.length, 3);
  });

  it('asks for a setup step’s options, saves settings (retried: a PUT) and checks a step', async () => {
    const withSettings = connection('con_cccccccc', 'pipedrive', {
      settings: { pipeline: { value: '1', label: 'Sales' } },
    });
    let puts = 0;
    const { store, requests, seen } = setup((request) => {
      const path = new URL(request.url).pathname + new URL(request.url).search;
      if (path.endsWith('/options?q=sa+les&cursor=c%2F2')) {
        return jsonResponse({ items: [{ value: '1', label: 'Sales' }], nextCursor: null });
      }
      if (request.method === 'PUT') {
        puts += 1;
        return puts === 1
          ? problemResponse(503, 'provider_unavailable')
          : jsonResponse(withSettings);
      }
      if (path.endsWith('/setup/pipeline/verify')) {
        return jsonResponse({
          ok: true,
          message: 'Fine',
          action: null,
          checkedAt: '2026-01-01T00:00:00Z',
        });
      }
      return jsonResponse({ items: list });
    });
    await store.refresh();
    const page = await store.setupOptions('con_cccccccc', 'pipeline', {
      q: 'sa les',
      cursor: 'c/2',
    });
    assert.deepEqual(page.items, [{ value: '1', label: 'Sales' }]);
    const saved = await store.saveSettings('con_cccccccc', { pipeline: '1' });
    assert.deepEqual(saved.settings, withSettings.settings);
    assert.deepEqual(store.find('con_cccccccc')?.settings, withSettings.settings);
    const sent = requests.filter((request) => request.method === 'PUT');
    assert.equal(sent.length, 2, 'a PUT is retried after a 503');
    assert.equal(new URL(sent[0]!.url).pathname, '/v1/connections/con_cccccccc/settings');
    assert.deepEqual(await sent[1]!.json(), { settings: { pipeline: '1' } });
    const check = await store.verifySetup('con_cccccccc', 'pipeline');
    assert.equal(check.ok, true);
    assert.deepEqual(
      seen
        .filter((event) => event.name.startsWith('setup') || event.name === 'settings_saved')
        .map((event) => [event.name, event.detail]),
      [
        ['settings_saved', { app: 'pipedrive', connectionId: 'con_cccccccc' }],
        [
          'setup_verified',
          { app: 'pipedrive', connectionId: 'con_cccccccc', step: 'pipeline', ok: true },
        ],
      ],
    );
  });
});
