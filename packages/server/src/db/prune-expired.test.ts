import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IN_MEMORY, openDatabase } from './open-database.js';
import { pruneExpired } from './prune-expired.js';

describe('pruneExpired', () => {
  it('deletes only rows more than a day past their end', () => {
    const db = openDatabase(IN_MEMORY);
    const now = Date.parse('2026-06-01T12:00:00Z');
    const day = 24 * 60 * 60 * 1000;
    const addSession = db.prepare(
      `INSERT INTO sessions (id, token_hash, user_id, allowed_origins, expires_at, created_at)
       VALUES (?, ?, 'u', '[]', ?, 0)`,
    );
    addSession.run('old', 'h1', now - day - 1);
    addSession.run('recent', 'h2', now - day + 1000);
    const addKey = db.prepare(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at)
       VALUES ('u', ?, 'h', 201, '{}', ?)`,
    );
    addKey.run('old-key', now - 2 * day);
    addKey.run('new-key', now);
    assert.deepEqual(pruneExpired(db, now), { sessions: 1, flows: 0, idempotencyKeys: 1 });
    assert.deepEqual(db.prepare('SELECT id FROM sessions').pluck().all(), ['recent']);
    assert.deepEqual(db.prepare('SELECT key FROM idempotency_keys').pluck().all(), ['new-key']);
    db.close();
  });
});
