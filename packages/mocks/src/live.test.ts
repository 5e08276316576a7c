import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Connection, LiveEvent } from '@plugboard/contract';
import { streamEventViolations } from '@plugboard/contract/validate-response';
import { createParser } from 'eventsource-parser';
import { DEMO_KEY } from './validation/credentials.js';
import {
  BASE_URL,
  call,
  newIdempotencyKey,
  stopServer,
  TOKEN,
  useBackend,
} from './testing/mock-api.js';

after(stopServer);

interface Received {
  event: string;
  id: string | undefined;
  data: unknown;
}

/** Opens GET /v1/events and collects its events (checked against the contract) until stopped. */
async function openStream(headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${BASE_URL}/v1/events`, {
    headers: { Authorization: `Bearer ${TOKEN}`, ...headers },
    signal: abort.signal,
  });
  const received: Received[] = [];
  const parser = createParser({
    onEvent({ event = 'message', id, data }) {
      const parsed = JSON.parse(data) as unknown;
      assert.deepEqual(streamEventViolations('streamEvents', event, parsed), []);
      received.push({ event, id, data: parsed });
    },
  });
  void (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
    } catch {
      // stopped by the test
    }
  })();
  const waitFor = async (count: number) => {
    const deadline = Date.now() + 2000;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${JSON.stringify(received)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return received.slice(0, count);
  };
  return { response, received, waitFor, stop: () => abort.abort() };
}

const typeOf = (received: Received) => (received.data as LiveEvent).type;

describe('GET /v1/events (mock live channel)', () => {
  test('streams ready, then every change the API and the live switches make', async () => {
    const backend = useBackend({ scenario: 'empty' });
    const stream = await openStream();
    try {
      assert.equal(stream.response.status, 200);
      assert.match(stream.response.headers.get('Content-Type') ?? '', /^text\/event-stream/);
      const [ready] = await stream.waitFor(1);
      assert.deepEqual(ready, { event: 'ready', id: '0', data: { heartbeatSeconds: 15 } });

      const created = await call('createConnection', 'POST', '/v1/connections', {
        headers: { 'Idempotency-Key': newIdempotencyKey() },
        body: { app: 'pipedrive', method: 'token', fields: { subdomain: 'acme', token: DEMO_KEY } },
      });
      const id = (created.body as Connection).id;
      backend.renameConnection(id, 'Sales team');
      backend.breakConnection(id);
      backend.deliverWebhook(id);
      backend.recoverConnection(id);
      backend.removeConnection(id);
      const events = (await stream.waitFor(7)).slice(1);
      assert.deepEqual(events.map(typeOf), [
        'connection.created',
        'connection.updated',
        'connection.needs_reauth',
        'connection.event_received',
        'connection.recovered',
        'connection.deleted',
      ]);
      assert.deepEqual(
        events.map((event) => event.id),
        ['1', '2', '3', '4', '5', '6'],
      );
      // Each carries the connection as it is when sent; the deletion none.
      assert.equal((events[0]!.data as LiveEvent).connection?.id, id);
      assert.equal((events[1]!.data as LiveEvent).connection?.label, 'Sales team');
      assert.equal((events[2]!.data as LiveEvent).connection?.status, 'needs_reauth');
      assert.ok((events[3]!.data as LiveEvent).connection?.setup?.lastEventAt);
      assert.equal((events[5]!.data as LiveEvent).connection, undefined);
    } finally {
      stream.stop();
    }
  });

  test('replays after Last-Event-ID, and resets for an id it never gave', async () => {
    const backend = useBackend();
    const [first] = backend.store.connections;
    backend.renameConnection(first!.id, 'One');
    backend.renameConnection(first!.id, 'Two');
    const resumed = await openStream({ 'Last-Event-ID': '1' });
    try {
      const [ready, missed] = await resumed.waitFor(2);
      assert.equal(ready!.event, 'ready');
      assert.equal(ready!.id, undefined);
      assert.equal(missed!.id, '2');
      assert.equal((missed!.data as LiveEvent).connection?.label, 'Two');
    } finally {
      resumed.stop();
    }
    const unknown = await openStream({ 'Last-Event-ID': '99' });
    try {
      const [, reset] = await unknown.waitFor(2);
      assert.deepEqual(reset, { event: 'reset', id: '2', data: { reason: 'unknown_id' } });
    } finally {
      unknown.stop();
    }
  });

  test('tells the test outcome like the server: test_failed, needs_reauth, recovered', async () => {
    const backend = useBackend({ scenario: 'connections-every-status' });
    const stream = await openStream();
    try {
      await stream.waitFor(1);
      const byStatus = (status: Connection['status']) =>
        backend.store.connections.find((connection) => connection.status === status)!;
      await call('testConnection', 'POST', `/v1/connections/${byStatus('error').id}/test`);
      await call('testConnection', 'POST', `/v1/connections/${byStatus('expired').id}/test`);
      const events = (await stream.waitFor(3)).slice(1);
      assert.deepEqual(events.map(typeOf), ['connection.test_failed', 'connection.recovered']);
    } finally {
      stream.stop();
    }
  });

  test('answers 404 without a live channel, and never speaks behind a buffering proxy', async () => {
    useBackend({ scenario: 'live-unavailable' });
    const missing = await call('streamEvents', 'GET', '/v1/events');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.violations, []);

    useBackend({ scenario: 'live-buffered' });
    const buffered = await openStream();
    try {
      assert.equal(buffered.response.status, 200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(buffered.received, []);
    } finally {
      buffered.stop();
    }
  });

  test('refuses what the real server refuses', async () => {
    useBackend();
    const anonymous = await call('streamEvents', 'GET', '/v1/events', { token: null });
    assert.equal(anonymous.status, 401);
    assert.deepEqual(anonymous.violations, []);
    const malformed = await call('streamEvents', 'GET', '/v1/events', {
      headers: { 'Last-Event-ID': 'x' },
    });
    assert.equal(malformed.status, 400);
  });
});
