// Schema migrations for SQLite and PostgreSQL alike, written with Kysely's schema builder and run by
// its Migrator at start (under an advisory lock on PostgreSQL, so instances starting together apply
// each migration once). Never edit an applied migration: add the next one.
// 001 and 002 repeat the tables of the earlier hand-written migrator with IF NOT EXISTS, so a
// development database created before Kysely keeps its data.
import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/** Epoch milliseconds need 64 bits (PostgreSQL's integer is 32). */
const EPOCH_MS = 'bigint';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const migrations: Record<string, Migration> = {
  '001_sessions_connections_flows': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sessions')
        .ifNotExists()
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('allowed_origins', 'text', (col) => col.notNull())
        .addColumn('allowed_apps', 'text')
        .addColumn('expires_at', EPOCH_MS, (col) => col.notNull())
        .addColumn('revoked_at', EPOCH_MS)
        .addColumn('created_at', EPOCH_MS, (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('sessions_expires_at')
        .ifNotExists()
        .on('sessions')
        .column('expires_at')
        .execute();
      await db.schema
        .createTable('connections')
        .ifNotExists()
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('app', 'text', (col) => col.notNull())
        .addColumn('method', 'text', (col) => col.notNull())
        .addColumn('label', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('credentials', 'text', (col) => col.notNull())
        .addColumn('credential_hint', 'text')
        .addColumn('granted_scopes', 'text', (col) => col.notNull())
        .addColumn('missing_scopes', 'text', (col) => col.notNull())
        .addColumn('last_tested_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('hook_id', 'text', (col) => col.unique())
        .addColumn('last_event_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('connections_user_app')
        .ifNotExists()
        .on('connections')
        .columns(['user_id', 'app'])
        .execute();
      await db.schema
        .createTable('oauth_flows')
        .ifNotExists()
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('state_hash', 'text', (col) => col.notNull().unique())
        .addColumn('session_id', 'text', (col) => col.notNull())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('app', 'text', (col) => col.notNull())
        .addColumn('connection_id', 'text')
        .addColumn('mode', 'text', (col) => col.notNull())
        .addColumn('opener_origin', 'text', (col) => col.notNull())
        .addColumn('return_url', 'text')
        .addColumn('code_verifier', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('error', 'text')
        .addColumn('result_connection_id', 'text')
        .addColumn('state_used_at', EPOCH_MS)
        .addColumn('expires_at', EPOCH_MS, (col) => col.notNull())
        .addColumn('created_at', EPOCH_MS, (col) => col.notNull())
        .execute();
    },
  },
  '002_app_health': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('app_health')
        .ifNotExists()
        .addColumn('app', 'text', (col) => col.primaryKey())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('message', 'text')
        .addColumn('updated_at', EPOCH_MS, (col) => col.notNull())
        .execute();
    },
  },
  '003_shared_state_for_instances': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('connections')
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('connections').addColumn('refresh_owner', 'text').execute();
      await db.schema.alterTable('connections').addColumn('refresh_until', EPOCH_MS).execute();
      await db.schema
        .createTable('session_origins')
        .addColumn('origin', 'text', (col) => col.notNull())
        .addColumn('session_id', 'text', (col) => col.notNull())
        .addColumn('expires_at', EPOCH_MS, (col) => col.notNull())
        .addPrimaryKeyConstraint('session_origins_pk', ['origin', 'session_id'])
        .execute();
      await db.schema
        .createIndex('session_origins_lookup')
        .on('session_origins')
        .columns(['origin', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('session_origins_session')
        .on('session_origins')
        .column('session_id')
        .execute();
      // One connection per account of a service and user, even when two creates race.
      await db.schema
        .createIndex('connections_account')
        .unique()
        .on('connections')
        .columns(['user_id', 'app', 'account_id'])
        .execute();
      await db.schema
        .createIndex('oauth_flows_user_status')
        .on('oauth_flows')
        .columns(['user_id', 'status'])
        .execute();
      await db.schema
        .createIndex('oauth_flows_expires_at')
        .on('oauth_flows')
        .column('expires_at')
        .execute();

      // Idempotency keys only live a day: the old table (unsalted body hashes) is replaced.
      await db.schema.dropTable('idempotency_keys').ifExists().execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('key', 'text', (col) => col.notNull())
        .addColumn('request_hmac', 'text', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('owner', 'text', (col) => col.notNull())
        .addColumn('lease_until', EPOCH_MS, (col) => col.notNull())
        .addColumn('status', 'integer')
        .addColumn('answer', 'text')
        .addColumn('created_at', EPOCH_MS, (col) => col.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_created_at')
        .on('idempotency_keys')
        .column('created_at')
        .execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (col) => col.notNull())
        .addColumn('window_start', EPOCH_MS, (col) => col.notNull())
        .addColumn('count', 'integer', (col) => col.notNull())
        .addColumn('expires_at', EPOCH_MS, (col) => col.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
        .execute();
      await db.schema
        .createIndex('rate_limits_expires_at')
        .on('rate_limits')
        .column('expires_at')
        .execute();

      await db.schema
        .createTable('long_polls')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('session_id', 'text', (col) => col.notNull())
        .addColumn('expires_at', EPOCH_MS, (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('long_polls_session')
        .on('long_polls')
        .columns(['session_id', 'expires_at'])
        .execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('connection_id', 'text', (col) => col.notNull())
        .addColumn('received_at', EPOCH_MS, (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_connection')
        .on('webhook_deliveries')
        .columns(['connection_id', 'received_at'])
        .execute();
    },
  },
  '004_oauth_flow_browser_binding': {
    async up(db: Kysely<unknown>) {
      // A flow completes only in the browser that opened its start URL (oauth/browser-binding.ts).
      await db.schema.alterTable('oauth_flows').addColumn('browser_binding_hash', 'text').execute();
    },
  },
  '005_connection_events': {
    async up(db: Kysely<unknown>) {
      // The id is the cursor readers resume from (SSE Last-Event-ID): it never goes back and is
      // never reused, even after old rows are pruned (AUTOINCREMENT on SQLite, a sequence on
      // PostgreSQL; events/connection-event-log.ts keeps commit order equal to id order there).
      await db.schema
        .createTable('connection_events')
        .addColumn('id', isPostgres(db) ? 'bigserial' : 'integer', (col) =>
          isPostgres(db) ? col.primaryKey() : col.primaryKey().autoIncrement(),
        )
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('app', 'text', (col) => col.notNull())
        .addColumn('connection_id', 'text', (col) => col.notNull())
        .addColumn('at', EPOCH_MS, (col) => col.notNull())
        .addColumn('detail', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('connection_events_user')
        .on('connection_events')
        .columns(['user_id', 'id'])
        .execute();
      await db.schema
        .createIndex('connection_events_at')
        .on('connection_events')
        .column('at')
        .execute();
    },
  },
  '006_connection_checks': {
    async up(db: Kysely<unknown>) {
      // The background check of each connection (checks/): when it is due, who holds it (a lease,
      // so one instance checks it), and what the last check saw (provider health is derived from
      // it). Apart from `connections`, so checks never bump a connection's version.
      await db.schema
        .createTable('connection_checks')
        .addColumn('connection_id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('app', 'text', (col) => col.notNull())
        .addColumn('next_check_at', EPOCH_MS, (col) => col.notNull())
        .addColumn('failures', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('owner', 'text')
        .addColumn('lease_until', EPOCH_MS)
        .addColumn('last_checked_at', EPOCH_MS)
        .addColumn('last_outcome', 'text')
        .execute();
      await db.schema
        .createIndex('connection_checks_due')
        .on('connection_checks')
        .column('next_check_at')
        .execute();
      await db.schema
        .createIndex('connection_checks_app')
        .on('connection_checks')
        .columns(['app', 'last_checked_at'])
        .execute();
    },
  },
  '007_host_webhook_deliveries': {
    async up(db: Kysely<unknown>) {
      // Signed webhooks to the host backend (host-webhooks/): one row per message, written in the
      // transaction of the change it announces, sent by one instance at a time (a lease), retried
      // on a schedule, and each attempt kept for GET /v1/admin/webhook-deliveries.
      await db.schema
        .createTable('host_webhook_deliveries')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('event_id', EPOCH_MS, (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('payload', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('next_attempt_at', EPOCH_MS)
        .addColumn('owner', 'text')
        .addColumn('lease_until', EPOCH_MS)
        .addColumn('created_at', EPOCH_MS, (col) => col.notNull())
        .addColumn('delivered_at', EPOCH_MS)
        .execute();
      await db.schema
        .createIndex('host_webhook_deliveries_due')
        .on('host_webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('host_webhook_deliveries_created')
        .on('host_webhook_deliveries')
        .columns(['created_at', 'id'])
        .execute();
      await db.schema
        .createTable('host_webhook_attempts')
        .addColumn('delivery_id', 'text', (col) => col.notNull())
        .addColumn('attempt', 'integer', (col) => col.notNull())
        .addColumn('at', EPOCH_MS, (col) => col.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('host_webhook_attempts_pk', ['delivery_id', 'attempt'])
        .execute();
    },
  },
  '008_connect_links': {
    async up(db: Kysely<unknown>) {
      // Connect links (connect-links/): single-use, expiring; the first browser that opens one
      // is bound to it (the hash of a cookie), and it is spent once that browser finishes.
      await db.schema
        .createTable('connect_links')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('app', 'text')
        .addColumn('connection_id', 'text')
        .addColumn('allowed_origins', 'text', (col) => col.notNull())
        .addColumn('return_url', 'text', (col) => col.notNull())
        .addColumn('expires_at', EPOCH_MS, (col) => col.notNull())
        .addColumn('opened_at', EPOCH_MS)
        .addColumn('browser_binding_hash', 'text')
        .addColumn('completed_at', EPOCH_MS)
        .addColumn('created_at', EPOCH_MS, (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('connect_links_expires_at')
        .on('connect_links')
        .column('expires_at')
        .execute();
    },
  },
  '009_connection_settings': {
    async up(db: Kysely<unknown>) {
      // The user's setup choices (with the options' labels) and the non-secret credential fields,
      // both shown without decrypting anything.
      await db.schema.alterTable('connections').addColumn('settings', 'text').execute();
      await db.schema.alterTable('connections').addColumn('public_fields', 'text').execute();
    },
  },
};
