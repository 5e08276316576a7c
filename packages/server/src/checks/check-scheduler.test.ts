// The background checks on a fake clock: each connection checked once per interval and spread
// over time, OAuth tokens refreshed ahead of expiry, service failures retried with backoff without
// touching the status, an authentication failure turning the connection needs_reauth once, a
// recovery recorded, provider health derived from what the checks saw (an override still wins),
// and one instance per check when two share the database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { CatalogService } from '../catalog/catalog-service.js';
import { ConnectionRepository } from '../connections/connection-repository.js';
import { createSecretBox, type SecretBox } from '../crypto/secret-box.js';
import { IN_MEMORY, openDatabase, type Database } from '../db/open-database.js';
import type { ConnectionEventLog } from '../events/index.js';
import { createLogger } from '../http/logger.js';
import type {
  ProviderClient,
  ProviderCredential,
  TokenResult,
  TokenSet,
  WhoAmIResult,
} from '../provider/provider-client.js';
import type { SessionRecord } from '../sessions/session-record.js';
import { connectionServiceOver } from '../test-support/connection-service-over.js';
import { freshTestDatabaseUrl } from '../test-support/test-database.js';
import { CheckRepository } from './check-repository.js';
import { CheckScheduler } from './check-scheduler.js';
import {
  DEFAULT_HEALTH_DERIVATION,
  type CheckSettings,
  type HealthDerivationSettings,
} from './check-settings.js';
import { DerivedHealth } from './derived-health.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const session: SessionRecord = {
  id: 'ses_1',
  userId: 'u1',
  allowedOrigins: ['http://localhost:5173'],
  allowedApps: null,
  expiresAt: Number.MAX_SAFE_INTEGER,
};
const SETTINGS: CheckSettings = {
  intervalMs: 60 * MINUTE,
  firstCheckWithinMs: 10 * MINUTE,
  jitter: 0.1,
  tickMs: 1000,
  perAppConcurrency: 2,
  maxConcurrent: 8,
  refreshAheadMs: 5 * MINUTE,
  retryBaseMs: 30_000,
  leaseMs: 2 * MINUTE,
};
const HEALTH: HealthDerivationSettings = { ...DEFAULT_HEALTH_DERIVATION, minChecked: 3 };

/** What the scripted service answers, per credential (the API key or the access token). */
type Answer = WhoAmIResult | 'hold';

