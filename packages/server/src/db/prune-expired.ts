// Deletes rows nobody can use any more: sessions a day past expiry (their origins no longer get
// CORS answers either), OAuth flows a quarter of an hour past expiry (long enough for a widget to
// read "expired"), idempotency keys past retention, and spent rate-limit windows and long-poll
// slots, connection events older than a week (a reader that far behind starts from the newest),
// connect links a day past expiry, and host webhooks a month after they ended.
// Every instance runs it each minute; deletes are idempotent.
import type { Transaction } from 'kysely';
import type { Db, Tables } from './schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const FLOW_RETENTION_MS = 15 * 60 * 1000;
const EVENT_RETENTION_MS = 7 * DAY_MS;
const HOST_WEBHOOK_RETENTION_MS = 30 * DAY_MS;

export interface PruneCounts {
  sessions: number;
  sessionOrigins: number;
  flows: number;
  idempotencyKeys: number;
  rateLimits: number;
  longPolls: number;
  connectionEvents: number;
  connectLinks: number;
  hostWebhooks: number;
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
    connectLinks: count(
      await trx.deleteFrom('connect_links').where('expires_at', '<', cutoff).executeTakeFirst(),
    ),
    hostWebhooks: await pruneHostWebhooks(trx, now - HOST_WEBHOOK_RETENTION_MS),
  }));
}

/** Deliveries that ended (delivered or failed) before `before`, with their attempts. */
async function pruneHostWebhooks(trx: Transaction<Tables>, before: number): Promise<number> {
  const ended = trx
    .selectFrom('host_webhook_deliveries')
    .select('id')
    .where('status', '!=', 'pending')
    .where('created_at', '<', before);
  await trx.deleteFrom('host_webhook_attempts').where('delivery_id', 'in', ended).execute();
  const result = await trx
    .deleteFrom('host_webhook_deliveries')
    .where('status', '!=', 'pending')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
