import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Connection, LiveEvent } from '@plugboard/contract';
import { sleep } from '../abort.js';
import { createClient, type PlugboardClient } from '../client.js';
import type { PlugboardEvent } from '../events.js';
import { deferred, jsonResponse, problemResponse } from '../testing/fake-fetch.js';
import { connection } from '../testing/fixtures.js';
import type { LiveTiming } from './live-channel.js';

/** One event stream the test writes to; it errors like a real body when its request aborts. */
class FakeStream {
  readonly body: ReadableStream<Uint8Array>;
  aborted = false;
  private controller!: ReadableStreamDefaultController<Uint8Array>;

  constructor(readonly request: Request) {
    this.body = new ReadableStream({ start: (controller) => (this.controller = controller) });
    request.signal.addEventListener('abort', () => {
      this.aborted = true;
      this.controller.error(new DOMException('Aborted', 'AbortError'));
    });
  }

  send(text: string): void {
    this.controller.enqueue(new TextEncoder().encode(text));
  }

  ready(id?: string, heartbeatSeconds = 15): void {
    this.send(
      `${id ? `id: ${id}\n` : ''}event: ready\ndata: {"heartbeatSeconds":${heartbeatSeconds}}\n\n`,
    );
  }

  event(event: LiveEvent): void {
    this.send(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  end(): void {
    this.controller.close();
  }
}

const FAST: Partial<LiveTiming> = {
  readyTimeoutMs: 150,
  silenceMarginMs: 100,
  pollMs: 40,
  retryBaseMs: 20,
  retryMaxMs: 200,
  failuresBeforePolling: 2,
  lingerMs: 30,
};

interface Backend {
  /** What GET /v1/events answers; default: a new FakeStream. */
  events?: (request: Request, call: number) => Response | undefined;
  list?: () => Connection[] | Response;
  /** Any other request (a write of this page). */
  other?: (request: Request) => Promise<Response>;
}

function setup(
  backend: Backend = {},
  options: { fetchSessionToken?: () => Promise<string>; timing?: Partial<LiveTiming> } = {},
) {
  const streams: FakeStream[] = [];
  const waits: number[] = [];
  const requests: Request[] = [];
  let eventCalls = 0;
  let listCalls = 0;
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const path = new URL(request.url).pathname;
    if (path === '/v1/events') {
      eventCalls += 1;
      const answer = backend.events?.(request, eventCalls);
      if (answer) return answer;
      const stream = new FakeStream(request);
      streams.push(stream);
      return new Response(stream.body, {
        headers: { 'Content-Type': 'text/event-stream', 'X-Request-Id': 'req_s' },
      });
    }
    if (backend.other && request.method !== 'GET') return backend.other(request);
    if (path === '/v1/connections') {
      listCalls += 1;
      const items = backend.list?.() ?? [];
      return items instanceof Response ? items : jsonResponse({ items });
    }
    return problemResponse(404, 'not_found');
  };
  const client = createClient(
    {
      backendUrl: 'https://api.example.test',
      sessionToken: 'tok_first',
      fetchSessionToken: options.fetchSessionToken,
      fetch: fetchImpl as typeof fetch,
    },
    {
      liveTiming: { ...FAST, ...options.timing },
      random: () => 1,
      sleep: (ms, signal) => {
        waits.push(ms);
        return sleep(ms, signal);
      },
    },
  );
  const seen: PlugboardEvent<'connection_changed'>[] = [];
  client.events.on('connection_changed', (event) => seen.push(event));
  return {
    client,
    streams,
    requests,
    seen,
    waits,
    eventCalls: () => eventCalls,
    listCalls: () => listCalls,
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function liveEvent(
  id: string,
  type: LiveEvent['type'],
  subject: Connection,
  withConnection = type !== 'connection.deleted',
): LiveEvent {
  return {
    id,
    type,
    app: subject.app,
    connectionId: subject.id,
    at: '2026-12-07T10:00:00.000Z',
    ...(withConnection && { connection: subject }),
  };
}

async function loaded(client: PlugboardClient, items: Connection[]): Promise<void> {
  await client.connections.refresh();
  assert.equal(client.connections.items.length, items.length);
}

const slack = connection('con_aaaaaaaa', 'slack', { label: 'jane@acme.com' });
const hubspot = connection('con_bbbbbbbb', 'hubspot');

/** Every hold a test takes is let go after it, passed or failed, so no stream outlives it. */
const holds: (() => void)[] = [];
function hold(client: PlugboardClient): () => void {
  const release = client.live.hold();
  holds.push(release);
  return release;
}

describe('live channel', () => {
  afterEach(() => holds.splice(0).forEach((release) => release()));

  it('opens for the first holder only, stays while one holds it, closes after the last', async () => {
    const h = setup();
    assert.equal(h.client.live.state, 'closed');
    await pause(20);
    assert.equal(h.eventCalls(), 0, 'nothing opens before an element needs it');
    const releaseA = hold(h.client);
    const releaseB = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    h.streams[0]!.ready('10');
    await until(() => h.client.live.state === 'open', 'open');
    releaseA();
    releaseA(); // a second call does nothing
    await pause(60);
    assert.equal(h.client.live.state, 'open', 'B still holds it');
    assert.equal(h.streams[0]!.aborted, false);
    releaseB();
    await until(() => h.client.live.state === 'closed', 'closed');
    assert.equal(h.streams[0]!.aborted, true, 'the stream was ended');
    assert.equal(h.eventCalls(), 1, 'one shared stream');
    // Opening again resumes where the last stream was.
    const release = hold(h.client);
    await until(() => h.streams.length === 2, 'the second stream');
    assert.equal(h.streams[1]!.request.headers.get('Last-Event-ID'), '10');
    release();
  });

  it('keeps the stream when the last holder comes back within the linger time', async () => {
    const h = setup();
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    h.streams[0]!.ready('1');
    release();
    const again = hold(h.client);
    await pause(80);
    assert.equal(h.eventCalls(), 1);
    assert.equal(h.streams[0]!.aborted, false);
    again();
  });

  it('sends the token in the header, never in the URL, and asks for an event stream', async () => {
    const h = setup();
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    const { request } = h.streams[0]!;
    assert.equal(request.headers.get('Authorization'), 'Bearer tok_first');
    assert.equal(request.headers.get('Accept'), 'text/event-stream');
    assert.equal(new URL(request.url).search, '');
    assert.equal(
      request.headers.get('Last-Event-ID'),
      null,
      'a first stream starts at the present',
    );
    release();
  });

  it('applies events to the store and tells them in order, without echoes', async () => {
    const h = setup({ list: () => [slack, hubspot] });
    await loaded(h.client, [slack, hubspot]);
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    const stream = h.streams[0]!;
    stream.ready('5');
    const renamed = { ...slack, label: 'ops@acme.com', updatedAt: '2026-12-07T10:00:00Z' };
    stream.event(liveEvent('6', 'connection.updated', renamed));
    stream.event(liveEvent('7', 'connection.updated', renamed)); // the same again: an echo
    const broken = {
      ...renamed,
      status: 'needs_reauth' as const,
      updatedAt: '2026-12-07T10:01:00Z',
    };
    stream.event(liveEvent('8', 'connection.needs_reauth', broken));
    stream.event(liveEvent('9', 'connection.recovered', renamed)); // older than the store's copy
    stream.event(liveEvent('10', 'connection.deleted', hubspot));
    stream.event(liveEvent('11', 'connection.deleted', hubspot)); // gone already
    await until(() => h.client.connections.items.length === 1, 'the deletion');
    assert.equal(h.client.connections.find(slack.id)?.status, 'needs_reauth');
    assert.equal(h.client.connections.find(slack.id)?.label, 'ops@acme.com');
    assert.deepEqual(
      h.seen.map(({ detail }) => [detail.change, detail.connectionId, detail.status, detail.via]),
      [
        ['updated', slack.id, 'connected', 'live'],
        ['needs_reauth', slack.id, 'needs_reauth', 'live'],
        ['deleted', hubspot.id, undefined, 'live'],
      ],
    );
    assert.ok(h.seen.every((event, i) => i === 0 || event.seq > h.seen[i - 1]!.seq));
    release();
  });

  it("holds events while this page's own write is answered, so its echo is not told", async () => {
    const answer = deferred<Response>();
    const h = setup({ list: () => [slack], other: () => answer.promise });
    await loaded(h.client, [slack]);
    hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    h.streams[0]!.ready('1');
    const creating = h.client.connections.create({ app: 'hubspot', method: 'api_key', fields: {} });
    // The backend's event arrives before the create's own answer does.
    h.streams[0]!.event(liveEvent('2', 'connection.created', hubspot));
    await pause(50);
    assert.equal(h.client.connections.find(hubspot.id), undefined, 'held, not applied');
    answer.resolve(jsonResponse(hubspot, { status: 201 }));
    await creating;
    h.streams[0]!.event(liveEvent('3', 'connection.updated', { ...slack, label: 'after' }));
    await until(() => h.seen.length === 1, 'the next event');
    assert.deepEqual(
      h.seen.map(({ detail }) => [detail.change, detail.connectionId]),
      [['updated', slack.id]],
      'the echo of our own create is not told',
    );
  });

  it("does not tell this page's own write as a change when a poll's list read overlaps it", async () => {
    const answer = deferred<Response>();
    let list = [slack];
    const h = setup({
      list: () => list,
      events: () => problemResponse(404, 'not_found'),
      other: () => answer.promise,
    });
    await loaded(h.client, [slack]);
    hold(h.client);
    await until(() => h.client.live.state === 'polling', 'polling');
    const creating = h.client.connections.create({ app: 'hubspot', method: 'api_key', fields: {} });
    // The backend stored it before its answer reached this page: the next polls list it.
    list = [slack, hubspot];
    const calls = h.listCalls();
    await until(() => h.listCalls() >= calls + 2, 'polls during the create');
    answer.resolve(jsonResponse(hubspot, { status: 201 }));
    await creating;
    list = [{ ...slack, status: 'needs_reauth' }, hubspot];
    await until(() => h.seen.length > 0, 'the change made elsewhere');
    assert.deepEqual(
      h.seen.map(({ detail }) => [detail.change, detail.connectionId, detail.via]),
      [['needs_reauth', slack.id, 'poll']],
    );
  });

  it('leaves a list that failed to load to its element while it polls', async () => {
    let failing = true;
    const h = setup({
      list: () => (failing ? problemResponse(403, 'app_not_allowed') : [slack]),
      events: () => problemResponse(404, 'not_found'),
    });
    await assert.rejects(h.client.connections.refresh());
    assert.equal(h.client.connections.state, 'error');
    const calls = h.listCalls();
    hold(h.client);
    await until(() => h.client.live.state === 'polling', 'polling');
    await pause(150);
    assert.equal(h.listCalls(), calls, 'no reload behind the error view');
    assert.equal(h.client.connections.state, 'error');
    failing = false;
  });

  it('ignores events that do not match the contract', async () => {
    const h = setup({ list: () => [slack] });
    await loaded(h.client, [slack]);
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    const stream = h.streams[0]!;
    stream.ready('1');
    stream.send(
      'id: 2\nevent: connection.deleted\ndata: {"id":"2","type":"connection.deleted"}\n\n',
    );
    stream.send('id: 3\nevent: connection.updated\ndata: not json\n\n');
    // The event name and the data's type disagree.
    stream.event({ ...liveEvent('4', 'connection.deleted', slack), type: 'connection.created' });
    stream.send(': heartbeat\n\n');
    await pause(50);
    assert.equal(h.client.connections.items.length, 1);
    assert.deepEqual(h.seen, []);
    release();
  });

  it('reconnects after a drop with Last-Event-ID and gets what it missed', async () => {
    const h = setup({ list: () => [slack] });
    await loaded(h.client, [slack]);
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    h.streams[0]!.ready('20');
    h.streams[0]!.event(liveEvent('21', 'connection.updated', { ...slack, label: 'a' }));
    h.streams[0]!.end(); // the connection dropped
    await until(() => h.streams.length === 2, 'the reconnection');
    assert.equal(h.streams[1]!.request.headers.get('Last-Event-ID'), '21');
    h.streams[1]!.ready();
    h.streams[1]!.event(liveEvent('22', 'connection.updated', { ...slack, label: 'b' }));
    await until(() => h.client.connections.find(slack.id)?.label === 'b', 'the missed event');
    h.streams[1]!.end();
    await until(() => h.streams.length === 3, 'another reconnection');
    assert.equal(h.streams[2]!.request.headers.get('Last-Event-ID'), '22');
    // The first load, and one reload when the first stream opened: no polling.
    assert.equal(h.listCalls(), 2, 'no polling while reconnects work');
    release();
  });

  it('backs off between failed attempts, then polls the list until the stream opens', async () => {
    let listed = [slack, hubspot];
    const h = setup(
      {
        list: () => listed,
        events: (_request, call) =>
          call <= 4 ? problemResponse(503, 'internal_error') : undefined,
      },
      { timing: { failuresBeforePolling: 3, pollMs: 30 } },
    );
    await loaded(h.client, listed);
    hold(h.client);
    await until(() => h.client.live.state === 'polling', 'polling');
    // Two waits that double (jitter at its maximum), then polling from the third failure on.
    assert.deepEqual(h.waits.slice(0, 2), [20, 40]);
    const pollsBefore = h.listCalls();
    listed = [{ ...slack, status: 'needs_reauth', updatedAt: '2026-12-07T11:00:00Z' }];
    await until(() => h.seen.length === 2, 'the changes polling saw');
    assert.deepEqual(
      h.seen.map(({ detail }) => [detail.change, detail.connectionId, detail.via]),
      [
        ['needs_reauth', slack.id, 'poll'],
        ['deleted', hubspot.id, 'poll'],
      ],
    );
    assert.ok(h.listCalls() > pollsBefore);
    await until(() => h.streams.length === 1, 'the stream, at last');
    // Polling waited out 80 ms, then 160 ms, in polls of at most 30 ms.
    assert.ok(
      h.waits.slice(2).every((ms) => ms <= 30),
      h.waits.join(', '),
    );
    h.streams[0]!.ready('1');
    await until(() => h.client.live.state === 'open', 'open');
    const pollsWhenOpen = h.listCalls();
    await pause(120);
    assert.ok(h.listCalls() <= pollsWhenOpen + 1, 'polling stops once the stream is live');
  });

  it('polls at once when the stream opens but never says ready (a proxy that buffers)', async () => {
    const h = setup({ list: () => [slack] });
    await loaded(h.client, [slack]);
    const held = Date.now();
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    h.streams[0]!.send(': padding that a buffer would hold back anyway\n\n');
    await until(() => h.client.live.state === 'polling', 'polling');
    assert.ok(Date.now() - held >= 145, `after the ready timeout (${Date.now() - held} ms)`);
    assert.equal(h.streams[0]!.aborted, true, 'the silent stream was ended');
    await until(() => h.listCalls() >= 3, 'a few polls');
    release();
  });

  it('polls only, for good, when the backend has no live channel', async () => {
    const h = setup({
      list: () => [slack],
      events: () => problemResponse(404, 'not_found'),
    });
    const release = hold(h.client);
    await until(() => h.listCalls() >= 3, 'polls');
    assert.equal(h.eventCalls(), 1);
    assert.equal(h.client.live.state, 'polling');
    release();
    await until(() => h.client.live.state === 'closed', 'closed');
    const calls = h.listCalls();
    await pause(100);
    assert.equal(h.listCalls(), calls, 'polling ends with the last holder');
  });

  it('refreshes the session token on 401 through the shared token logic', async () => {
    let tokens = 0;
    const h = setup(
      {
        events: (request) =>
          request.headers.get('Authorization') === 'Bearer tok_first'
            ? problemResponse(401, 'session_expired')
            : undefined,
      },
      { fetchSessionToken: async () => `tok_fresh_${++tokens}` },
    );
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream with the new token');
    assert.equal(h.streams[0]!.request.headers.get('Authorization'), 'Bearer tok_fresh_1');
    h.streams[0]!.ready('1');
    await until(() => h.client.live.state === 'open', 'open');
    assert.equal(tokens, 1);
    release();
  });

  it('stops, without polling, when the session cannot be renewed', async () => {
    const h = setup({ events: () => problemResponse(401, 'session_expired') });
    const release = hold(h.client);
    await until(() => h.client.live.state === 'stopped', 'stopped');
    await pause(100);
    assert.equal(h.eventCalls(), 1);
    assert.equal(h.listCalls(), 0);
    release();
  });

  it('reloads the list on reset, and when a first stream opens after the list loaded', async () => {
    let listed = [slack];
    const h = setup({ list: () => listed });
    await loaded(h.client, [slack]);
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    listed = [slack, hubspot]; // created between the list and the stream
    h.streams[0]!.ready('3');
    await until(() => h.client.connections.items.length === 2, 'the resync after a fresh open');
    listed = [hubspot];
    h.streams[0]!.send('id: 40\nevent: reset\ndata: {"reason":"too_many"}\n\n');
    await until(() => h.client.connections.items.length === 1, 'the resync after reset');
    assert.deepEqual(
      h.seen.map(({ detail }) => [detail.change, detail.connectionId]),
      [
        ['created', hubspot.id],
        ['deleted', slack.id],
      ],
    );
    h.streams[0]!.end();
    await until(() => h.streams.length === 2, 'the reconnection');
    assert.equal(h.streams[1]!.request.headers.get('Last-Event-ID'), '40');
    release();
  });

  it('reconnects when a live stream falls silent past two heartbeats', async () => {
    const h = setup();
    const release = hold(h.client);
    await until(() => h.streams.length === 1, 'the stream');
    h.streams[0]!.ready('1', 1);
    await pause(1000);
    h.streams[0]!.send(': heartbeat\n\n');
    await pause(1500);
    assert.equal(h.streams.length, 1, 'heartbeats keep it');
    await until(() => h.streams.length === 2, 'the reconnection after silence', 4000);
    assert.equal(h.streams[0]!.aborted, true);
    release();
  });
});