describe('background checks', () => {
  let clock: number;
  const now = () => clock;
  let databaseUrl: string | undefined;
  let databases: Database[];
  let box: SecretBox;
  /** The service's answer to "who am I", by credential; `ok` with an identity by default. */
  let answers: Map<string, Answer>;
  let calls: string[];
  let held: Array<() => void>;
  let refresh: (tokens: TokenSet) => TokenResult;
  let refreshCalls: number;

  const secretOf = (credential: ProviderCredential) =>
    credential.type === 'oauth' ? credential.tokens.accessToken : String(credential.values.apiKey);

  const provider = {
    whoAmI: async (credential: ProviderCredential): Promise<WhoAmIResult> => {
      const secret = secretOf(credential);
      calls.push(secret);
      const answer = answers.get(secret) ?? {
        outcome: 'ok',
        identity: { id: `acct-${secret}`, label: `${secret}@example.com`, email: null, name: null },
      };
      if (answer !== 'hold') return answer;
      await new Promise<void>((resolve) => held.push(resolve));
      return { outcome: 'unreachable', detail: 'The service did not answer in time.' };
    },
    refresh: async (tokens: TokenSet) => {
      refreshCalls += 1;
      return refresh(tokens);
    },
  } as unknown as ProviderClient;

  /** One server instance: its own catalog, services and scheduler over a shared database. */
  const instance = (database: Database, settings: Partial<CheckSettings> = {}) => {
    const checks = new CheckRepository(database.db);
    const derived = new DerivedHealth(checks, HEALTH, now);
    const catalog = new CatalogService(
      demoCatalog,
      database.db,
      database.notifications,
      'http://127.0.0.1:1',
      now,
      derived,
    );
    const repository = new ConnectionRepository(database.db, box);
    const { service, events } = connectionServiceOver({
      database,
      catalog,
      repository,
      provider,
      now,
    });
    const scheduler = new CheckScheduler({
      checks,
      connections: service,
      settings: { ...SETTINGS, ...settings },
      logger: createLogger(null),
      now,
      random: () => 0.5,
    });
    return { service, events, catalog, repository, scheduler, derived, checks };
  };

  const openShared = async () => {
    const database = await openDatabase({ url: databaseUrl, sqlitePath: IN_MEMORY });
    databases.push(database);
    return database;
  };

  /** A second instance: its own connections to PostgreSQL; one process is all SQLite serves. */
  const secondDatabase = async () => (databaseUrl ? openShared() : databases[0]!);

  let one: ReturnType<typeof instance>;

  beforeEach(async () => {
    clock = T0;
    databases = [];
    box = createSecretBox([randomBytes(32)]);
    answers = new Map();
    calls = [];
    held = [];
    refreshCalls = 0;
    refresh = () => ({ outcome: 'rejected', error: 'invalid_grant' });
    databaseUrl = await freshTestDatabaseUrl();
    one = instance(await openShared());
  });

  afterEach(async () => {
    for (const database of databases.reverse()) await database.close();
  });

  const connectKey = async (apiKey: string, app = 'stripe') => {
    const created = await one.service.create(session, {
      app,
      method: 'api_key',
      fields: { apiKey },
    });
    await one.scheduler.runOnce(); // schedules its first check (in five minutes at random() = 0.5)
    return created.id;
  };

  const connectOAuth = async (accessToken: string, expiresAt: number) => {
    const result = await one.service.connectOAuth(
      session,
      one.catalog.find('slack'),
      { accessToken, refreshToken: 'refresh-1', expiresAt, scopes: ['contacts.read'] },
      { id: `acct-${accessToken}`, label: `${accessToken}@example.com`, email: null, name: null },
      null,
    );
    assert.equal(result.outcome, 'connected');
    await one.scheduler.runOnce();
    return result.outcome === 'connected' ? result.connection.id : '';
  };

  const runAt = async (at: number, scheduler = one.scheduler) => {
    clock = at;
    return scheduler.runOnce();
  };

  const statusOf = async (id: string) => (await one.service.get(session, id)).status;
  const eventTypes = async (log: ConnectionEventLog = one.events) =>
    (await log.since('u1', 0)).map((event) => event.type);

  it('checks each connection once per interval, first within minutes and spread out', async () => {
    const id = await connectKey('demo-key-111');
    calls = [];
    assert.equal(await runAt(T0), 0, 'a new connection is not checked at once');
    assert.equal(await runAt(T0 + 5 * MINUTE - 1), 0);
    // random() = 0.5: halfway through firstCheckWithinMs, then every interval (no jitter at 0.5).
    assert.equal(await runAt(T0 + 5 * MINUTE), 1);
    assert.equal(await runAt(T0 + 5 * MINUTE + 1), 0, 'checked twice in a row');
    assert.equal(await runAt(T0 + 65 * MINUTE - 1), 0);
    assert.equal(await runAt(T0 + 65 * MINUTE), 1);
    assert.deepEqual(calls, ['demo-key-111', 'demo-key-111']);
    assert.equal(await statusOf(id), 'connected');
    assert.deepEqual(await eventTypes(), ['connection.created'], 'a passing check is no news');
  });

  it('moves each wait by the jitter, so connections checked together drift apart', async () => {
    await connectKey('demo-key-111');
    const randoms = [1.0, 0.0];
    const jittered = new CheckScheduler({
      checks: one.checks,
      connections: one.service,
      settings: SETTINGS,
      logger: createLogger(null),
      now,
      random: () => randoms.shift() ?? 0.5,
    });
    assert.equal(await runAt(T0 + 5 * MINUTE, jittered), 1);
    // interval × (1 + 0.1 × (2 × 1.0 − 1)) = 66 minutes later.
    assert.equal(await runAt(T0 + 71 * MINUTE - 1, jittered), 0);
    assert.equal(await runAt(T0 + 71 * MINUTE, jittered), 1);
    // interval × (1 + 0.1 × (2 × 0.0 − 1)) = 54 minutes later.
    assert.equal(await runAt(T0 + 125 * MINUTE - 1, jittered), 0);
    assert.equal(await runAt(T0 + 125 * MINUTE, jittered), 1);
  });

  it('retries a timeout, 5xx or 429 with exponential backoff and leaves the status alone', async () => {
    const id = await connectKey('demo-key-111');
    answers.set('demo-key-111', { outcome: 'unreachable', detail: 'The service answered 503.' });
    const before = await one.service.get(session, id);
    let due = T0 + 5 * MINUTE;
    for (const backoff of [30_000, 60_000, 120_000, 240_000]) {
      assert.equal(await runAt(due), 1);
      assert.equal(await runAt(due + backoff - 1), 0, `retried before ${backoff} ms`);
      due += backoff;
    }
    const after = await one.service.get(session, id);
    assert.equal(after.status, 'connected', 'the status flapped');
    assert.deepEqual(after.lastError, before.lastError);
    assert.deepEqual(await eventTypes(), ['connection.created']);

    // The service answers again: the backoff ends, the next check is an interval away.
    answers.delete('demo-key-111');
    assert.equal(await runAt(due), 1);
    assert.equal(await runAt(due + 60 * MINUTE - 1), 0);
    assert.equal(await runAt(due + 60 * MINUTE), 1);
  });

  it('caps the backoff at the interval', async () => {
    await connectKey('demo-key-111');
    answers.set('demo-key-111', { outcome: 'unreachable', detail: 'The service answered 429.' });
    let due = T0 + 5 * MINUTE;
    for (let failure = 1; failure <= 10; failure += 1) {
      assert.equal(await runAt(due), 1);
      due += Math.min(30_000 * 2 ** (failure - 1), 60 * MINUTE);
    }
    assert.equal(await runAt(due - 1), 0);
    assert.equal(await runAt(due), 1);
  });

  it('turns a revoked OAuth grant needs_reauth once, and records the recovery', async () => {
    const id = await connectOAuth('token-a', T0 + 24 * 60 * MINUTE);
    answers.set('token-a', { outcome: 'rejected' });
    await runAt(T0 + 5 * MINUTE);
    assert.equal(refreshCalls, 1, 'a rejected token is refreshed once before giving up');
    assert.equal(await statusOf(id), 'needs_reauth');
    await runAt(T0 + 65 * MINUTE);
    await runAt(T0 + 125 * MINUTE);
    assert.equal(await statusOf(id), 'needs_reauth');
    assert.deepEqual(await eventTypes(), ['connection.created', 'connection.needs_reauth']);

    answers.delete('token-a');
    await runAt(T0 + 185 * MINUTE);
    assert.equal(await statusOf(id), 'connected');
    const events = await one.events.since('u1', 0);
    assert.deepEqual(
      events.map((event) => event.type),
      ['connection.created', 'connection.needs_reauth', 'connection.recovered'],
    );
    assert.deepEqual(events[2]!.detail.previousStatus, 'needs_reauth');
  });

  it('turns a refused API key into an error once (the Test wording), not on a timeout', async () => {
    const id = await connectKey('demo-key-111');
    answers.set('demo-key-111', { outcome: 'unreachable', detail: 'timeout' });
    await runAt(T0 + 5 * MINUTE);
    assert.equal(await statusOf(id), 'connected');
    answers.set('demo-key-111', { outcome: 'rejected' });
    await runAt(T0 + 5 * MINUTE + 30_000);
    const failed = await one.service.get(session, id);
    assert.equal(failed.status, 'error');
    assert.equal(failed.lastError?.code, 'credentials_rejected');
    await runAt(T0 + 65 * MINUTE + 30_000);
    assert.deepEqual(await eventTypes(), ['connection.created', 'connection.test_failed']);
  });

  it('refreshes an OAuth token ahead of its expiry', async () => {
    refresh = (tokens) => ({
      outcome: 'ok',
      tokens: { ...tokens, accessToken: 'token-b', expiresAt: clock + 60 * MINUTE },
    });
    const id = await connectOAuth('token-a', T0 + 60 * MINUTE);
    await runAt(T0 + 5 * MINUTE);
    assert.equal(refreshCalls, 0, 'refreshed 55 minutes before expiry');
    // Due again five minutes before the token expires, sooner than the interval.
    assert.equal(await runAt(T0 + 55 * MINUTE - 1), 0);
    assert.equal(await runAt(T0 + 55 * MINUTE), 1);
    assert.equal(refreshCalls, 1);
    assert.deepEqual(calls, ['token-a', 'token-b']);
    const record = await one.repository.find('u1', id);
    const stored = record && one.repository.openCredentials(record);
    assert.equal(stored?.kind === 'oauth' ? stored.tokens.expiresAt : 0, T0 + 115 * MINUTE);
    assert.equal(await runAt(T0 + 110 * MINUTE), 1, 'the next refresh is ahead of the new expiry');
    assert.equal(refreshCalls, 2);
    assert.equal(await statusOf(id), 'connected');
  });

  it('derives degraded and down from the share of service failures; an override wins', async () => {
    for (const key of ['demo-key-111', 'demo-key-222', 'demo-key-333', 'demo-key-444']) {
      await connectKey(key);
    }
    const settings = { perAppConcurrency: 10 };
    const scheduler = instance(databases[0]!, settings).scheduler;
    const healthNow = async () => {
      // A fresh instance reads the health at once (instances cache it for two seconds).
      const fresh = instance(databases[0]!);
      await fresh.catalog.refreshHealth();
      return fresh.catalog.find('stripe').health;
    };
    assert.equal(await runAt(T0 + 5 * MINUTE, scheduler), 4);
    assert.deepEqual(await healthNow(), { status: 'operational' });

    // A refused key is the user's problem, not the service's.
    answers.set('demo-key-111', { outcome: 'rejected' });
    answers.set('demo-key-222', { outcome: 'unreachable', detail: 'The service answered 502.' });
    assert.equal(await runAt(T0 + 65 * MINUTE, scheduler), 4);
    const degraded = await healthNow();
    assert.equal(degraded.status, 'degraded', '1 of 4 failing by the service: degraded');
    assert.match(degraded.message ?? '', /Stripe is failing some requests/);

    for (const key of ['demo-key-333', 'demo-key-444']) {
      answers.set(key, { outcome: 'unreachable', detail: 'The service did not answer in time.' });
    }
    assert.equal(await runAt(T0 + 125 * MINUTE, scheduler), 4);
    const down = await healthNow();
    assert.equal(down.status, 'down', '3 of 4 failing by the service: down');
    assert.match(down.message ?? '', /not answering/);

    await one.catalog.setHealth('stripe', { status: 'operational', message: 'We are on it.' });
    assert.deepEqual(await healthNow(), { status: 'operational', message: 'We are on it.' });

    // Without an override, checks older than the window stop counting.
    await databases[0]!.db.deleteFrom('app_health').execute();
    clock = T0 + 125 * MINUTE + HEALTH.windowMs + 1;
    assert.deepEqual((await healthNow()).status, 'operational');
  });

  it('needs a few connections before it calls a service unhealthy', async () => {
    await connectKey('demo-key-111');
    answers.set('demo-key-111', { outcome: 'unreachable', detail: 'The service answered 500.' });
    await runAt(T0 + 5 * MINUTE);
    assert.deepEqual(await one.derived.read(), new Map());
  });

  it('lets one instance run each check when two share the database', async () => {
    const ids: string[] = [];
    for (let index = 1; index <= 6; index += 1) ids.push(await connectKey(`demo-key-00${index}`));
    const two = instance(await secondDatabase(), { perAppConcurrency: 10 });
    const first = instance(databases[0]!, { perAppConcurrency: 10 });
    calls = [];
    clock = T0 + 5 * MINUTE;
    const [ranByFirst, ranBySecond] = await Promise.all([
      first.scheduler.runOnce(),
      two.scheduler.runOnce(),
    ]);
    assert.equal(ranByFirst + ranBySecond, 6);
    assert.deepEqual(
      [...calls].sort(),
      ids.map((_, index) => `demo-key-00${index + 1}`),
      'a connection was checked twice, or not at all',
    );
  });

  it('takes over a check whose instance died holding its lease', async () => {
    const id = await connectKey('demo-key-111');
    const due = T0 + 5 * MINUTE;
    const claimed = await one.checks.claim([id], 'chk_dead', due, due + SETTINGS.leaseMs);
    assert.equal(claimed.length, 1);
    calls = [];
    assert.equal(await runAt(due + SETTINGS.leaseMs - 1), 0, 'a live lease was taken');
    assert.equal(await runAt(due + SETTINGS.leaseMs + 1), 1);
    assert.deepEqual(calls, ['demo-key-111']);
  });

  it('runs at most perAppConcurrency checks of one service, across instances', async () => {
    for (let index = 1; index <= 5; index += 1) await connectKey(`demo-key-00${index}`);
    for (let index = 1; index <= 5; index += 1) answers.set(`demo-key-00${index}`, 'hold');
    const two = instance(await secondDatabase());
    calls = [];
    clock = T0 + 10 * MINUTE;
    const firstTick = one.scheduler.runOnce();
    while (calls.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    // Meanwhile a connection of another service falls due.
    await one.service.create(session, {
      app: 'mailchimp',
      method: 'api_key',
      fields: { apiKey: 'demo-key-999' },
    });
    await one.checks.addMissing(() => clock);
    // Two Stripe checks hold their leases: the other instance may run only the other service's.
    assert.equal(await two.scheduler.runOnce(), 1);
    assert.ok(calls.includes('demo-key-999'), 'the other service was not checked');
    assert.equal(calls.filter((call) => call.startsWith('demo-key-00')).length, 2);
    for (const release of held) release();
    assert.equal(await firstTick, 2);
  });

  it('drops the check of a deleted connection', async () => {
    const id = await connectKey('demo-key-111');
    await runAt(T0);
    await one.service.remove(session, id);
    calls = [];
    assert.equal(await runAt(T0 + 5 * MINUTE), 1);
    assert.deepEqual(calls, []);
    assert.equal(
      (await databases[0]!.db.selectFrom('connection_checks').selectAll().execute()).length,
      0,
    );
  });
});
