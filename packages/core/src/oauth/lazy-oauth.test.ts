import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEventStream } from '../events.js';
import { jsonResponse } from '../testing/fake-fetch.js';
import { fakeOAuthEnvironment } from '../testing/fake-oauth-environment.js';
import { connection } from '../testing/fixtures.js';
import { testHttp } from '../testing/test-http.js';
import { DEFAULT_FLOW_TIMING } from './flow-timing.js';
import { lazyOAuthController } from './lazy-oauth.js';

const FLOW_ID = 'flow_12345678';

function setup() {
  const { http, requests } = testHttp((request) => {
    const url = new URL(request.url);
    if (request.method === 'POST') {
      return jsonResponse(
        {
          flowId: FLOW_ID,
          authorizeUrl: 'https://provider.example/authorize',
          expiresAt: '2026-01-01T00:10:00Z',
        },
        { status: 201 },
      );
    }
    return jsonResponse({
      flowId: FLOW_ID,
      app: 'pipedrive',
      mode: url.pathname.endsWith(FLOW_ID) ? 'popup' : 'redirect',
      expiresAt: '2026-01-01T00:10:00Z',
      status: 'succeeded',
      connection: connection('con_aaaaaaaa', 'pipedrive'),
    });
  });
  const fake = fakeOAuthEnvironment();
  const controller = lazyOAuthController({
    http,
    events: createEventStream({ sessionId: 'sess' }),
    backendOrigin: 'https://api.example.test',
    environment: () => fake.env,
    timing: { ...DEFAULT_FLOW_TIMING, minPollIntervalMs: 1 },
    onConnection: () => undefined,
  });
  return { controller, fake, requests };
}

describe('OAuth flows loaded on first use', () => {
  it('opens the popup inside the click before the code is in, and the flow takes it over', async () => {
    const { controller, fake } = setup();
    const handle = controller.start({ key: 'pipedrive' });
    // Synchronous: the window exists before any await, as popup blockers require.
    assert.equal(fake.opened.length, 1);
    assert.equal(fake.opened[0]?.url, 'about:blank');
    assert.equal(handle.popupOpened, true);
    const result = await handle.result;
    assert.equal(result.status, 'succeeded');
    assert.equal(fake.opened.length, 1, 'the flow used that window, it opened no other');
    assert.deepEqual(fake.popups[0]?.navigations, ['https://provider.example/authorize']);
  });

  it('makes one flow in one popup of a double click before the code is in', async () => {
    const { controller, fake, requests } = setup();
    const first = controller.start({ key: 'pipedrive' });
    const second = controller.start({ key: 'pipedrive' });
    assert.equal(second, first);
    assert.equal(fake.opened.length, 1);
    assert.equal(fake.popups[0]?.focused, 1);
    assert.equal((await first.result).status, 'succeeded');
    assert.equal(requests.filter((request) => request.method === 'POST').length, 1);
  });

  it('reports a popup blocked in the click', async () => {
    const { controller, fake, requests } = setup();
    fake.nextOpen = 'blocked';
    const handle = controller.start({ key: 'pipedrive' });
    assert.equal(handle.popupOpened, false);
    assert.deepEqual(await handle.result, { status: 'popup_blocked' });
    assert.equal(requests.length, 0);
  });

  it('starts at once once prepared', async () => {
    const { controller, fake } = setup();
    await controller.prepare();
    const handle = controller.start({ key: 'pipedrive' });
    assert.equal(fake.opened.length, 1);
    assert.equal((await handle.result).status, 'succeeded');
  });

  it('resumes no redirect flow, and asks the backend nothing, on a page without one', async () => {
    const { controller, fake, requests } = setup();
    fake.env.currentUrl = () => 'https://host.example/apps';
    assert.equal(await controller.resumeRedirect(), null);
    assert.equal(requests.length, 0);
    fake.env.currentUrl = () => `https://host.example/apps?pb_flow=${FLOW_ID}`;
    const resumed = await controller.resumeRedirect();
    assert.equal(resumed?.status, 'succeeded');
  });
});
