// Connections in SQLite. Credentials are sealed with AES-256-GCM, bound to the connection id.
import type { SecretBox } from '../crypto/secret-box.js';
import type { Db } from '../db/open-database.js';
import type { ConnectionRecord } from './connection-record.js';
import type { StoredCredentials } from './stored-credentials.js';

interface ConnectionRow {
  id: string;
  user_id: string;
  app: string;
  method: ConnectionRecord['method'];
  label: string;
  status: ConnectionRecord['status'];
  account_id: string;
  credentials: string;
  credential_hint: string | null;
  granted_scopes: string;
  missing_scopes: string;
  last_tested_at: string | null;
  last_error: string | null;
  hook_id: string | null;
  last_event_at: string | null;
  created_at: string;
  updated_at: string;
}

const associatedData = (id: string) => `connection:${id}`;

export class ConnectionRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  save(record: ConnectionRecord): void {
    this.db
      .prepare(
        `INSERT INTO connections (id, user_id, app, method, label, status, account_id, credentials,
           credential_hint, granted_scopes, missing_scopes, last_tested_at, last_error, hook_id,
           last_event_at, created_at, updated_at)
         VALUES (@id, @user_id, @app, @method, @label, @status, @account_id, @credentials,
           @credential_hint, @granted_scopes, @missing_scopes, @last_tested_at, @last_error,
           @hook_id, @last_event_at, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET method = excluded.method, label = excluded.label,
           status = excluded.status, account_id = excluded.account_id,
           credentials = excluded.credentials, credential_hint = excluded.credential_hint,
           granted_scopes = excluded.granted_scopes, missing_scopes = excluded.missing_scopes,
           last_tested_at = excluded.last_tested_at, last_error = excluded.last_error,
           hook_id = excluded.hook_id, updated_at = excluded.updated_at`,
      )
      .run(this.toRow(record));
  }

  find(userId: string, id: string): ConnectionRecord | null {
    const row = this.db
      .prepare('SELECT * FROM connections WHERE id = ? AND user_id = ?')
      .get(id, userId) as ConnectionRow | undefined;
    return row ? this.fromRow(row) : null;
  }

  list(userId: string, app?: string): ConnectionRecord[] {
    const rows = (
      app
        ? this.db
            .prepare(
              'SELECT * FROM connections WHERE user_id = ? AND app = ? ORDER BY created_at DESC, rowid DESC',
            )
            .all(userId, app)
        : this.db
            .prepare(
              'SELECT * FROM connections WHERE user_id = ? ORDER BY created_at DESC, rowid DESC',
            )
            .all(userId)
    ) as ConnectionRow[];
    return rows.map((row) => this.fromRow(row));
  }

  findByAccount(userId: string, app: string, accountId: string): ConnectionRecord | null {
    const row = this.db
      .prepare('SELECT * FROM connections WHERE user_id = ? AND app = ? AND account_id = ? LIMIT 1')
      .get(userId, app, accountId) as ConnectionRow | undefined;
    return row ? this.fromRow(row) : null;
  }

  delete(userId: string, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM connections WHERE id = ? AND user_id = ?').run(id, userId)
        .changes > 0
    );
  }

  /** The connection a webhook URL belongs to (its delivery is checked against its credentials). */
  findByHookId(hookId: string): ConnectionRecord | null {
    const row = this.db.prepare('SELECT * FROM connections WHERE hook_id = ?').get(hookId) as
      ConnectionRow | undefined;
    return row ? this.fromRow(row) : null;
  }

  /** Records a webhook delivery; false when no connection has this hook id. */
  recordHookEvent(hookId: string, at: string): boolean {
    return (
      this.db.prepare('UPDATE connections SET last_event_at = ? WHERE hook_id = ?').run(at, hookId)
        .changes > 0
    );
  }

  private toRow(record: ConnectionRecord): ConnectionRow {
    return {
      id: record.id,
      user_id: record.userId,
      app: record.app,
      method: record.method,
      label: record.label,
      status: record.status,
      account_id: record.accountId,
      credentials: this.box.seal(JSON.stringify(record.credentials), associatedData(record.id)),
      credential_hint: record.credentialHint,
      granted_scopes: JSON.stringify(record.grantedScopes),
      missing_scopes: JSON.stringify(record.missingScopes),
      last_tested_at: record.lastTestedAt,
      last_error: record.lastError ? JSON.stringify(record.lastError) : null,
      hook_id: record.hookId,
      last_event_at: record.lastEventAt,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
    };
  }

  private fromRow(row: ConnectionRow): ConnectionRecord {
    return {
      id: row.id,
      userId: row.user_id,
      app: row.app,
      method: row.method,
      label: row.label,
      status: row.status,
      accountId: row.account_id,
      credentials: JSON.parse(
        this.box.open(row.credentials, associatedData(row.id)),
      ) as StoredCredentials,
      credentialHint: row.credential_hint,
      grantedScopes: JSON.parse(row.granted_scopes) as string[],
      missingScopes: JSON.parse(row.missing_scopes) as string[],
      lastTestedAt: row.last_tested_at,
      lastError: row.last_error
        ? (JSON.parse(row.last_error) as ConnectionRecord['lastError'])
        : null,
      hookId: row.hook_id,
      lastEventAt: row.last_event_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
