// Connections in the database. Credentials are sealed with AES-256-GCM, bound to the connection id.
import type { Selectable } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.js';
import type { ConnectionsTable, Db, Queryable } from '../db/schema.js';
import type { ConnectionRecord } from './connection-record.js';
import type { StoredCredentials } from './stored-credentials.js';

type ConnectionRow = Selectable<ConnectionsTable>;

const associatedData = (id: string) => `connection:${id}`;

export class ConnectionRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  /** Stores a new connection; a unique index refuses a second one for the same account. */
  async insert(record: ConnectionRecord, db: Queryable = this.db): Promise<void> {
    await db.insertInto('connections').values(this.toRow(record)).execute();
  }

  async save(record: ConnectionRecord): Promise<void> {
    const row = this.toRow(record);
    await this.db
      .insertInto('connections')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({
          method: row.method,
          label: row.label,
          status: row.status,
          account_id: row.account_id,
          credentials: row.credentials,
          credential_hint: row.credential_hint,
          granted_scopes: row.granted_scopes,
          missing_scopes: row.missing_scopes,
          last_tested_at: row.last_tested_at,
          last_error: row.last_error,
          hook_id: row.hook_id,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async find(userId: string, id: string): Promise<ConnectionRecord | null> {
    const row = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  async list(userId: string, app?: string): Promise<ConnectionRecord[]> {
    let query = this.db.selectFrom('connections').selectAll().where('user_id', '=', userId);
    if (app) query = query.where('app', '=', app);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map((row) => this.fromRow(row));
  }

  async findByAccount(
    userId: string,
    app: string,
    accountId: string,
  ): Promise<ConnectionRecord | null> {
    const row = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('user_id', '=', userId)
      .where('app', '=', app)
      .where('account_id', '=', accountId)
      .limit(1)
      .executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('connections')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Records a webhook delivery; false when no connection has this hook id. */
  async recordHookEvent(hookId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('connections')
      .set({ last_event_at: at })
      .where('hook_id', '=', hookId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
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
      version: 1,
      refresh_owner: null,
      refresh_until: null,
    };
  }

  private fromRow(row: ConnectionRow): ConnectionRecord {
    return {
      id: row.id,
      userId: row.user_id,
      app: row.app,
      method: row.method as ConnectionRecord['method'],
      label: row.label,
      status: row.status as ConnectionRecord['status'],
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
