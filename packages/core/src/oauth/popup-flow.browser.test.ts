// The OAuth popup flow against a real window: window.open is replaced by a stand-in that hands
// back an iframe's WindowProxy (a real Window, so `event.source === popup` means what it means in
// production; removing the iframe makes `closed` read true, like a closed or COOP-severed popup).
import { expect, waitUntil } from '@open-wc/testing';
import { createClient, type PlugboardClient } from '../client.js';
import type { PlugboardEvent } from '../events.js';
import { fakeFetch, jsonResponse } from '../testing/fake-fetch.js';
import type { FlowTiming } from './flow-timing.js';
import type { OAuthFlow } from '@plugboard/contract';

const BACKEND = 'https://api.example.test';
const FLOW_ID = 'flow_browser01';
const timing: Partial<FlowTiming> = {
  closedCheckMs: 10,
  closedGraceMs: 60,
  severedWindowMs: 400,
  minPollIntervalMs: 20,
  errorRetryMs: 20,
};

interface Harness {
  client: PlugboardClient;
  requests: Request[];
  opened: {
    url: string | URL | undefined;
    target: string | undefined;
    features: string | undefined;
  }[];
  frame: HTMLIFrameElement;
  popup: Window;
  flow: { state: Pick<OAuthFlow, 'status' | 'connection'> };
  events: PlugboardEvent[];
  statusReads: () => number;
}

const originalOpen = window.open;
let frames: HTMLIFrameElement[] = [];

function makeFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  frames.push(frame);
  return frame;
}

