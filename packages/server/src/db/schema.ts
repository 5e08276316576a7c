// The tables as Kysely sees them (both dialects). Times are epoch milliseconds (BIGINT, read back as
// numbers) except the connection's wire timestamps, which are ISO strings; lists and objects are
// JSON text.
import type { Generated, Kysely, Transaction } from 'kysely';

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  allowed_origins: string;
  allowed_apps: string | null;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
}

/** One row per origin a session allows: CORS finds an origin by index, not by reading sessions. */
export interface SessionOriginsTable {
  origin: string;
  session_id: string;
  expires_at: number;
}

export interface ConnectionsTable {
  id: string;
  user_id: string;
  app: string;
  method: string;
  label: string;
  status: string;
  account_id: string;
  credentials: string;
  credential_hint: string | null;
  granted_scopes: string;
  missing_scopes: string;
  last_tested_at: string | null;
  last_error: string | null;
  hook_id: string | null;
  last_event_at: string | null;
  /** JSON ConnectionSettings: the setup choices, options with their labels. */
  settings: string | null;
  /** JSON FieldValues: the credential fields that are not secret (never a secret). */
  public_fields: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write after the insert: writers compare it (optimistic concurrency). */
  version: number;
  /** Who holds the token-refresh lease, and until when (one refresh per connection at a time). */
  refresh_owner: string | null;
  refresh_until: number | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** HMAC-SHA-256 of the canonical request body under the server's key. */
  request_hmac: string;
  state: 'in_progress' | 'done' | 'failed';
  /** The request that holds an in-progress key; its lease is renewed while it works. */
  owner: string;
  lease_until: number;
  status: number | null;
  answer: string | null;
  created_at: number;
}

export interface OAuthFlowsTable {
  id: string;
  state_hash: string;
  session_id: string;
  user_id: string;
  app: string;
  connection_id: string | null;
  mode: string;
  opener_origin: string;
  return_url: string | null;
  code_verifier: string;
  status: string;
  error: string | null;
  result_connection_id: string | null;
  state_used_at: number | null;
  browser_binding_hash: string | null;
  expires_at: number;
  created_at: number;
}

export interface AppHealthTable {
  app: string;
  status: string;
  message: string | null;
  updated_at: number;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
  expires_at: number;
}

export interface LongPollsTable {
  id: string;
  session_id: string;
  expires_at: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  connection_id: string;
  received_at: number;
}

export interface ConnectionEventsTable {
  /** Generated: monotonic, never reused (see migration 005). */
  id: Generated<number>;
  type: string;
  user_id: string;
  app: string;
  connection_id: string;
  at: number;
  /** JSON: the event's small detail, never a secret. */
  detail: string;
}

export interface ConnectionChecksTable {
  connection_id: string;
  user_id: string;
  app: string;
  next_check_at: number;
  /** Service failures in a row (timeouts, 5xx, 429): how far the retry is backed off. */
  failures: Generated<number>;
  /** The instance's check that holds the lease, and until when. */
  owner: string | null;
  lease_until: number | null;
  last_checked_at: number | null;
  last_outcome: 'ok' | 'auth_failed' | 'service_failed' | null;
}

export type HostWebhookStatus = 'pending' | 'delivered' | 'failed';

export interface HostWebhookDeliveriesTable {
  /** The Standard Webhooks message id (`webhook-id`), the same on every attempt. */
  id: string;
  /** The connection event announced. */
  event_id: number;
  type: string;
  /** The exact JSON body sent (and signed) on every attempt. */
  payload: string;
  status: HostWebhookStatus;
  attempts: Generated<number>;
  /** When to try next (pending only). */
  next_attempt_at: number | null;
  owner: string | null;
  lease_until: number | null;
  created_at: number;
  delivered_at: number | null;
}

export interface HostWebhookAttemptsTable {
  delivery_id: string;
  /** 1 for the first attempt. */
  attempt: number;
  at: number;
  /** The host's HTTP status; null when no answer came (refused, timed out). */
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface ConnectLinksTable {
  id: string;
  user_id: string;
  app: string | null;
  /** Set for a reconnect link: the connection to re-authorize. */
  connection_id: string | null;
  /** JSON list: the host's origins (the return URL is on one). */
  allowed_origins: string;
  return_url: string;
  expires_at: number;
  opened_at: number | null;
  /** SHA-256 of the cookie of the browser that opened it first. */
  browser_binding_hash: string | null;
  completed_at: number | null;
  created_at: number;
}

export interface Tables {
  sessions: SessionsTable;
  session_origins: SessionOriginsTable;
  connections: ConnectionsTable;
  idempotency_keys: IdempotencyKeysTable;
  oauth_flows: OAuthFlowsTable;
  app_health: AppHealthTable;
  rate_limits: RateLimitsTable;
  long_polls: LongPollsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  connection_events: ConnectionEventsTable;
  connection_checks: ConnectionChecksTable;
  host_webhook_deliveries: HostWebhookDeliveriesTable;
  host_webhook_attempts: HostWebhookAttemptsTable;
  connect_links: ConnectLinksTable;
}

export type Db = Kysely<Tables>;
/** The database or an open transaction: repositories accept either. */
export type Queryable = Kysely<Tables> | Transaction<Tables>;
