// Numbered schema migrations, applied in order once each and recorded in the `migrations` table.
// Never edit an applied migration: add the next number instead.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, connections, idempotency keys and oauth flows',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL,
        allowed_origins TEXT NOT NULL,
        allowed_apps TEXT,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_expires_at ON sessions (expires_at);

      CREATE TABLE connections (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        app TEXT NOT NULL,
        method TEXT NOT NULL,
        label TEXT NOT NULL,
        status TEXT NOT NULL,
        account_id TEXT NOT NULL,
        credentials TEXT NOT NULL,
        credential_hint TEXT,
        granted_scopes TEXT NOT NULL,
        missing_scopes TEXT NOT NULL,
        last_tested_at TEXT,
        last_error TEXT,
        hook_id TEXT UNIQUE,
        last_event_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX connections_user_app ON connections (user_id, app);

      CREATE TABLE idempotency_keys (
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, key)
      );

      CREATE TABLE oauth_flows (
        id TEXT PRIMARY KEY,
        state_hash TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        app TEXT NOT NULL,
        connection_id TEXT,
        mode TEXT NOT NULL,
        opener_origin TEXT NOT NULL,
        return_url TEXT,
        code_verifier TEXT NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        result_connection_id TEXT,
        state_used_at INTEGER,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'provider health overrides',
    sql: `
      CREATE TABLE app_health (
        app TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        message TEXT,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'oauth flows bound to the browser that opened their start URL',
    sql: `
      ALTER TABLE oauth_flows ADD COLUMN browser_binding_hash TEXT;
    `,
  },
];
