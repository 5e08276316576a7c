// The connection event log: each change of a connection records its events in its own transaction,
// readers resume after an id, ids commit in order on both databases, and a recorded event wakes
// subscribers on another instance (PostgreSQL's LISTEN/NOTIFY; one process on SQLite).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { CatalogService } from '../catalog/catalog-service.js';
import { ConnectionRepository } from '../connections/connection-repository.js';
import type { ConnectionService } from '../connections/connection-service.js';
import { createSecretBox } from '../crypto/secret-box.js';
import { IN_MEMORY, openDatabase, type Database } from '../db/open-database.js';
import type { ProviderClient, TokenResult, WhoAmIResult } from '../provider/provider-client.js';
import type { SessionRecord } from '../sessions/session-record.js';
import { connectionServiceOver } from '../test-support/connection-service-over.js';
import { freshTestDatabaseUrl } from '../test-support/test-database.js';
import { ConnectionEventLog, type NewConnectionEvent } from './index.js';

const session: SessionRecord = {
  id: 'ses_1',
  userId: 'u1',
  allowedOrigins: ['http://localhost:5173'],
  allowedApps: null,
  expiresAt: Date.now() + 60_000,
};
const identity = { id: 'acct-1', label: 'demo@example.com', email: null, name: null };
const SECRET_KEY = 'demo-key-0123456789';
const ACCESS_TOKEN = 'access-token-0123456789';

const logOver = (database: Database) =>
  new ConnectionEventLog({
    db: database.db,
    dialect: database.dialect,
    notifications: database.notifications,
    now: Date.now,
  });

const someEvent = (connectionId: string, userId = 'u1'): NewConnectionEvent => ({
  type: 'connection.updated',
  userId,
  app: 'stripe',
  connectionId,
  detail: { status: 'connected' },
});

