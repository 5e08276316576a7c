// Opens the database the configuration names: PostgreSQL for `postgres://…` URLs (several server
// instances share it), otherwise SQLite (a file, or ':memory:' for tests). Either way the schema
// is brought up to date before the database is handed out.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations.js';
import { LocalNotifications, PostgresNotifications, type Notifications } from './notifications.js';
import type { Db, Tables } from './schema.js';

export const IN_MEMORY = ':memory:';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Db;
  dialect: DialectName;
  notifications: Notifications;
  /** True when the database answers (for GET /readyz). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseLocation {
  /** `postgres://…` or `postgresql://…`: PostgreSQL. */
  url?: string;
  /** Used when there is no URL: a SQLite file, or ':memory:'. */
  sqlitePath: string;
  /** PostgreSQL pool size per instance (default 10). */
  poolSize?: number;
}

const PG_INT8 = 20;
/** BIGINT columns hold epoch milliseconds, well inside a double's exact range. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === PG_INT8
      ? Number
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(?:ql)?:\/\//.test(url);
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const database = isPostgresUrl(location.url)
    ? await openPostgres(location.url, location.poolSize ?? 10)
    : openSqlite(location.sqlitePath);
  try {
    await migrate(database.db, database.dialect);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Any constant: instances that start together take turns migrating under this lock. */
const MIGRATION_LOCK_KEY = 7_262_021_013;

/**
 * Applies every migration the database lacks; names the failing one. On PostgreSQL the whole run,
 * Kysely's own bookkeeping tables included, holds an advisory lock on one connection, and the
 * bookkeeping lives in the connection's schema.
 */
export async function migrate(
  db: Kysely<Tables>,
  dialect: DialectName = 'sqlite',
): Promise<string[]> {
  if (dialect === 'sqlite') return runMigrator(db, undefined);
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(
        connection,
      );
      return await runMigrator(connection, rows[0]?.schema);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}

async function runMigrator(db: Kysely<Tables>, schema: string | undefined): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema && { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return results.map((result) => result.migrationName);
}

function openSqlite(path: string): Database {
  if (path !== IN_MEMORY) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  if (path !== IN_MEMORY) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  const notifications = new LocalNotifications();
  return {
    db,
    dialect: 'sqlite',
    notifications,
    isReachable: () => reachable(db),
    close: async () => {
      await notifications.close();
      await db.destroy();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const notifications = new PostgresNotifications(
    db,
    () => new pg.Client({ connectionString: url, types: pgTypes }),
  );
  try {
    await notifications.start();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    dialect: 'postgres',
    notifications,
    isReachable: () => reachable(db),
    close: async () => {
      await notifications.close();
      await db.destroy();
    },
  };
}

async function reachable(db: Db): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
