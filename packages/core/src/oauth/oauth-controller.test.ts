import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OAuthFlow } from '@plugboard/contract';
import { createEventStream, type PlugboardEvent } from '../events.js';
import { jsonResponse, problemResponse } from '../testing/fake-fetch.js';
import { fakeOAuthEnvironment, type FakePopup } from '../testing/fake-oauth-environment.js';
import { connection } from '../testing/fixtures.js';
import { testHttp } from '../testing/test-http.js';
import { createOAuthController } from './oauth-controller.js';
import type { FlowTiming } from './flow-timing.js';

const BACKEND = 'https://api.example.test';
const FLOW_ID = 'flow_12345678';
const AUTHORIZE_URL = 'https://provider.example/authorize?state=s1';
const timing: FlowTiming = {
  timeoutMs: 3_000,
  closedCheckMs: 5,
  closedGraceMs: 30,
  severedWindowMs: 60,
  minPollIntervalMs: 10,
  errorRetryMs: 10,
};

type FlowState = Pick<OAuthFlow, 'status' | 'connection' | 'error'>;

function setup(options: { authorizeUrl?: string; timeoutMs?: number } = {}) {
  const flow: { state: FlowState } = { state: { status: 'pending' } };
  const statusReads: number[] = [];
  const created: unknown[] = [];
  const { http, requests } = testHttp(async (request) => {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname === '/v1/oauth/flows') {
      created.push(await request.json());
      return jsonResponse(
        {
          flowId: FLOW_ID,
          authorizeUrl: options.authorizeUrl ?? AUTHORIZE_URL,
          expiresAt: '2026-01-01T00:10:00Z',
        },
        { status: 201 },
      );
    }
    if (url.pathname === `/v1/oauth/flows/${FLOW_ID}`) {
      const wait = Number(url.searchParams.get('wait'));
      statusReads.push(wait);
      // A short stand-in for the long-poll.
      if (wait > 0 && flow.state.status === 'pending')
        await new Promise((resolve) => setTimeout(resolve, 15));
      return jsonResponse({
        flowId: FLOW_ID,
        app: 'pipedrive',
        mode: 'popup',
        expiresAt: '2026-01-01T00:10:00Z',
        ...flow.state,
      });
    }
    return problemResponse(404, 'not_found');
  });
  const fake = fakeOAuthEnvironment();
  const events = createEventStream({ sessionId: 'sess' });
  const seen: PlugboardEvent[] = [];
  events.subscribe((event) => seen.push(event));
  const upserted: string[] = [];
  const controller = createOAuthController({
    http,
    events,
    backendOrigin: BACKEND,
    environment: () => fake.env,
    timing: { ...timing, timeoutMs: options.timeoutMs ?? timing.timeoutMs },
    onConnection: (c) => upserted.push(c.id),
  });
  return { controller, fake, flow, statusReads, created, requests, seen, upserted };
}

const app = { key: 'pipedrive' };
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await delay(2);
  }
  assert.fail(`timed out waiting for ${what}`);
}

function popupOf(fake: ReturnType<typeof fakeOAuthEnvironment>, index = 0): FakePopup {
  const popup = fake.popups[index];
  assert.ok(popup, 'a popup was opened');
  return popup;
}

