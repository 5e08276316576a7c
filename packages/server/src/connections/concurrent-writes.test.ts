// Issue 14, finding 4: writes after a create never re-insert a row, concurrent writers do not lose
// each other's updates, and an OAuth token refresh runs once per connection at a time, also across
// instances (two services over one database stand for two instances here).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { CatalogService } from '../catalog/catalog-service.js';
import { createSecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/open-database.js';
import type {
  ProviderClient,
  ProviderCredential,
  TokenResult,
  WhoAmIResult,
} from '../provider/provider-client.js';
import type { SessionRecord } from '../sessions/session-record.js';
import { connectionServiceOver } from '../test-support/connection-service-over.js';
import { openTestDatabase } from '../test-support/test-database.js';
import { ConnectionRepository } from './connection-repository.js';
import type { ConnectionService } from './connection-service.js';

const session: SessionRecord = {
  id: 'ses_1',
  userId: 'u1',
  allowedOrigins: ['http://localhost:5173'],
  allowedApps: null,
  expiresAt: Date.now() + 60_000,
};
const identity = {
  id: 'acct-1',
  email: 'demo@example.com',
  name: 'Demo User',
  label: 'demo@example.com',
};

/** A promise the test resolves when it wants the provider to answer. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('concurrent writes to one connection', () => {
  let database: Database;
  let repository: ConnectionRepository;
  let catalog: CatalogService;
  /** The next whoAmI call waits on this gate (then it is cleared). */
  let holdWhoAmI: ReturnType<typeof gate> | undefined;
  let whoAmIStarted: () => void;
  let refreshGate: ReturnType<typeof gate> | undefined;
  let refreshCalls: number;
  const seen: ProviderCredential[] = [];

  const provider = {
    whoAmI: async (credential: ProviderCredential): Promise<WhoAmIResult> => {
      seen.push(credential);
      const held = holdWhoAmI;
      holdWhoAmI = undefined;
      if (held) {
        whoAmIStarted();
        await held.opened;
      }
      return { outcome: 'ok', identity };
    },
    refresh: async (): Promise<TokenResult> => {
      refreshCalls += 1;
      await refreshGate?.opened;
      return {
        outcome: 'ok',
        tokens: {
          accessToken: `fresh-${refreshCalls}`,
          refreshToken: `rotated-${refreshCalls}`,
          expiresAt: Date.now() + 3_600_000,
          scopes: ['contacts.read'],
        },
      };
    },
  } as unknown as ProviderClient;

  /** One server instance over the shared database. */
  const instance = () => connectionServiceOver({ database, catalog, repository, provider }).service;

  beforeEach(async () => {
    holdWhoAmI = undefined;
    refreshGate = undefined;
    refreshCalls = 0;
    seen.length = 0;
    database = await openTestDatabase();
    catalog = new CatalogService(
      demoCatalog,
      database.db,
      database.notifications,
      'http://127.0.0.1:1',
      Date.now,
    );
    repository = new ConnectionRepository(database.db, createSecretBox([randomBytes(32)]));
  });
  afterEach(() => database.close());

  const storedCredentials = async (id: string) => {
    const record = await repository.find(session.userId, id);
    return record && repository.openCredentials(record);
  };

  /** Starts a Test whose "who am I" call waits; resolves once the call is under way. */
  const startHeldTest = async (service: ConnectionService, id: string) => {
    holdWhoAmI = gate();
    const held = holdWhoAmI;
    const started = new Promise<void>((resolve) => (whoAmIStarted = resolve));
    const result = service.test(session, id, 'req_test').then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await started;
    return { result, finish: held.open };
  };

  const createStripe = (service: ConnectionService) =>
    service.create(session, {
      app: 'stripe',
      method: 'api_key',
      fields: { apiKey: 'demo-key-111' },
    });

  it('a Test that ends after a Disconnect does not bring the connection back', async () => {
    const service = instance();
    const created = await createStripe(service);
    const test = await startHeldTest(service, created.id);
    await service.remove(session, created.id);
    test.finish();
    const outcome = await test.result;
    assert.equal(await repository.find(session.userId, created.id), null, 'the row came back');
    assert.ok('error' in outcome, 'the late Test reports the connection as gone');
  });

  it('a Test that ends after a credential update does not write the old key back', async () => {
    const service = instance();
    const created = await createStripe(service);
    const test = await startHeldTest(service, created.id);
    await service.update(session, created.id, { fields: { apiKey: 'demo-key-222' } });
    test.finish();
    await test.result;
    const stored = await storedCredentials(created.id);
    assert.equal(stored?.kind === 'fields' ? stored.values.apiKey : null, 'demo-key-222');
  });

  it('a Test that ends after a rename keeps the new label', async () => {
    const service = instance();
    const created = await createStripe(service);
    const test = await startHeldTest(service, created.id);
    await service.update(session, created.id, { label: 'Billing' });
    test.finish();
    await test.result;
    assert.equal((await service.get(session, created.id)).label, 'Billing');
  });

  it('makes one connection when two instances create the same account at once', async () => {
    const [first, second] = [instance(), instance()];
    const request = {
      app: 'stripe',
      method: 'api_key' as const,
      fields: { apiKey: 'demo-key-111' },
    };
    // Both pass the duplicate check before either inserts; the unique index decides.
    const [commitFirst, commitSecond] = await Promise.all([
      first.prepareCreate(session, request),
      second.prepareCreate(session, request),
    ]);
    const outcomes = await Promise.allSettled([
      commitFirst(database.db),
      commitSecond(database.db),
    ]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    assert.equal((refused?.reason as { code?: string }).code, 'duplicate_account');
    assert.equal((await first.list(session)).length, 1);
  });

  it('refreshes an expired OAuth token once when two instances test it at the same time', async () => {
    const [first, second] = [instance(), instance()];
    const connected = await first.connectOAuth(
      session,
      catalog.find('slack'),
      {
        accessToken: 'expired',
        refreshToken: 'r1',
        expiresAt: Date.now() - 1000,
        scopes: ['contacts.read'],
      },
      identity,
      null,
    );
    assert.equal(connected.outcome, 'connected');
    const id = connected.outcome === 'connected' ? connected.connection.id : '';
    refreshGate = gate();
    const both = Promise.all([
      first.test(session, id, 'req_first'),
      second.test(session, id, 'req_second'),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    refreshGate.open();
    const results = await both;
    assert.equal(refreshCalls, 1, 'a rotating refresh token was used twice');
    assert.deepEqual(
      results.map((result) => result.ok),
      [true, true],
    );
    const stored = await storedCredentials(id);
    assert.equal(stored?.kind === 'oauth' ? stored.tokens.refreshToken : null, 'rotated-1');
  });
});
