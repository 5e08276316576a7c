// Deletes rows nobody can use any more: sessions a day past expiry (their origins no longer get
// CORS answers either), finished or abandoned OAuth flows, and idempotency keys past retention.
import type { Db } from './open-database.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneCounts {
  sessions: number;
  flows: number;
  idempotencyKeys: number;
}

export function pruneExpired(db: Db, now: number): PruneCounts {
  const cutoff = now - DAY_MS;
  return db.transaction(() => ({
    sessions: db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(cutoff).changes,
    flows: db.prepare('DELETE FROM oauth_flows WHERE expires_at < ?').run(cutoff).changes,
    idempotencyKeys: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff)
      .changes,
  }))();
}
