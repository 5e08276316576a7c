// Connections in the database. Credentials are sealed with AES-256-GCM, bound to the connection's
// id, user and app, and opened only where a secret is used: a listing decrypts nothing, and an
// unreadable value affects only its own connection.
// A row is inserted once; every later write is an UPDATE that names the version it read
// (optimistic concurrency), so a write that lost a race, or came after a delete, changes nothing.
import type { Selectable } from 'kysely';
import { randomId } from '../crypto/random.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { ConnectionsTable, Db, Queryable } from '../db/schema.js';
import type { ConnectionRecord } from './connection-record.js';
import type { StoredCredentials } from './stored-credentials.js';

type ConnectionRow = Selectable<ConnectionsTable>;

/** What a sealed credential is bound to; moved to another row, user or app, it does not open. */
const associatedData = (record: Pick<ConnectionRecord, 'id' | 'userId' | 'app'>) =>
  JSON.stringify(['connection', record.id, record.userId, record.app]);
/** Values sealed before key ids were bound to the connection id alone. */
const legacyAssociatedData = (record: Pick<ConnectionRecord, 'id'>) => `connection:${record.id}`;

export class ConnectionRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  /** The record's credentials, or null when they cannot be read (tampered, moved, unknown key). */
  openCredentials(record: ConnectionRecord): StoredCredentials | null {
    if (record.credentials) return record.credentials;
    try {
      return JSON.parse(
        this.box.open(
          record.sealedCredentials,
          associatedData(record),
          legacyAssociatedData(record),
        ),
      ) as StoredCredentials;
    } catch {
      return null;
    }
  }

  /**
   * Stores a new connection; false when a unique index refused it (a second connection of the
   * same account). The refusal does not abort the caller's transaction (ON CONFLICT DO NOTHING),
   * so the caller can read the holder in it.
   */
  async insert(record: ConnectionRecord, db: Queryable = this.db): Promise<boolean> {
    const result = await db
      .insertInto('connections')
      .values(this.toRow(record))
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  /**
   * Writes `next` over the row if it is still at `next.version`: 'conflict' when another writer
   * got there first (read it again and redo the change), 'gone' when it was deleted.
   */
  async update(
    next: ConnectionRecord,
    db: Queryable = this.db,
  ): Promise<'updated' | 'conflict' | 'gone'> {
    // The refresh lease is not the writer's to change: a refresh may be running beside it.
    const {
      id: _id,
      user_id: _user,
      created_at: _created,
      refresh_owner: _owner,
      refresh_until: _until,
      credentials,
      version,
      ...changes
    } = this.toRow(next);
    const result = await db
      .updateTable('connections')
      // Credentials are written only when they changed: a status write leaves them alone.
      .set({ ...changes, ...(next.credentials && { credentials }), version: version + 1 })
      .where('id', '=', next.id)
      .where('user_id', '=', next.userId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) return 'updated';
    return (await this.find(next.userId, next.id, db)) ? 'conflict' : 'gone';
  }

  /**
   * Takes the connection's refresh lease until `until` unless another holder's lease still runs:
   * one token refresh per connection at a time, whichever instance asks.
   */
  async claimRefresh(record: ConnectionRecord, owner: string, now: number, until: number) {
    const result = await this.db
      .updateTable('connections')
      .set({ refresh_owner: owner, refresh_until: until })
      .where('id', '=', record.id)
      .where('user_id', '=', record.userId)
      .where((where) =>
        where.or([where('refresh_until', 'is', null), where('refresh_until', '<', now)]),
      )
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Stores refreshed tokens under the lease and ends it; null when the lease was lost. */
  async saveRefreshed(
    record: ConnectionRecord,
    owner: string,
    changes: Pick<ConnectionRecord, 'credentials' | 'grantedScopes' | 'updatedAt'>,
  ): Promise<ConnectionRecord | null> {
    const row = this.toRow({ ...record, ...changes });
    const next = { ...record, ...changes, sealedCredentials: row.credentials };
    const result = await this.db
      .updateTable('connections')
      .set((eb) => ({
        credentials: row.credentials,
        granted_scopes: row.granted_scopes,
        updated_at: row.updated_at,
        version: eb('version', '+', 1),
        refresh_owner: null,
        refresh_until: null,
      }))
      .where('id', '=', record.id)
      .where('user_id', '=', record.userId)
      .where('refresh_owner', '=', owner)
      .returning('version')
      .executeTakeFirst();
    return result ? { ...next, version: result.version } : null;
  }

  async releaseRefresh(record: ConnectionRecord, owner: string): Promise<void> {
    await this.db
      .updateTable('connections')
      .set({ refresh_owner: null, refresh_until: null })
      .where('id', '=', record.id)
      .where('refresh_owner', '=', owner)
      .execute();
  }

  async find(
    userId: string,
    id: string,
    db: Queryable = this.db,
  ): Promise<ConnectionRecord | null> {
    const row = await db
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
    db: Queryable = this.db,
  ): Promise<ConnectionRecord | null> {
    const row = await db
      .selectFrom('connections')
      .selectAll()
      .where('user_id', '=', userId)
      .where('app', '=', app)
      .where('account_id', '=', accountId)
      .limit(1)
      .executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  /** Deletes the connection and the record of its webhook deliveries; false when it was not there. */
  async delete(userId: string, id: string, db: Queryable = this.db): Promise<boolean> {
    const result = await db
      .deleteFrom('connections')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) return false;
    await db.deleteFrom('webhook_deliveries').where('connection_id', '=', id).execute();
    return true;
  }

  /** The connection a webhook URL belongs to (its delivery is checked against its credentials). */
  async findByHookId(hookId: string): Promise<ConnectionRecord | null> {
    const row = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('hook_id', '=', hookId)
      .executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  /**
   * Records a webhook delivery (a row in webhook_deliveries, and the connection's last event time);
   * returns the connection it reached, or null when no connection has this hook id.
   */
  async recordHookEvent(
    hookId: string,
    at: number,
    db: Queryable,
  ): Promise<Pick<ConnectionRecord, 'id' | 'userId' | 'app'> | null> {
    const connection = await db
      .updateTable('connections')
      .set({ last_event_at: new Date(at).toISOString() })
      .where('hook_id', '=', hookId)
      .returning(['id', 'user_id', 'app'])
      .executeTakeFirst();
    if (!connection) return null;
    await db
      .insertInto('webhook_deliveries')
      .values({ id: randomId('whd_'), connection_id: connection.id, received_at: at })
      .execute();
    return { id: connection.id, userId: connection.user_id, app: connection.app };
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
      credentials: record.credentials
        ? this.box.seal(JSON.stringify(record.credentials), associatedData(record))
        : record.sealedCredentials,
      credential_hint: record.credentialHint,
      granted_scopes: JSON.stringify(record.grantedScopes),
      missing_scopes: JSON.stringify(record.missingScopes),
      last_tested_at: record.lastTestedAt,
      last_error: record.lastError ? JSON.stringify(record.lastError) : null,
      hook_id: record.hookId,
      last_event_at: record.lastEventAt,
      settings: JSON.stringify(record.settings),
      public_fields: record.publicFields ? JSON.stringify(record.publicFields) : null,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
      version: record.version,
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
      sealedCredentials: row.credentials,
      credentials: null,
      credentialHint: row.credential_hint,
      grantedScopes: JSON.parse(row.granted_scopes) as string[],
      missingScopes: JSON.parse(row.missing_scopes) as string[],
      lastTestedAt: row.last_tested_at,
      lastError: row.last_error
        ? (JSON.parse(row.last_error) as ConnectionRecord['lastError'])
        : null,
      hookId: row.hook_id,
      lastEventAt: row.last_event_at,
      settings: row.settings ? (JSON.parse(row.settings) as ConnectionRecord['settings']) : {},
      publicFields: row.public_fields
        ? (JSON.parse(row.public_fields) as ConnectionRecord['publicFields'])
        : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    };
  }
}
