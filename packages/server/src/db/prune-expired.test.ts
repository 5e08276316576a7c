import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestDatabase } from '../test-support/test-database.js';
import { pruneExpired } from './prune-expired.js';

describe('pruneExpired', () => {
  it('deletes only rows more than a day past their end', async () => {
    const { db, close } = await openTestDatabase();
    try {
      const now = Date.parse('2026-06-01T12:00:00Z');
      const day = 24 * 60 * 60 * 1000;
      const session = (id: string, expiresAt: number) => ({
        id,
        token_hash: `h-${id}`,
        user_id: 'u',
        allowed_origins: '[]',
        expires_at: expiresAt,
        created_at: 0,
      });
      await db
        .insertInto('sessions')
        .values([session('old', now - day - 1), session('recent', now - day + 1000)])
        .execute();
      const key = (name: string, createdAt: number) => ({
        user_id: 'u',
        key: name,
        request_hmac: 'h',
        state: 'done' as const,
        owner: 'o',
        lease_until: createdAt,
        status: 201,
        answer: '{}',
        created_at: createdAt,
      });
      await db
        .insertInto('idempotency_keys')
        .values([key('old-key', now - 2 * day), key('new-key', now)])
        .execute();
      await db
        .insertInto('rate_limits')
        .values([
          { key: 'spent', window_start: now - 120_000, count: 3, expires_at: now - 60_000 },
          { key: 'current', window_start: now, count: 1, expires_at: now + 60_000 },
        ])
        .execute();
      const event = (connectionId: string, at: number) => ({
        type: 'connection.updated',
        user_id: 'u',
        app: 'stripe',
        connection_id: connectionId,
        at,
        detail: '{}',
      });
      await db
        .insertInto('connection_events')
        .values([event('con_week_old', now - 7 * day - 1), event('con_recent', now - 6 * day)])
        .execute();
      assert.deepEqual(await pruneExpired(db, now), {
        sessions: 1,
        sessionOrigins: 0,
        flows: 0,
        idempotencyKeys: 1,
        rateLimits: 1,
        longPolls: 0,
        connectionEvents: 1,
        connectLinks: 0,
        hostWebhooks: 0,
      });
      const ids = await db.selectFrom('sessions').select('id').execute();
      assert.deepEqual(
        ids.map((row) => row.id),
        ['recent'],
      );
      const keys = await db.selectFrom('idempotency_keys').select('key').execute();
      assert.deepEqual(
        keys.map((row) => row.key),
        ['new-key'],
      );
    } finally {
      await close();
    }
  });

  it('deletes OAuth flows soon after they expire (finding 7), not a day later', async () => {
    const { db, close } = await openTestDatabase();
    try {
      const now = Date.parse('2026-06-01T12:00:00Z');
      const flow = (id: string, expiresAt: number) => ({
        id,
        state_hash: `s-${id}`,
        session_id: 'ses',
        user_id: 'u',
        app: 'slack',
        connection_id: null,
        mode: 'popup',
        opener_origin: 'https://app.example.com',
        return_url: null,
        code_verifier: 'sealed',
        status: 'pending',
        error: null,
        result_connection_id: null,
        state_used_at: null,
        expires_at: expiresAt,
        created_at: expiresAt - 600_000,
      });
      await db
        .insertInto('oauth_flows')
        .values([flow('expired-an-hour-ago', now - 3_600_000), flow('running', now + 60_000)])
        .execute();
      const counts = await pruneExpired(db, now);
      assert.equal(counts.flows, 1);
      const left = await db.selectFrom('oauth_flows').select('id').execute();
      assert.deepEqual(
        left.map((row) => row.id),
        ['running'],
      );
    } finally {
      await close();
    }
  });
});