function setup(
  options: { openReturns?: 'frame' | 'null' | 'closed'; authorizeUrl?: string } = {},
): Harness {
  const frame = makeFrame();
  const popup = frame.contentWindow!;
  if (options.openReturns === 'closed') frame.remove();
  const flow: Harness['flow'] = { state: { status: 'pending' } };
  const authorizeUrl = options.authorizeUrl ?? `${location.origin}/__plugboard_fake_authorize__`;
  const { fetch, requests } = fakeFetch(async (request) => {
    const url = new URL(request.url);
    if (request.method === 'POST') {
      return jsonResponse(
        { flowId: FLOW_ID, authorizeUrl, expiresAt: '2030-01-01T00:00:00Z' },
        { status: 201 },
      );
    }
    if (Number(url.searchParams.get('wait')) > 0 && flow.state.status === 'pending') {
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return jsonResponse({
      flowId: FLOW_ID,
      app: 'pipedrive',
      mode: 'popup',
      expiresAt: '2030-01-01T00:00:00Z',
      ...flow.state,
    });
  });
  const opened: Harness['opened'] = [];
  window.open = (url?: string | URL, target?: string, features?: string) => {
    opened.push({ url, target, features });
    return options.openReturns === 'null' ? null : popup;
  };
  const client = createClient(
    { backendUrl: BACKEND, sessionToken: 'tok_browser', fetch },
    { oauthTiming: timing },
  );
  const events: PlugboardEvent[] = [];
  client.events.subscribe((event) => events.push(event));
  const statusReads = () =>
    requests.filter((request) => new URL(request.url).searchParams.get('wait') === '0').length;
  return { client, requests, opened, frame, popup, flow, events, statusReads };
}

const succeeded = {
  status: 'succeeded' as const,
  connection: {
    id: 'con_browser01',
    app: 'pipedrive',
    label: 'jane@acme.com',
    method: 'oauth2' as const,
    status: 'connected' as const,
    grantedScopes: [],
    missingScopes: [],
    lastTestedAt: null,
    lastError: null,
    setup: null,
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
  },
};

function callbackMessage(
  source: MessageEventSource | null,
  origin = BACKEND,
  flowId = FLOW_ID,
): MessageEvent {
  return new MessageEvent('message', {
    data: { source: 'plugboard', flowId, status: 'succeeded' },
    origin,
    source,
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OAuth popup flow in a browser', () => {
  afterEach(() => {
    window.open = originalOpen;
    frames.forEach((frame) => frame.remove());
    frames = [];
  });

  it('opens a centred blank popup synchronously, then sends it to the authorize URL', async () => {
    const h = setup();
    const handle = h.client.startOAuth({ key: 'pipedrive' });
    expect(h.opened).to.have.length(1);
    expect(h.opened[0]!.url).to.equal('about:blank');
    expect(h.opened[0]!.features).to.match(/width=\d+,height=\d+,left=\d+,top=\d+/);
    expect(handle.popupOpened).to.equal(true);
    const body = (await waitFor(() => h.requests[0])).clone();
    expect(await body.json()).to.deep.include({ openerOrigin: location.origin, mode: 'popup' });
    await waitUntil(
      () => h.frame.contentWindow?.location.pathname === '/__plugboard_fake_authorize__',
      'popup navigated',
    );
    h.flow.state = succeeded;
    expect((await handle.result).status).to.equal('succeeded');
    expect(h.client.connections.countFor('pipedrive')).to.equal(1);
  });

  it('ignores messages from another origin, another window, or another flow', async () => {
    const h = setup();
    const handle = h.client.startOAuth({ key: 'pipedrive' });
    await waitUntil(() => h.requests.length >= 2, 'flow created and polled');
    window.dispatchEvent(callbackMessage(h.popup, 'https://evil.example'));
    window.dispatchEvent(callbackMessage(window));
    window.dispatchEvent(callbackMessage(h.popup, BACKEND, 'flow_someoneelse'));
    // A real postMessage from the popup comes from this page's origin, not the backend's.
    h.popup.postMessage({ source: 'plugboard', flowId: FLOW_ID, status: 'succeeded' }, '*');
    await pause(30);
    expect(h.statusReads()).to.equal(0);
    window.dispatchEvent(callbackMessage(h.popup));
    await waitUntil(() => h.statusReads() === 1, 'one immediate status read');
    handle.cancel();
  });

  it('reports popup_blocked for a null window.open, without creating a flow', async () => {
    const h = setup({ openReturns: 'null' });
    const handle = h.client.startOAuth({ key: 'pipedrive' });
    expect(handle.popupOpened).to.equal(false);
    expect(await handle.result).to.deep.equal({ status: 'popup_blocked' });
    expect(h.requests).to.have.length(0);
    expect(h.events.map((event) => event.name)).to.deep.equal(['popup_blocked']);
  });

  it('reports popup_blocked for a popup that is closed as soon as it opens', async () => {
    const h = setup({ openReturns: 'closed' });
    expect(await h.client.startOAuth({ key: 'pipedrive' }).result).to.deep.equal({
      status: 'popup_blocked',
    });
  });

  it('does not trust a popup that reads closed right after navigating (COOP): the backend decides', async () => {
    const h = setup();
    const handle = h.client.startOAuth({ key: 'pipedrive' });
    // The popup is sent to the provider just before the first status poll goes out.
    await waitUntil(() => h.requests.length >= 2, 'flow created and polled');
    h.frame.remove();
    expect(h.popup.closed).to.equal(true);
    let settled = false;
    void handle.result.then(() => (settled = true));
    await pause(timing.closedGraceMs! * 3);
    expect(settled).to.equal(false);
    h.flow.state = succeeded;
    expect((await handle.result).status).to.equal('succeeded');
  });

  it('confirms a popup closed by the user with the backend, then reports cancelled', async () => {
    const h = setup();
    const handle = h.client.startOAuth({ key: 'pipedrive' });
    await waitUntil(() => h.requests.length >= 2, 'flow created and polled');
    await pause(timing.severedWindowMs! + 20);
    h.frame.remove();
    expect(await handle.result).to.deep.equal({ status: 'cancelled', reason: 'popup_closed' });
    expect(h.statusReads()).to.equal(1);
    expect(h.events.map((event) => event.name)).to.deep.equal(['popup_opened', 'popup_closed']);
  });

  it('stops listening and polling when its signal aborts', async () => {
    const h = setup();
    const abort = new AbortController();
    const handle = h.client.startOAuth({ key: 'pipedrive' }, { signal: abort.signal });
    await waitUntil(() => h.requests.length >= 2, 'flow created and polled');
    abort.abort();
    expect(await handle.result).to.deep.equal({ status: 'cancelled', reason: 'aborted' });
    const requestsAtAbort = h.requests.length;
    window.dispatchEvent(callbackMessage(h.popup));
    await pause(80);
    expect(h.requests.length).to.equal(requestsAtAbort);
  });

  it('another start supersedes the first, whose late success is ignored', async () => {
    const h = setup();
    const first = h.client.startOAuth({ key: 'pipedrive' });
    const second = h.client.startOAuth({ key: 'pipedrive' }, { connectionId: 'con_bbbbbbbb' });
    expect(await first.result).to.deep.equal({ status: 'cancelled', reason: 'superseded' });
    h.flow.state = succeeded;
    expect((await second.result).status).to.equal('succeeded');
  });

  it('the same start twice (a double click) is one flow in one popup', async () => {
    const h = setup();
    const first = h.client.startOAuth({ key: 'pipedrive' });
    const second = h.client.startOAuth({ key: 'pipedrive' });
    expect(h.opened).to.have.length(1);
    h.flow.state = succeeded;
    expect((await first.result).status).to.equal('succeeded');
    expect(await second.result).to.equal(await first.result);
    expect(h.requests.filter((request) => request.method === 'POST')).to.have.length(1);
  });
});

describe('OAuth redirect resume in a browser', () => {
  it('reads pb_flow, removes it from the address bar and returns the outcome', async () => {
    const h = setup();
    h.flow.state = succeeded;
    const before = location.href;
    const url = new URL(before);
    url.searchParams.set('pb_flow', FLOW_ID);
    history.replaceState(history.state, '', url);
    try {
      const result = await h.client.resumeRedirectFlow();
      expect(result?.status).to.equal('succeeded');
      expect(new URL(location.href).searchParams.has('pb_flow')).to.equal(false);
    } finally {
      history.replaceState(history.state, '', before);
    }
  });
});

async function waitFor<T>(read: () => T | undefined): Promise<T> {
  await waitUntil(() => read() !== undefined, 'value present');
  return read()!;
}