describe('OAuth popup flow', () => {
  it('opens a blank popup synchronously, creates the flow, then navigates the popup', async () => {
    const { controller, fake, flow, created, seen, upserted } = setup();
    const handle = controller.start(app, { connectionId: 'con_aaaaaaaa' });
    // Synchronous: the popup exists before any await.
    assert.equal(handle.popupOpened, true);
    assert.deepEqual(fake.opened[0], {
      url: 'about:blank',
      name: 'plugboard-oauth',
      features: 'popup=yes,width=520,height=680',
    });
    await until(() => popupOf(fake).navigations.length === 1, 'navigation');
    assert.deepEqual(popupOf(fake).navigations, [AUTHORIZE_URL]);
    assert.deepEqual(created, [
      {
        app: 'pipedrive',
        connectionId: 'con_aaaaaaaa',
        openerOrigin: 'https://host.example',
        mode: 'popup',
      },
    ]);
    flow.state = { status: 'succeeded', connection: connection('con_aaaaaaaa', 'pipedrive') };
    const result = await handle.result;
    assert.equal(result.status, 'succeeded');
    assert.deepEqual(upserted, ['con_aaaaaaaa']);
    assert.equal(popupOf(fake).closed, true);
    assert.equal(fake.listenerCount(), 0, 'message listener removed');
    assert.deepEqual(
      seen.map((event) => event.name),
      ['popup_opened'],
    );
  });

  it('reports a blocked popup without creating a flow', async () => {
    const { controller, fake, requests, seen } = setup();
    fake.nextOpen = 'blocked';
    const handle = controller.start(app);
    assert.equal(handle.popupOpened, false);
    assert.deepEqual(await handle.result, { status: 'popup_blocked' });
    assert.equal(requests.length, 0);
    assert.deepEqual(
      seen.map((event) => event.name),
      ['popup_blocked'],
    );
  });

  it('treats a popup that is closed right after window.open as blocked', async () => {
    const { controller, fake } = setup();
    fake.nextOpen = 'closed';
    assert.deepEqual(await controller.start(app).result, { status: 'popup_blocked' });
  });

  it('refuses an authorize URL that is not https, and closes the popup', async () => {
    const { controller, fake } = setup({ authorizeUrl: 'javascript:alert(1)' });
    const result = await controller.start(app).result;
    assert.equal(result.status, 'error');
    assert.equal(result.status === 'error' && result.error.code, 'malformed');
    assert.equal(popupOf(fake).navigations.length, 0);
    assert.equal(popupOf(fake).closed, true);
  });

  it('maps failed and expired statuses', async () => {
    const failed = setup();
    const handle = failed.controller.start(app);
    failed.flow.state = {
      status: 'failed',
      error: { code: 'missing_scopes', message: 'Grant access', missingScopes: ['deals:read'] },
    };
    const result = await handle.result;
    assert.equal(result.status, 'failed');
    assert.equal(result.status === 'failed' && result.code, 'missing_scopes');
    assert.deepEqual(result.status === 'failed' && result.missingScopes, ['deals:read']);

    const expired = setup();
    const second = expired.controller.start(app);
    expired.flow.state = { status: 'expired' };
    assert.deepEqual(await second.result, { status: 'expired', flowId: FLOW_ID });
  });

  it('only lets a well-formed message from the backend, our popup and this flow trigger a status read', async () => {
    const { controller, fake, statusReads } = setup();
    controller.start(app);
    await until(() => fake.listenerCount() === 1, 'message listener');
    const popup = popupOf(fake);
    const good = { source: 'plugboard', flowId: FLOW_ID, status: 'succeeded' };
    const immediateReads = () => statusReads.filter((wait) => wait === 0).length;
    fake.dispatchMessage({ origin: 'https://evil.example', source: popup, data: good });
    fake.dispatchMessage({ origin: BACKEND, source: {}, data: good });
    fake.dispatchMessage({
      origin: BACKEND,
      source: popup,
      data: { ...good, flowId: 'flow_other123' },
    });
    fake.dispatchMessage({
      origin: BACKEND,
      source: popup,
      data: { ...good, source: 'other' },
    });
    fake.dispatchMessage({ origin: BACKEND, source: popup, data: 'succeeded' });
    await delay(5);
    assert.equal(immediateReads(), 0);
    fake.dispatchMessage({ origin: BACKEND, source: popup, data: good });
    await until(() => immediateReads() === 1, 'status read');
  });

  it('does not let a message decide the outcome: the backend status does', async () => {
    const { controller, fake, flow } = setup();
    const handle = controller.start(app);
    await until(() => fake.listenerCount() === 1, 'message listener');
    let settled = false;
    void handle.result.then(() => (settled = true));
    fake.dispatchMessage({
      origin: BACKEND,
      source: popupOf(fake),
      data: { source: 'plugboard', flowId: FLOW_ID, status: 'succeeded' },
    });
    await delay(20);
    assert.equal(settled, false, 'still pending on the backend');
    flow.state = { status: 'failed', error: { code: 'access_denied', message: 'Denied' } };
    assert.equal((await handle.result).status, 'failed');
  });

  it('confirms a closed popup with the backend before reporting cancelled', async () => {
    const { controller, fake, seen, statusReads } = setup();
    const handle = controller.start(app);
    await until(() => popupOf(fake).navigations.length === 1, 'navigation');
    await delay(timing.severedWindowMs + 10);
    popupOf(fake).closed = true;
    const result = await handle.result;
    assert.deepEqual(result, { status: 'cancelled', reason: 'popup_closed' });
    assert.ok(statusReads.includes(0), 'checked the status once');
    assert.deepEqual(
      seen.map((event) => event.name),
      ['popup_opened', 'popup_closed'],
    );
  });

  it('a closed popup whose flow succeeded meanwhile is a success', async () => {
    const { controller, fake, flow } = setup();
    const handle = controller.start(app);
    await until(() => popupOf(fake).navigations.length === 1, 'navigation');
    await delay(timing.severedWindowMs + 10);
    flow.state = { status: 'succeeded', connection: connection('con_aaaaaaaa', 'pipedrive') };
    popupOf(fake).closed = true;
    assert.equal((await handle.result).status, 'succeeded');
  });

  it('keeps waiting when the popup reads closed at once after navigating (COOP)', async () => {
    const { controller, fake, flow } = setup();
    const handle = controller.start(app);
    await until(() => popupOf(fake).navigations.length === 1, 'navigation');
    popupOf(fake).closed = true; // severed by the provider's Cross-Origin-Opener-Policy
    let settled = false;
    void handle.result.then(() => (settled = true));
    await delay(timing.closedGraceMs * 3);
    assert.equal(settled, false);
    flow.state = { status: 'succeeded', connection: connection('con_aaaaaaaa', 'pipedrive') };
    assert.equal((await handle.result).status, 'succeeded');
  });

  it('counts a quick close as cancelled once the popup was seen open on the provider page', async () => {
    const { controller, fake, statusReads } = setup();
    const handle = controller.start(app);
    await until(() => popupOf(fake).navigations.length === 1, 'navigation');
    popupOf(fake).showsOtherOrigin = true; // the provider's page loaded and did not sever us
    await until(() => popupOf(fake).otherOriginReads >= 2, 'seen on the provider page');
    popupOf(fake).closed = true; // well inside severedWindowMs
    assert.deepEqual(await handle.result, { status: 'cancelled', reason: 'popup_closed' });
    assert.ok(statusReads.includes(0), 'checked the status once');
  });

  it('keeps waiting when the popup read as another origin only once before reading closed', async () => {
    // Chromium can expose the popup as another origin for a moment while it follows the
    // redirects from the backend's start URL to the provider, just before COOP severs it.
    const { controller, fake, flow } = setup();
    const handle = controller.start(app);
    await until(() => popupOf(fake).navigations.length === 1, 'navigation');
    popupOf(fake).closesAfterOtherOriginReads = 1;
    popupOf(fake).showsOtherOrigin = true;
    let settled = false;
    void handle.result.then(() => (settled = true));
    await delay(timing.closedGraceMs * 3);
    assert.equal(settled, false, 'no false "cancelled"');
    flow.state = { status: 'succeeded', connection: connection('con_aaaaaaaa', 'pipedrive') };
    assert.equal((await handle.result).status, 'succeeded');
  });

  it('ends with timeout after the overall limit, closing the popup', async () => {
    const { controller, fake } = setup({ timeoutMs: 40 });
    assert.deepEqual(await controller.start(app).result, { status: 'timeout' });
    assert.equal(popupOf(fake).closed, true);
    assert.equal(fake.listenerCount(), 0);
  });

  it('supersedes the previous flow when another one starts', async () => {
    const { controller, fake, flow } = setup();
    const first = controller.start(app);
    const second = controller.start(app, { connectionId: 'con_bbbbbbbb' });
    assert.deepEqual(await first.result, { status: 'cancelled', reason: 'superseded' });
    assert.equal(popupOf(fake, 0).closed, true);
    flow.state = { status: 'succeeded', connection: connection('con_aaaaaaaa', 'pipedrive') };
    assert.equal((await second.result).status, 'succeeded');
  });

  it('a double click on the same flow brings its popup forward: one popup, one flow', async () => {
    const { controller, fake, flow, created } = setup();
    const first = controller.start(app);
    const second = controller.start(app);
    assert.equal(fake.popups.length, 1, 'one popup');
    assert.equal(popupOf(fake).focused, 1, 'the popup was brought forward');
    flow.state = { status: 'succeeded', connection: connection('con_aaaaaaaa', 'pipedrive') };
    assert.equal((await first.result).status, 'succeeded');
    assert.equal(await second.result, await first.result);
    assert.equal(created.length, 1, 'one flow created');
  });

  it('cancel() and an aborted signal end the wait and clean up', async () => {
    const { controller, fake } = setup();
    const handle = controller.start(app);
    await until(() => fake.listenerCount() === 1, 'message listener');
    handle.cancel();
    assert.deepEqual(await handle.result, { status: 'cancelled', reason: 'user' });
    assert.equal(fake.listenerCount(), 0);
    assert.equal(popupOf(fake).closed, true);

    const abort = new AbortController();
    const aborted = controller.start(app, { signal: abort.signal });
    abort.abort();
    assert.deepEqual(await aborted.result, { status: 'cancelled', reason: 'aborted' });
  });

  it('reopen() focuses an open popup, or opens the authorize URL again', async () => {
    const { controller, fake, seen } = setup();
    const handle = controller.start(app);
    await until(() => popupOf(fake).navigations.length === 1, 'navigation');
    handle.reopen();
    assert.equal(popupOf(fake).focused, 1);
    await delay(timing.severedWindowMs + 10);
    popupOf(fake).closed = true;
    handle.reopen();
    assert.equal(fake.opened[1]?.url, AUTHORIZE_URL);
    assert.equal(popupOf(fake, 1).closed, false);
    await delay(timing.closedGraceMs * 2);
    handle.cancel();
    assert.deepEqual(
      await handle.result,
      { status: 'cancelled', reason: 'user' },
      'the old popup closing did not end the flow',
    );
    assert.deepEqual(
      seen.filter((event) => event.name === 'popup_opened').map((event) => event.detail),
      [
        { app: 'pipedrive', mode: 'popup', reopened: false },
        { app: 'pipedrive', mode: 'popup', reopened: true },
      ],
    );
  });
});

