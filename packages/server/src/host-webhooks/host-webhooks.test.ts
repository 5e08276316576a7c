// Signed webhooks to the host backend on a fake clock: the signature checked by an independent
// Standard Webhooks implementation (the `standardwebhooks` package), tampered bodies and old
// timestamps refused, the six connection types and never a secret, retries on the schedule for
// more than a day, a restart that loses nothing, one instance per delivery, and timeouts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { IN_MEMORY, openDatabase, type Database } from '../db/open-database.js';
import { ConnectionEventLog, type NewConnectionEvent } from '../events/index.js';
import { createLogger } from '../http/logger.js';
import { freshTestDatabaseUrl } from '../test-support/test-database.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { HostWebhookOutbox } from './host-webhook-outbox.js';
import { HostWebhookRepository } from './host-webhook-repository.js';
import { HostWebhookSender } from './host-webhook-sender.js';
import {
  DEFAULT_HOST_WEBHOOK_SETTINGS,
  type HostWebhookSettings,
} from './host-webhook-settings.js';
import { HostWebhookSecretError, webhookKey } from './standard-webhooks.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const HOUR = 60 * 60 * 1000;

const event = (
  type: NewConnectionEvent['type'],
  detail: NewConnectionEvent['detail'] = {},
): NewConnectionEvent => ({
  type,
  userId: 'user-42',
  app: 'slack',
  connectionId: 'con_0123456789abcdef',
  detail,
});