describe('connection event log', () => {
  let databaseUrl: string | undefined;
  let database: Database;
  let service: ConnectionService;
  let log: ConnectionEventLog;
  let catalog: CatalogService;
  let whoAmI: WhoAmIResult;
  let refresh: TokenResult;

  beforeEach(async () => {
    whoAmI = { outcome: 'ok', identity };
    refresh = { outcome: 'rejected', error: 'invalid_grant' };
    databaseUrl = await freshTestDatabaseUrl();
    database = await openDatabase({ url: databaseUrl, sqlitePath: IN_MEMORY });
    catalog = new CatalogService(
      demoCatalog,
      database.db,
      database.notifications,
      'http://127.0.0.1:1',
      Date.now,
    );
    const provider = {
      whoAmI: async () => whoAmI,
      refresh: async () => refresh,
      revoke: async () => ({ outcome: 'revoked' }),
    } as unknown as ProviderClient;
    const repository = new ConnectionRepository(database.db, createSecretBox([randomBytes(32)]));
    ({ service, events: log } = connectionServiceOver({ database, catalog, repository, provider }));
  });

  afterEach(() => database.close());

  it('records every change of a connection, in order, without a secret', async () => {
    const key = await service.create(session, {
      app: 'stripe',
      method: 'api_key',
      fields: { apiKey: SECRET_KEY },
    });
    await service.update(session, key.id, { label: 'Billing' });
    whoAmI = { outcome: 'rejected' };
    await service.test(session, key.id, 'req_events');
    whoAmI = { outcome: 'ok', identity };
    await service.test(session, key.id, 'req_events');
    await service.test(session, key.id, 'req_events'); // nothing changed: no event

    const oauth = await service.connectOAuth(
      session,
      catalog.find('slack'),
      { accessToken: ACCESS_TOKEN, refreshToken: 'r1', expiresAt: 1, scopes: ['contacts.read'] },
      { ...identity, id: 'acct-2' },
      null,
    );
    assert.equal(oauth.outcome, 'connected');
    const oauthId = oauth.outcome === 'connected' ? oauth.connection.id : '';
    await service.test(session, oauthId, 'req_events'); // expired token, refresh refused
    await service.remove(session, key.id);

    const events = await log.since('u1', 0);
    assert.deepEqual(
      events.map((event) => [event.type, event.connectionId]),
      [
        ['connection.created', key.id],
        ['connection.updated', key.id],
        ['connection.test_failed', key.id],
        ['connection.recovered', key.id],
        ['connection.created', oauthId],
        ['connection.needs_reauth', oauthId],
        ['connection.deleted', key.id],
      ],
    );
    const ids = events.map((event) => event.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(events[1]!.detail, { status: 'connected', label: 'Billing' });
    assert.deepEqual(events[2]!.detail, {
      status: 'error',
      previousStatus: 'connected',
      label: 'Billing',
      error: events[2]!.detail.error,
    });
    assert.equal(events[2]!.detail.error?.code, 'credentials_rejected');
    assert.equal(events[5]!.detail.previousStatus, 'connected');
    assert.ok(
      events.every((event) => event.userId === 'u1' && !Number.isNaN(Date.parse(event.at))),
    );
    const stored = JSON.stringify(
      await database.db.selectFrom('connection_events').selectAll().execute(),
    );
    assert.ok(!stored.includes(SECRET_KEY) && !stored.includes(ACCESS_TOKEN), stored);
    // Details only: a timestamp or a random id may contain these digits by chance.
    const details = events.map((event) => JSON.stringify(event.detail)).join();
    assert.ok(!details.includes('0123'), `not even a hint of a credential: ${details}`);
  });

  it('resumes after an id, keeps users apart, and knows the newest id', async () => {
    for (const id of ['con_a', 'con_b', 'con_c']) await log.record(database.db, [someEvent(id)]);
    await log.record(database.db, [someEvent('con_other', 'u2')]);
    const all = await log.since('u1', 0);
    assert.deepEqual(
      (await log.since('u1', all[0]!.id)).map((event) => event.connectionId),
      ['con_b', 'con_c'],
    );
    assert.deepEqual(
      (await log.since('u1', 0, 2)).map((event) => event.connectionId),
      ['con_a', 'con_b'],
    );
    assert.equal(await log.latestId('u1'), all[2]!.id);
    assert.equal(await log.latestId('nobody'), 0);
    assert.deepEqual(
      (await log.since('u2', 0)).map((event) => event.connectionId),
      ['con_other'],
    );
  });

  it('records a webhook delivery as connection.event_received', async () => {
    const created = await service.create(session, {
      app: 'pipedrive',
      method: 'token',
      fields: { subdomain: 'acme', token: '0123456789abcdef0123456789abcdef01234567' },
    });
    const hookId = created.setup!.webhookUrl.split('/').pop()!;
    const at = Date.parse('2026-06-01T12:00:00Z');
    assert.equal(await service.recordWebhookDelivery(hookId, at), true);
    assert.equal(await service.recordWebhookDelivery('unknown-hook-id-000', at), false);
    const last = (await log.since('u1', 0)).at(-1)!;
    assert.equal(last.type, 'connection.event_received');
    assert.equal(last.connectionId, created.id);
    assert.deepEqual(last.detail, { receivedAt: '2026-06-01T12:00:00.000Z' });
  });

  it('keeps no event of a change that rolled back, and never reuses an id', async () => {
    await log.record(database.db, [someEvent('con_kept')]);
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await log.record(trx, [someEvent('con_lost')]);
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    await log.record(database.db, [someEvent('con_next')]);
    const events = await log.since('u1', 0);
    assert.deepEqual(
      events.map((event) => event.connectionId),
      ['con_kept', 'con_next'],
    );
    await database.db.deleteFrom('connection_events').execute();
    const [after] = await log.record(database.db, [someEvent('con_after_prune')]);
    assert.ok(after!.id > events[1]!.id, 'an id was reused after the rows were pruned');
  });

  it('commits ids in order: a reader never sees a later id before an earlier one', async () => {
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstRecorded!: () => void;
    const recorded = new Promise<void>((resolve) => (firstRecorded = resolve));
    const first = database.db.transaction().execute(async (trx) => {
      await log.record(trx, [someEvent('con_first')]);
      firstRecorded();
      await firstHeld;
    });
    await recorded;
    // The second writer starts while the first has its id but has not committed; a reader comes
    // after (on SQLite both wait for the first's transaction, on PostgreSQL the reader does not).
    const second = log.record(database.db, [someEvent('con_second')]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reading = log.since('u1', 0);
    const seenEarly = await Promise.race([
      reading,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 200)),
    ]);
    releaseFirst();
    await Promise.all([first, second]);
    const seen = (seenEarly ?? (await reading)).map((event) => event.connectionId);
    assert.deepEqual(seen, ['con_first', 'con_second'].slice(0, seen.length), 'seen out of order');
    assert.deepEqual(
      (await log.since('u1', 0)).map((event) => event.connectionId),
      ['con_first', 'con_second'],
    );
  });

  it('wakes subscribers on another instance once the change commits', async () => {
    // PostgreSQL: a second instance is a second connection pool and LISTEN connection. SQLite
    // serves one process, whose instance is the same database.
    const other =
      database.dialect === 'postgres'
        ? await openDatabase({ url: databaseUrl, sqlitePath: IN_MEMORY })
        : database;
    try {
      const otherLog = logOver(other);
      const woken: string[] = [];
      let wake!: () => void;
      const wokenOnce = new Promise<void>((resolve) => (wake = resolve));
      const unsubscribe = otherLog.subscribe((userId) => {
        woken.push(userId);
        wake();
      });
      // Let the LISTEN reach the server before the NOTIFY.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await log.record(database.db, [someEvent('con_a'), someEvent('con_b')]);
      await wokenOnce;
      assert.deepEqual(woken, ['u1'], 'one wake-up per user and commit');
      assert.deepEqual(
        (await otherLog.since('u1', 0)).map((event) => event.connectionId),
        ['con_a', 'con_b'],
      );
      unsubscribe();
    } finally {
      if (other !== database) await other.close();
    }
  });
});
