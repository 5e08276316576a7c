// The database a test runs against: SQLite in memory, or, when the suite runs on PostgreSQL
// (PB_TEST_DATABASE_URL, set by scripts/test-server.ts), a fresh schema of the throwaway server so
// tests never see each other's rows.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { IN_MEMORY, openDatabase, type Database } from '../db/open-database.js';

export const TEST_DATABASE_URL_VARIABLE = 'PB_TEST_DATABASE_URL';

/** A URL naming an empty schema of the test PostgreSQL, or undefined when tests use SQLite. */
export async function freshTestDatabaseUrl(): Promise<string | undefined> {
  const base = process.env[TEST_DATABASE_URL_VARIABLE];
  if (!base) return undefined;
  const schema = `t_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export async function openTestDatabase(): Promise<Database> {
  return openDatabase({ url: await freshTestDatabaseUrl(), sqlitePath: IN_MEMORY });
}
