// Kysely against hand-written SQL on the connection routes' two busiest queries (insert a
// connection, list a user's connections), on SQLite in memory and on a throwaway PostgreSQL.
// Part of `pnpm bench:server` (bench/server-load.ts).
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Selectable } from 'kysely';
import pg from 'pg';
import { migrate, openDatabase } from '../src/db/open-database.js';
import type { ConnectionsTable, Db, Tables } from '../src/db/schema.js';
import { startThrowawayPostgres } from '../src/test-support/throwaway-postgres.js';

export interface DataLayerRow {
  query: string;
  database: string;
  kyselyMicros: number;
  rawMicros: number;
}

const ROUNDS = 5;
const CALLS = 400;

function connectionRow(userId: string): Selectable<ConnectionsTable> {
  const now = new Date().toISOString();
  return {
    id: `con_${randomUUID().replaceAll('-', '')}`,
    user_id: userId,
    app: 'stripe',
    method: 'api_key',
    label: 'load@example.com',
    status: 'connected',
    account_id: randomUUID(),
    credentials: 'v2.sealed',
    credential_hint: '••••123',
    granted_scopes: '[]',
    missing_scopes: '[]',
    last_tested_at: now,
    last_error: null,
    hook_id: null,
    last_event_at: null,
    settings: null,
    public_fields: null,
    created_at: now,
    updated_at: now,
    version: 1,
    refresh_owner: null,
    refresh_until: null,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Median µs per call over ROUNDS rounds of CALLS calls. */
async function time(call: () => Promise<unknown>): Promise<number> {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (let i = 0; i < CALLS; i += 1) await call();
    rounds.push(((performance.now() - started) * 1000) / CALLS);
  }
  return median(rounds);
}

type Raw = {
  insert(row: Selectable<ConnectionsTable>): Promise<unknown>;
  list(userId: string): Promise<unknown>;
};

async function compare(name: string, db: Db, raw: Raw): Promise<DataLayerRow[]> {
  const user = `user-${randomUUID()}`;
  for (let i = 0; i < 20; i += 1) {
    await db.insertInto('connections').values(connectionRow(user)).execute();
  }
  const insertKysely = await time(() =>
    db
      .insertInto('connections')
      .values(connectionRow(`k-${randomUUID()}`))
      .execute(),
  );
  const insertRaw = await time(() => raw.insert(connectionRow(`r-${randomUUID()}`)));
  const listKysely = await time(() =>
    db
      .selectFrom('connections')
      .selectAll()
      .where('user_id', '=', user)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  );
  const listRaw = await time(() => raw.list(user));
  return [
    {
      query: 'insert a connection',
      database: name,
      kyselyMicros: insertKysely,
      rawMicros: insertRaw,
    },
    {
      query: "list a user's 20 connections",
      database: name,
      kyselyMicros: listKysely,
      rawMicros: listRaw,
    },
  ];
}

const COLUMNS = Object.keys(connectionRow('x')) as Array<
  keyof Selectable<ConnectionsTable> & string
>;
const LIST_SQL = 'SELECT * FROM connections WHERE user_id = $1 ORDER BY created_at DESC, id DESC';

/** Kysely and hand-written statements on one better-sqlite3 handle, then on one PostgreSQL. */
export async function measureDataLayer(): Promise<DataLayerRow[]> {
  const rows: DataLayerRow[] = [];
  const handle = new SQLite(':memory:');
  const sqlite = new Kysely<Tables>({ dialect: new SqliteDialect({ database: handle }) });
  try {
    await migrate(sqlite, 'sqlite');
    const insert = handle.prepare(
      `INSERT INTO connections (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    const list = handle.prepare(LIST_SQL.replace('$1', '?'));
    rows.push(
      ...(await compare('SQLite (memory)', sqlite, {
        insert: async (row) => insert.run(row),
        list: async (user) => list.all(user),
      })),
    );
  } finally {
    await sqlite.destroy();
  }
  const server = await startThrowawayPostgres();
  try {
    const postgres = await openDatabase({ url: server.url, sqlitePath: ':memory:', poolSize: 2 });
    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    const insertSql = `INSERT INTO connections (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
    try {
      rows.push(
        ...(await compare('PostgreSQL', postgres.db, {
          insert: (row) =>
            pool.query(
              insertSql,
              COLUMNS.map((column) => row[column]),
            ),
          list: (user) => pool.query(LIST_SQL, [user]),
        })),
      );
    } finally {
      await pool.end();
      await postgres.close();
    }
  } finally {
    await server.stop();
  }
  return rows;
}
