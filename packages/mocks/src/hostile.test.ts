import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { App, AppPage, ConnectionList } from '@plugboard/contract';
import { hostileCatalog } from './hostile/hostile-catalog.js';
import { hostilePayloads } from './hostile/hostile-payloads.js';
import { call, stopServer, useBackend } from './testing/mock-api.js';
import { MockBrowser } from './testing/mock-browser.js';

after(stopServer);

/** Every server string of an app that the widgets render, by field. */
function renderedStrings(app: App): Record<string, string[]> {
  const methods = app.authMethods;
  const fields = methods.flatMap((method) => method.fields);
  return {
    name: [app.name],
    description: [app.description],
    aliases: app.aliases,
    categories: app.categories,
    logoUrl: [app.logoUrl ?? ''],
    helpUrl: [
      app.helpUrl ?? '',
      ...methods.map((m) => m.helpUrl ?? ''),
      ...fields.map((f) => f.helpUrl ?? ''),
    ],
    healthMessage: [app.health.message ?? ''],
    methodLabel: methods.map((m) => m.label),
    fieldLabel: fields.map((f) => f.label),
    fieldHelp: fields.map((f) => f.helpText ?? ''),
    optionLabel: fields.flatMap((f) => f.options?.map((o) => o.label) ?? []),
    scopeDescription: methods.flatMap((m) => m.scopes.map((s) => s.description)),
    setupStep: app.setupSteps.flatMap((s) => [
      s.title,
      ...(s.type === 'webhook_url' ? s.instructions : [s.helpText ?? '']),
    ]),
  };
}

describe('hostilePayloads', () => {
  test('at least 50 distinct payloads covering each attack class', () => {
    assert.ok(hostilePayloads.length >= 50);
    assert.equal(new Set(hostilePayloads).size, hostilePayloads.length);
    const has = (pattern: RegExp) => hostilePayloads.some((payload) => pattern.test(payload));
    assert.ok(has(/<script>/));
    assert.ok(has(/<img [^>]*onerror=/));
    assert.ok(has(/^javascript:/));
    assert.ok(has(/^JaVaScRiPt:/));
    assert.ok(has(/^data:text\/html/));
    assert.ok(has(/url\(/));
    assert.ok(has(/\u202E/));
    assert.ok(hostilePayloads.some((payload) => payload.includes('\u0000')));
    assert.ok(hostilePayloads.some((payload) => payload.length >= 10_000));
  });
});

describe('hostile-catalog', () => {
  test('every rendered field of the catalog carries every payload', () => {
    const perField = new Map<string, Set<string>>();
    for (const app of hostileCatalog()) {
      for (const [field, values] of Object.entries(renderedStrings(app))) {
        const seen = perField.get(field) ?? new Set();
        values.forEach((value) => seen.add(value));
        perField.set(field, seen);
      }
    }
    assert.equal(perField.size, 13);
    for (const [field, seen] of perField)
      for (const payload of hostilePayloads)
        assert.ok(seen.has(payload), `${field} lacks ${JSON.stringify(payload.slice(0, 40))}`);
  });

  test('served through the API, with hostile connection labels and error messages', async () => {
    useBackend({ scenario: 'hostile-catalog' });
    const page = (await call('listApps', 'GET', '/v1/apps?limit=1000')).body as AppPage;
    assert.equal(page.total, hostilePayloads.length);
    const names = new Set(page.items.map((app) => app.name));
    assert.ok(hostilePayloads.every((payload) => names.has(payload)));
    const detail = (await call('getApp', 'GET', `/v1/apps/${page.items[0]!.key}`)).body as App;
    assert.ok(hostilePayloads.includes(detail.authMethods[0]!.fields[0]!.label));
    const connections = (await call('listConnections', 'GET', '/v1/connections'))
      .body as ConnectionList;
    const labels = new Set(connections.items.map((c) => c.label));
    const errors = new Set(connections.items.map((c) => c.lastError?.message));
    assert.ok(hostilePayloads.every((payload) => labels.has(payload) && errors.has(payload)));
  });

  test('the mock OAuth page runs only its own nonce script, even for a hostile app', async () => {
    useBackend({ scenario: 'hostile-catalog' });
    const start = await call('startOAuthFlow', 'POST', '/v1/oauth/flows', {
      body: { app: 'hostile-00', openerOrigin: 'https://host.example', mode: 'popup' },
    });
    const { html } = await new MockBrowser().open(
      (start.body as { authorizeUrl: string }).authorizeUrl,
    );
    assert.equal(html.match(/<script/g)?.length, 2, 'only the data block and the nonce script');
    assert.ok(!hostilePayloads.some((payload) => payload.length > 3 && html.includes(payload)));
  });
});
