// Core's OAuth flows against the mock backend in this engine, through the start URL and its
// binding cookie: the popup (an iframe's window stands in for it: WebDriver-driven WebKit hangs on
// real popups) and "continue in this tab" (the tab's navigation goes to an iframe) really navigate
// start URL → mock provider → callback, and the flow succeeds only because the callback request
// carries the cookie the start URL set. The backend sits on this page's origin (under /mock-api)
// so the service worker sees those navigations; cookies come from MSW's emulated jar, not the
// browser's own (a service worker cannot set real cookies).
import { expect, waitUntil } from '@open-wc/testing';
import { createClient, type ClientInternals } from '@plugboard/core';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { startMockWorker } from './browser.js';
import { createMockBackend } from './index.js';

const baseUrl = `${location.origin}/mock-api`;
const timing = { closedCheckMs: 20, closedGraceMs: 50, minPollIntervalMs: 20 };

describe('core OAuth flows through the mock start URL', () => {
  let worker: SetupWorker;
  const backend = createMockBackend({ baseUrl, scenario: 'empty' });
  const frames: HTMLIFrameElement[] = [];
  const originalOpen = window.open;

  before(async () => {
    worker = await startMockWorker(backend);
  });
  after(() => worker.stop());
  afterEach(() => {
    window.open = originalOpen;
    frames.splice(0).forEach((frame) => frame.remove());
  });

  const frame = () => {
    const element = document.createElement('iframe');
    document.body.append(element);
    frames.push(element);
    return element;
  };
  const client = (internals: ClientInternals = {}) =>
    createClient(
      { backendUrl: baseUrl, sessionToken: 'browser-flow-test' },
      { oauthTiming: timing, ...internals },
    );
  /** The last request of a path the mock backend saw, for where the frame went. */
  const lastRequestTo = (path: string) =>
    backend.store.requests.filter((request) => new URL(request.url).pathname === path).at(-1);

  it('popup: the start URL binds the flow, the callback with the cookie connects', async () => {
    const popup = frame();
    window.open = () => popup.contentWindow;
    const handle = client().startOAuth({ key: 'hubspot' });
    const result = await handle.result;
    expect(result.status).to.equal('succeeded');
    const flowId = backend.store.flows.at(-1)!.flowId;
    expect(lastRequestTo(`/mock-api/v1/oauth/start/${flowId}`)).to.not.equal(undefined);
    // The page the callback answered, once parsed: the one a popup would show.
    await waitUntil(
      () =>
        popup.contentWindow?.location.pathname === '/mock-api/v1/oauth/callback' &&
        popup.contentDocument?.querySelector('h1')?.textContent?.includes('Signed in'),
      'the popup showed the callback page',
    );
  });

  it('continue in this tab: the tab is sent to the start URL and comes back with pb_flow', async () => {
    const tab = frame();
    const returnUrl = `${baseUrl}/__returned?from=test`;
    const environment: ClientInternals['oauthEnvironment'] = {
      origin: location.origin,
      openPopup: () => null,
      onMessage: () => () => undefined,
      currentUrl: () => location.href,
      navigate: (url) => {
        tab.src = url;
      },
      replaceUrl: () => undefined,
      popupFeatures: () => '',
    };
    // The host page the tab returns to.
    worker.use(http.get(`${baseUrl}/__returned`, () => HttpResponse.html('<h1>Host page</h1>')));
    const flows = client({ oauthEnvironment: environment });
    const started = await flows.startOAuth({ key: 'hubspot' }, { mode: 'redirect', returnUrl })
      .result;
    expect(started.status).to.equal('redirecting');
    await waitUntil(
      () => tab.contentWindow?.location.pathname === '/mock-api/__returned',
      'the tab came back',
    );
    const flowId = backend.store.flows.at(-1)!.flowId;
    expect(lastRequestTo(`/mock-api/v1/oauth/start/${flowId}`)).to.not.equal(undefined);
    const back = tab.contentWindow!.location.href;
    expect(new URL(back).searchParams.get('pb_flow')).to.equal(flowId);
    const result = await flows.resumeRedirectFlow(back);
    expect(result?.status).to.equal('succeeded');
  });
});
