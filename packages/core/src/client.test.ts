import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { App } from '@plugboard/contract';
import { createClient } from './client.js';
import { fakeFetch, hangUntilAborted, jsonResponse } from './testing/fake-fetch.js';
import { fakeOAuthEnvironment } from './testing/fake-oauth-environment.js';
import { appSummary, connection } from './testing/fixtures.js';

const pipedrive: App = { ...appSummary('pipedrive'), authMethods: [], setupSteps: [] };

describe('client', () => {
  it('caches getApp per key and shares the request between concurrent callers', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(pipedrive));
    const client = createClient({
      backendUrl: 'https://api.example.test',
      sessionToken: 'tok',
      fetch,
    });
    const [a, b] = await Promise.all([client.getApp('pipedrive'), client.getApp('pipedrive')]);
    assert.equal(a.key, 'pipedrive');
    assert.equal(a, b);
    await client.getApp('pipedrive');
    assert.equal(requests.length, 1);
  });

  it('drops a field pattern that could freeze the page from an app it reads', async () => {
    const field = {
      name: 'apiKey',
      label: 'API key',
      type: 'password',
      required: true,
      secret: true,
    };
    const app: App = {
      ...pipedrive,
      authMethods: [
        {
          type: 'api_key',
          label: 'API key',
          scopes: [],
          fields: [
            { ...field, pattern: '(a+)+$', patternHint: 'Letters a.' },
            { ...field, name: 'other', pattern: '[a-f0-9]{40}' },
          ] as App['authMethods'][number]['fields'],
        },
      ],
    };
    const { fetch } = fakeFetch(() => jsonResponse(app));
    const client = createClient({
      backendUrl: 'https://api.example.test',
      sessionToken: 'tok',
      fetch,
    });
    const [unsafe, safe] = (await client.getApp('pipedrive')).authMethods[0]!.fields;
    assert.equal(unsafe?.pattern, undefined, 'the unsafe pattern is gone');
    assert.equal(unsafe?.patternHint, 'Letters a.');
    assert.equal(safe?.pattern, '[a-f0-9]{40}', 'a safe pattern stays');
  });

  it('does not let one caller aborting getApp cancel it for another', async () => {
    let release: () => void = () => {};
    const { fetch } = fakeFetch(
      () => new Promise<Response>((resolve) => (release = () => resolve(jsonResponse(pipedrive)))),
    );
    const client = createClient({
      backendUrl: 'https://api.example.test',
      sessionToken: 'tok',
      fetch,
    });
    const leaving = new AbortController();
    const first = client.getApp('pipedrive', { signal: leaving.signal });
    const second = client.getApp('pipedrive');
    leaving.abort();
    await assert.rejects(first, { code: 'aborted' });
    release();
    assert.equal((await second).key, 'pipedrive');
  });

  it('aborts getApp when its only caller gives up', async () => {
    const { fetch } = fakeFetch(hangUntilAborted);
    const client = createClient({
      backendUrl: 'https://api.example.test',
      sessionToken: 'tok',
      fetch,
    });
    const controller = new AbortController();
    const pending = client.getApp('pipedrive', { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { code: 'aborted' });
  });

  it('puts the connection of a finished OAuth flow into the connection store', async () => {
    const made = connection('con_aaaaaaaa', 'pipedrive', { method: 'oauth2' });
    const { fetch } = fakeFetch((request) =>
      request.method === 'POST'
        ? jsonResponse(
            { flowId: 'flow_12345678', authorizeUrl: 'https://provider.example/a', expiresAt: 'x' },
            { status: 201 },
          )
        : jsonResponse({
            flowId: 'flow_12345678',
            app: 'pipedrive',
            status: 'succeeded',
            mode: 'popup',
            expiresAt: 'x',
            connection: made,
          }),
    );
    const fake = fakeOAuthEnvironment();
    const client = createClient(
      { backendUrl: 'https://api.example.test', sessionToken: 'tok', fetch },
      { oauthEnvironment: fake.env },
    );
    let notified = 0;
    client.connections.subscribe(() => (notified += 1));
    const result = await client.startOAuth({ key: 'pipedrive' }).result;
    assert.equal(result.status, 'succeeded');
    assert.equal(client.connections.countFor('pipedrive'), 1);
    assert.equal(notified, 1);
  });

  it('gives translators for the configured locale with the overrides', async () => {
    const { fetch } = fakeFetch(() => jsonResponse({}));
    const client = createClient({
      backendUrl: 'https://api.example.test',
      sessionToken: 'tok',
      fetch,
      locale: 'es',
    });
    const translator = await client.translator();
    assert.equal(translator.locale, 'es');
    assert.equal(await client.translator(), translator, 'cached per locale');
    assert.equal((await client.translator('en')).locale, 'en');
  });
});
