// The test outcomes that need a misbehaving provider: a refused refresh, a missing refresh
// token, a revoked key and an outage. The happy paths run against the real demo provider in
// routes/*.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { CatalogService } from '../catalog/catalog-service.js';
import { createSecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/open-database.js';
import type {
  ProviderClient,
  RevokeResult,
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
  id: 'demo-user',
  label: 'demo@example.com',
  email: 'demo@example.com',
  name: 'Demo User',
};

describe('ConnectionService.test', () => {
  let whoAmI: WhoAmIResult;
  let refresh: TokenResult;
  let refreshCalls: number;
  let revoke: () => Promise<RevokeResult>;
  let service: ConnectionService;
  let catalog: CatalogService;
  let database: Database;

  beforeEach(async () => {
    refreshCalls = 0;
    revoke = async () => ({ outcome: 'revoked' });
    whoAmI = { outcome: 'ok', identity };
    refresh = { outcome: 'rejected', error: 'invalid_grant' };
    database = await openTestDatabase();
    const { db, notifications } = database;
    catalog = new CatalogService(demoCatalog, db, notifications, 'http://127.0.0.1:1', Date.now);
    const provider = {
      revoke: async () => revoke(),
      whoAmI: async () => whoAmI,
      refresh: async () => {
        refreshCalls += 1;
        return refresh;
      },
    } as unknown as ProviderClient;
    const repository = new ConnectionRepository(db, createSecretBox([randomBytes(32)]));
    ({ service } = connectionServiceOver({ database, catalog, repository, provider }));
  });

  afterEach(() => database.close());

  const connectSlack = async (refreshToken: string | null) => {
    const tokens = {
      accessToken: 'a1',
      refreshToken,
      expiresAt: Date.now() - 1000,
      scopes: ['openid', 'contacts.read'],
    };
    const result = await service.connectOAuth(
      session,
      catalog.find('slack'),
      tokens,
      identity,
      null,
    );
    assert.equal(result.outcome, 'connected');
    return result.outcome === 'connected' ? result.connection.id : '';
  };

  it('marks an OAuth connection needs_reauth when the refresh is refused', async () => {
    const id = await connectSlack('r1');
    const result = await service.test(session, id, 'req_test');
    assert.equal(refreshCalls, 1);
    assert.equal(result.ok, false);
    assert.equal(result.status, 'needs_reauth');
    assert.equal(result.connection.lastError?.code, 'needs_reauth');
    assert.equal(result.connection.lastError?.requestId, 'req_test');
    assert.match(result.message, /sign in again/);
  });

  it('marks it needs_reauth without calling the provider when there is no refresh token', async () => {
    const id = await connectSlack(null);
    const result = await service.test(session, id, 'req_test');
    assert.equal(refreshCalls, 0);
    assert.equal(result.status, 'needs_reauth');
  });

  it('refreshes and retries once when the service rejects a token that looked valid', async () => {
    const tokens = {
      accessToken: 'a1',
      refreshToken: 'r1',
      expiresAt: Date.now() + 60_000,
      scopes: ['contacts.read'],
    };
    const connected = await service.connectOAuth(
      session,
      catalog.find('slack'),
      tokens,
      identity,
      null,
    );
    assert.equal(connected.outcome, 'connected');
    whoAmI = { outcome: 'rejected' };
    refresh = {
      outcome: 'ok',
      tokens: { ...tokens, accessToken: 'a2', refreshToken: null, scopes: [] },
    };
    const id = connected.outcome === 'connected' ? connected.connection.id : '';
    const result = await service.test(session, id, 'req_test');
    assert.equal(refreshCalls, 1);
    // Still rejected after a successful refresh: the grant is gone.
    assert.equal(result.status, 'needs_reauth');
  });

  it('reports a revoked key as an error, and an outage without blaming the credentials', async () => {
    const created = await service.create(session, {
      app: 'stripe',
      method: 'api_key',
      fields: { apiKey: 'demo-key-123' },
    });
    whoAmI = { outcome: 'rejected' };
    const rejected = await service.test(session, created.id, 'req_rejected');
    assert.equal(rejected.status, 'error');
    assert.deepEqual(rejected.connection.lastError, {
      code: 'credentials_rejected',
      message: rejected.message,
      requestId: 'req_rejected',
    });

    whoAmI = { outcome: 'unreachable', detail: 'The service did not answer in time.' };
    const unreachable = await service.test(session, created.id, 'req_unreachable');
    assert.equal(unreachable.connection.lastError?.code, 'provider_error');
    assert.equal(unreachable.connection.lastError?.requestId, 'req_unreachable');

    await catalog.setHealth('stripe', {
      status: 'down',
      message: 'Stripe is down for maintenance.',
    });
    const down = await service.test(session, created.id, 'req_down');
    assert.equal(down.ok, false);
    assert.equal(down.message, 'Stripe is down for maintenance.');
    assert.equal(down.connection.lastError?.code, 'provider_unavailable');
    assert.equal(down.connection.lastError?.requestId, 'req_down');

    await catalog.setHealth('stripe', { status: 'operational' });
    whoAmI = { outcome: 'ok', identity };
    const back = await service.test(session, created.id, 'req_test');
    assert.equal(back.ok, true);
    assert.equal(back.connection.lastError, null);
  });

  it('removes the connection even when the service does not confirm the revocation', async () => {
    const failed = await connectSlack('r1');
    revoke = async () => ({ outcome: 'failed', detail: 'The service answered 500.' });
    const answer = await service.remove(session, failed);
    assert.equal(answer.revocation, 'failed');
    assert.match(answer.message ?? '', /Slack did not confirm .* remove the access in your Slack/);
    await assert.rejects(service.get(session, failed), { status: 404 });
  });

  it('removes the connection when the revocation cannot even be sent', async () => {
    const id = await connectSlack('r1');
    revoke = async () => {
      throw new Error('socket hang up');
    };
    assert.equal((await service.remove(session, id)).revocation, 'failed');
    await assert.rejects(service.get(session, id), { status: 404 });
  });
});
