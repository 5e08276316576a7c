// Deletes rows nobody can use any more: sessions a day past expiry (their origins no longer get
// CORS answers either), OAuth flows a quarter of an hour past expiry (long enough for a widget to
// read "expired"), idempotency keys past retention, and spent rate-limit windows and long-poll
// slots, and connection events older than a week (a reader that far behind starts from the newest).
// Every instance runs it each minute; deletes are idempotent.
import type { Db } from './schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const FLOW_RETENTION_MS = 15 * 60 * 1000;
const EVENT_RETENTION_MS = 7 * DAY_MS;

export interface PruneCounts {
  sessions: number;
  sessionOrigins: number;
  flows: number;
  idempotencyKeys: number;
  rateLimits: number;
  longPolls: number;
  connectionEvents: number;
}

export async function pruneExpired(db: Db, now: number): Promise<PruneCounts> {
  const cutoff = now - DAY_MS;
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  return db.transaction().execute(async (trx) => ({
    sessions: count(
      await trx.deleteFrom('sessions').where('expires_at', '<', cutoff).executeTakeFirst(),
    ),
    sessionOrigins: count(
      await trx.deleteFrom('session_origins').where('expires_at', '<', cutoff).executeTakeFirst(),
    ),
    flows: count(
      await trx
        .deleteFrom('oauth_flows')
        .where('expires_at', '<', now - FLOW_RETENTION_MS)
        .executeTakeFirst(),
    ),
    idempotencyKeys: count(
      await trx.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst(),
    ),
    rateLimits: count(
      await trx.deleteFrom('rate_limits').where('expires_at', '<', now).executeTakeFirst(),
    ),
    longPolls: count(
      await trx.deleteFrom('long_polls').where('expires_at', '<', now).executeTakeFirst(),
    ),
    connectionEvents: count(
      await trx
        .deleteFrom('connection_events')
        .where('at', '<', now - EVENT_RETENTION_MS)
        .executeTakeFirst(),
    ),
  }));
}