describe('OAuth redirect flow', () => {
  it('creates a redirect flow with the return URL and navigates the tab', async () => {
    const { controller, fake, created } = setup();
    const handle = controller.start(app, {
      mode: 'redirect',
      returnUrl: 'https://host.example/back',
    });
    assert.equal(handle.popupOpened, false);
    assert.deepEqual(await handle.result, { status: 'redirecting', flowId: FLOW_ID });
    assert.deepEqual(fake.navigatedTo, [AUTHORIZE_URL]);
    assert.equal(fake.popups.length, 0);
    assert.deepEqual(created, [
      {
        app: 'pipedrive',
        openerOrigin: 'https://host.example',
        mode: 'redirect',
        returnUrl: 'https://host.example/back',
      },
    ]);
  });

  it('resumes: reads pb_flow, cleans the URL and returns the outcome', async () => {
    const { controller, fake, flow, upserted } = setup();
    flow.state = { status: 'succeeded', connection: connection('con_aaaaaaaa', 'pipedrive') };
    fake.pageUrl = `https://host.example/apps?tab=1&pb_flow=${FLOW_ID}#top`;
    const result = await controller.resumeRedirect();
    assert.equal(result?.status, 'succeeded');
    assert.deepEqual(fake.replacedWith, ['https://host.example/apps?tab=1#top']);
    assert.deepEqual(upserted, ['con_aaaaaaaa']);
  });

  it('resumes to null without a flow id, and ignores a forged one after cleaning the URL', async () => {
    const { controller, fake, statusReads } = setup();
    assert.equal(await controller.resumeRedirect(), null);
    assert.deepEqual(fake.replacedWith, []);
    fake.pageUrl = 'https://host.example/apps?pb_flow=../../x';
    assert.equal(await controller.resumeRedirect(), null);
    assert.deepEqual(fake.replacedWith, ['https://host.example/apps']);
    assert.deepEqual(statusReads, [], 'nothing asked of the backend');
  });
});
