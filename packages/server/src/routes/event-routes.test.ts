import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, LiveEvent, LiveReset, Problem } from '@plugboard/contract';
import { ConnectionEventLog } from '../events/index.js';
import { readEventStream, type ReadEvent } from '../test-support/event-stream-reader.js';
import {
  idempotencyKey,
  ORIGIN,
  OTHER_ORIGIN,
  startTestStack,
  type TestStack,
} from '../test-support/test-stack.js';

const isConnectionEvent = (type: LiveEvent['type'], connectionId?: string) => (event: ReadEvent) =>
  event.event === type &&
  (connectionId === undefined || (event.data as LiveEvent).connectionId === connectionId);

describe('GET /v1/events (live channel)', () => {
  let t: TestStack;
  before(async () => {
    t = await startTestStack({ credentialAttemptsPerMinute: 100, liveHeartbeatSeconds: 1 });
  });
  after(() => t.close());

  const connect = async (token: string, app = 'stripe') => {
    const created = await t.call<Connection>('createConnection', '/v1/connections', {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { app, method: 'api_key', fields: { apiKey: 'demo-key-123' } },
    });
    assert.equal(created.status, 201, created.text);
    return created.body;
  };
  const rename = (token: string, id: string, label: string) =>
    t.call<Connection>('updateConnection', `/v1/connections/${id}`, {
      method: 'PATCH',
      token,
      body: { label },
    });
  const open = (token: string, lastEventId?: string) =>
    readEventStream(t.stack.url, { token, origin: ORIGIN, lastEventId });

  it('opens with ready (its id is where a reconnect resumes), not cached, readable cross-origin', async () => {
    const token = await t.session({ userId: 'live-ready' });
    const stream = await open(token);
    try {
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('Content-Type') ?? '', /^text\/event-stream/);
      assert.equal(stream.headers.get('Cache-Control'), 'no-store');
      assert.equal(stream.headers.get('Access-Control-Allow-Origin'), ORIGIN);
      assert.ok(stream.headers.get('X-Request-Id'));
      const ready = await stream.next();
      assert.equal(ready.event, 'ready');
      assert.deepEqual(ready.data, { heartbeatSeconds: 1 });
      assert.equal(ready.id, '0', 'no event for this user yet');
    } finally {
      stream.close();
    }
  });

  it('tells the user every change of their connections, each with the connection as it is now', async () => {
    const token = await t.session({ userId: 'live-changes' });
    const stream = await open(token);
    try {
      await stream.next((event) => event.event === 'ready');
      const connection = await connect(token);
      const created = await stream.next(isConnectionEvent('connection.created'));
      const createdEvent = created.data as LiveEvent;
      assert.equal(createdEvent.connectionId, connection.id);
      assert.equal(createdEvent.app, 'stripe');
      assert.equal(created.id, createdEvent.id);
      assert.deepEqual(createdEvent.connection, connection);

      const renamed = (await rename(token, connection.id, 'Finance')).body;
      const updated = await stream.next(isConnectionEvent('connection.updated'));
      assert.equal((updated.data as LiveEvent).connection?.label, 'Finance');
      assert.deepEqual((updated.data as LiveEvent).connection, renamed);
      assert.ok(Number(updated.id) > Number(created.id), 'ids grow');

      const deleted = await t.call('deleteConnection', `/v1/connections/${connection.id}`, {
        method: 'DELETE',
        token,
      });
      assert.equal(deleted.status, 200);
      const gone = await stream.next(isConnectionEvent('connection.deleted'));
      assert.equal((gone.data as LiveEvent).connectionId, connection.id);
      assert.equal((gone.data as LiveEvent).connection, undefined);
    } finally {
      stream.close();
    }
  });

  it('tells when the service delivers to the webhook URL (the setup step waits for it)', async () => {
    const token = await t.session({ userId: 'live-webhook' });
    const stream = await open(token);
    try {
      await stream.next((event) => event.event === 'ready');
      const created = await t.call<Connection>('createConnection', '/v1/connections', {
        method: 'POST',
        token,
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { app: 'typeform', method: 'token', fields: { token: 'demo-key-123' } },
      });
      const webhookUrl = created.body.setup!.webhookUrl;
      const delivered = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"event_id":"1"}',
      });
      assert.equal(delivered.status, 202);
      const received = await stream.next(isConnectionEvent('connection.event_received'));
      assert.ok((received.data as LiveEvent).connection?.setup?.lastEventAt);
    } finally {
      stream.close();
    }
  });

  it("shows nothing of another user's connections, nor of apps the session does not allow", async () => {
    const mine = await t.session({ userId: 'live-scope' });
    const limited = await t.session({ userId: 'live-scope', allowedApps: ['sendgrid'] });
    const stranger = await t.session({ userId: 'live-stranger' });
    const all = await open(mine);
    const onlySendgrid = await open(limited);
    try {
      await all.next((event) => event.event === 'ready');
      await onlySendgrid.next((event) => event.event === 'ready');
      await connect(stranger);
      const stripe = await connect(mine, 'stripe');
      const sendgrid = await connect(mine, 'sendgrid');
      const seen = [
        await all.next(isConnectionEvent('connection.created')),
        await all.next(isConnectionEvent('connection.created')),
      ].map((event) => (event.data as LiveEvent).connectionId);
      assert.deepEqual(
        seen,
        [stripe.id, sendgrid.id],
        "the stranger's connection is not among them",
      );
      const limitedSaw = await onlySendgrid.next(isConnectionEvent('connection.created'));
      assert.equal((limitedSaw.data as LiveEvent).connectionId, sendgrid.id);
      await onlySendgrid.nothingFor(300, (event) => event.event.startsWith('connection.'));
    } finally {
      all.close();
      onlySendgrid.close();
    }
  });

  it('replays what a reconnect missed after Last-Event-ID, and resets for an id it does not know', async () => {
    const token = await t.session({ userId: 'live-resume' });
    const first = await open(token);
    await first.next((event) => event.event === 'ready');
    const connection = await connect(token);
    const created = await first.next(isConnectionEvent('connection.created'));
    first.close();

    await rename(token, connection.id, 'While away 1');
    await rename(token, connection.id, 'While away 2');
    const resumed = await open(token, created.id);
    try {
      const ready = await resumed.next();
      assert.equal(ready.event, 'ready');
      assert.equal(ready.id, undefined, 'a resumed stream keeps its place');
      const missed = [await resumed.next(), await resumed.next()];
      assert.deepEqual(
        missed.map((event) => event.event),
        ['connection.updated', 'connection.updated'],
      );
      // Each event carries the connection as it is when sent: the latest label both times.
      assert.equal((missed[1]!.data as LiveEvent).connection?.label, 'While away 2');
    } finally {
      resumed.close();
    }

    const unknown = await open(token, '999999999');
    try {
      await unknown.next((event) => event.event === 'ready');
      const reset = await unknown.next();
      assert.equal(reset.event, 'reset');
      assert.deepEqual(reset.data as LiveReset, { reason: 'unknown_id' });
      assert.ok(Number(reset.id) >= Number(created.id), 'the reset says where to resume');
    } finally {
      unknown.close();
    }
  });

  it('resets, rather than replaying, when a reconnect missed more than one stream replays', async () => {
    const token = await t.session({ userId: 'live-far-behind' });
    const first = await open(token);
    await first.next((event) => event.event === 'ready');
    const connection = await connect(token);
    const created = await first.next(isConnectionEvent('connection.created'));
    first.close();
    const { database } = t.stack;
    const log = new ConnectionEventLog({ ...database, now: Date.now });
    const recorded = await log.record(
      database.db,
      Array.from({ length: 501 }, () => ({
        type: 'connection.test_failed' as const,
        userId: 'live-far-behind',
        app: 'stripe',
        connectionId: connection.id,
        detail: { status: 'error' as const },
      })),
    );
    const resumed = await open(token, created.id);
    try {
      await resumed.next((event) => event.event === 'ready');
      const reset = await resumed.next();
      assert.equal(reset.event, 'reset');
      assert.deepEqual(reset.data, { reason: 'too_many' });
      assert.equal(reset.id, String(recorded.at(-1)!.id));
      await resumed.nothingFor(200);
    } finally {
      resumed.close();
    }
  });

  it('sends heartbeats, and ends the stream of a revoked session', async () => {
    const token = await t.session({ userId: 'live-heartbeat' });
    const stream = await open(token);
    await stream.next((event) => event.event === 'ready');
    await new Promise((resolve) => setTimeout(resolve, 1300));
    assert.ok(stream.comments.includes('heartbeat'), `comments: ${stream.comments.join(',')}`);
    const revoked = await fetch(`${t.stack.url}/v1/sessions/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.stack.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    assert.equal(revoked.status, 204);
    await Promise.race([
      stream.ended,
      new Promise((_resolve, reject) => setTimeout(() => reject(new Error('still open')), 3000)),
    ]);
  });

  it('refuses a request without a session, from another origin, or with a malformed id', async () => {
    const token = await t.session({ userId: 'live-refused' });
    const none = await t.call<Problem>('streamEvents', '/v1/events', {});
    assert.equal(none.status, 401);
    const foreign = await t.call<Problem>('streamEvents', '/v1/events', {
      token,
      origin: OTHER_ORIGIN,
    });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.code, 'forbidden_origin');
    const malformed = await t.call<Problem>('streamEvents', '/v1/events', {
      token,
      headers: { 'Last-Event-ID': 'abc' },
    });
    assert.equal(malformed.status, 400);
    const preflight = await fetch(`${t.stack.url}/v1/events`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization, last-event-id',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /Last-Event-ID/);
  });

  it('limits the streams one session holds open at once', async () => {
    const token = await t.session({ userId: 'live-many' });
    const streams = await Promise.all(Array.from({ length: 8 }, () => open(token)));
    try {
      const refused = await t.call<Problem>('streamEvents', '/v1/events', { token });
      assert.equal(refused.status, 429);
      assert.equal(refused.body.code, 'rate_limited');
      streams.pop()!.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await open(token);
      assert.equal(again.status, 200, 'a closed stream gives its place back');
      again.close();
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