describe('host webhooks', () => {
  let clock: number;
  const now = () => clock;
  let databaseUrl: string | undefined;
  let databases: Database[];
  let receiver: WebhookReceiver;
  let log: ConnectionEventLog;
  let repository: HostWebhookRepository;

  const senderOver = (database: Database, settings: Partial<HostWebhookSettings> = {}) =>
    new HostWebhookSender({
      repository: new HostWebhookRepository(database.db),
      settings: {
        ...DEFAULT_HOST_WEBHOOK_SETTINGS,
        url: receiver.url,
        secret: SECRET,
        ...settings,
      },
      fetch: (url, init) => fetch(url, init),
      logger: createLogger(null),
      now,
    });

  beforeEach(async () => {
    clock = Date.now();
    databases = [];
    databaseUrl = await freshTestDatabaseUrl();
    const database = await openDatabase({ url: databaseUrl, sqlitePath: IN_MEMORY });
    databases.push(database);
    receiver = await startWebhookReceiver();
    repository = new HostWebhookRepository(database.db);
    log = new ConnectionEventLog({
      db: database.db,
      dialect: database.dialect,
      notifications: database.notifications,
      now,
      sinks: [new HostWebhookOutbox(repository, now).enqueue],
    });
  });

  afterEach(async () => {
    await receiver.close();
    for (const database of databases.reverse()) await database.close();
  });

  const headersOf = (index: number) => {
    const { headers } = receiver.received[index]!;
    return {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    };
  };

  it('signs each webhook so that an independent implementation verifies it', async () => {
    await log.record(databases[0]!.db, [
      event('connection.needs_reauth', {
        status: 'needs_reauth',
        previousStatus: 'connected',
        label: 'jane@acme.example',
        error: { code: 'needs_reauth', message: 'Your Slack sign-in has expired.' },
      }),
    ]);
    assert.equal(await senderOver(databases[0]!).runOnce(), 1);
    const [received] = await receiver.waitFor(1);
    assert.equal(received!.headers['content-type'], 'application/json');
    const verified = new Webhook(SECRET).verify(received!.body, headersOf(0));
    assert.deepEqual(verified, {
      type: 'connection.needs_reauth',
      timestamp: new Date(clock).toISOString(),
      data: {
        userId: 'user-42',
        app: 'slack',
        connectionId: 'con_0123456789abcdef',
        status: 'needs_reauth',
        previousStatus: 'connected',
        label: 'jane@acme.example',
        error: { code: 'needs_reauth', message: 'Your Slack sign-in has expired.' },
      },
    });
    assert.match(headersOf(0)['webhook-id'], /^msg_[A-Za-z0-9]{24}$/);
    assert.match(headersOf(0)['webhook-signature'], /^v1,[A-Za-z0-9+/]{43}=$/);

    const tampered = received!.body.replace('user-42', 'user-43');
    assert.throws(
      () => new Webhook(SECRET).verify(tampered, headersOf(0)),
      WebhookVerificationError,
    );
    const otherSecret = `whsec_${randomBytes(32).toString('base64')}`;
    assert.throws(
      () => new Webhook(otherSecret).verify(received!.body, headersOf(0)),
      WebhookVerificationError,
    );
  });

  it('signs with the time of the attempt: an old timestamp is refused by the receiver', async () => {
    clock = Date.now() - 10 * 60 * 1000;
    await log.record(databases[0]!.db, [event('connection.created', { status: 'connected' })]);
    await senderOver(databases[0]!).runOnce();
    await receiver.waitFor(1);
    assert.throws(
      () => new Webhook(SECRET).verify(receiver.received[0]!.body, headersOf(0)),
      /too old/,
    );
  });

  it('sends the six connection types, never event_received, and no secret', async () => {
    const types = [
      'connection.created',
      'connection.updated',
      'connection.deleted',
      'connection.needs_reauth',
      'connection.recovered',
      'connection.test_failed',
    ] as const;
    await log.record(databases[0]!.db, [
      ...types.map((type) => event(type, { status: 'connected' })),
      event('connection.event_received', { receivedAt: new Date(clock).toISOString() }),
    ]);
    await senderOver(databases[0]!, { maxConcurrent: 10 }).runOnce();
    const received = await receiver.waitFor(6);
    assert.deepEqual(
      received.map((webhook) => (JSON.parse(webhook.body) as { type: string }).type).sort(),
      [...types].sort(),
    );
    for (const webhook of received) {
      const { data } = JSON.parse(webhook.body) as { data: Record<string, unknown> };
      assert.deepEqual(Object.keys(data).sort(), ['app', 'connectionId', 'status', 'userId']);
    }
  });

  it('retries on the Standard Webhooks schedule for more than a day, then gives up', async () => {
    receiver.answer = 503;
    const created = clock;
    await log.record(databases[0]!.db, [event('connection.test_failed', { status: 'error' })]);
    const sender = senderOver(databases[0]!);
    const delays = DEFAULT_HOST_WEBHOOK_SETTINGS.retryDelaysMs;
    assert.equal(await sender.runOnce(), 1, 'the first attempt goes at once');
    for (const delay of delays) {
      clock += delay - 1;
      assert.equal(await sender.runOnce(), 0, `retried before ${delay} ms`);
      clock += 1;
      assert.equal(await sender.runOnce(), 1);
    }
    clock += 100 * HOUR;
    assert.equal(await sender.runOnce(), 0, 'tried again after the last attempt');
    assert.ok(clock - created > 24 * HOUR);
    const [listed] = (await repository.list({ offset: 0, limit: 10 })).items;
    assert.equal(listed!.delivery.status, 'failed');
    assert.equal(listed!.attempts.length, delays.length + 1);
    assert.ok(listed!.attempts.every((attempt) => attempt.status_code === 503));
    assert.equal(listed!.attempts[0]!.error, 'The host answered 503.');
    const lastAttemptAt = Number(listed!.attempts.at(-1)!.at);
    assert.ok(lastAttemptAt - created >= 27 * HOUR, 'the retries lasted less than a day');
    // Every attempt is the same message (the receiver de-duplicates on webhook-id).
    assert.equal(
      new Set(receiver.received.map((_, index) => headersOf(index)['webhook-id'])).size,
      1,
    );
  });

  it('survives a restart: a new instance goes on where the old one stopped', async () => {
    // PostgreSQL keeps the rows in its schema; SQLite in a file (not in memory) for this test.
    const folder = mkdtempSync(join(tmpdir(), 'pb-host-webhooks-'));
    const location = { url: databaseUrl, sqlitePath: join(folder, 'plugboard.sqlite') };
    try {
      const before = await openDatabase(location);
      const logBefore = new ConnectionEventLog({
        db: before.db,
        dialect: before.dialect,
        notifications: before.notifications,
        now,
        sinks: [new HostWebhookOutbox(new HostWebhookRepository(before.db), now).enqueue],
      });
      await logBefore.record(before.db, [event('connection.deleted')]);
      receiver.answer = 500;
      await senderOver(before).runOnce();
      await before.close();

      const after = await openDatabase(location);
      databases.push(after);
      receiver.answer = 200;
      clock += DEFAULT_HOST_WEBHOOK_SETTINGS.retryDelaysMs[0]!;
      assert.equal(await senderOver(after).runOnce(), 1);
      const [listed] = (await new HostWebhookRepository(after.db).list({ offset: 0, limit: 5 }))
        .items;
      assert.equal(listed!.delivery.status, 'delivered');
      assert.deepEqual(
        listed!.attempts.map((attempt) => attempt.status_code),
        [500, 200],
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lets one instance send each delivery when two share the database', async () => {
    await log.record(
      databases[0]!.db,
      Array.from({ length: 6 }, () => event('connection.updated', { status: 'connected' })),
    );
    const other = databaseUrl
      ? await openDatabase({ url: databaseUrl, sqlitePath: IN_MEMORY })
      : databases[0]!;
    if (other !== databases[0]) databases.push(other);
    const [sentByOne, sentByOther] = await Promise.all([
      senderOver(databases[0]!, { maxConcurrent: 10 }).runOnce(),
      senderOver(other, { maxConcurrent: 10 }).runOnce(),
    ]);
    assert.equal(sentByOne + sentByOther, 6);
    await receiver.waitFor(6);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(receiver.received.length, 6, 'a delivery was sent twice');
  });

  it('records a host that does not answer in time', async () => {
    receiver.answer = 'hang';
    await log.record(databases[0]!.db, [event('connection.created', { status: 'connected' })]);
    await senderOver(databases[0]!, { timeoutMs: 200 }).runOnce();
    const [listed] = (await repository.list({ offset: 0, limit: 5 })).items;
    assert.equal(listed!.delivery.status, 'pending');
    assert.deepEqual(
      [listed!.attempts[0]!.status_code, listed!.attempts[0]!.error],
      [null, 'No answer within 0.2 s.'],
    );
  });

  it('refuses a secret that is not whsec_ and base64', () => {
    for (const secret of ['', 'secret', 'whsec_', 'whsec_not base64!', `whsec_${'A'.repeat(8)}`]) {
      assert.throws(() => webhookKey(secret), HostWebhookSecretError, secret);
    }
    assert.equal(webhookKey(SECRET).length, 32);
  });
});
