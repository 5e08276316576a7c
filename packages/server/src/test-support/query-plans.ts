// Captures the SQL a piece of code runs and asks the database how it would execute it, so a test
// can require an index where a full table scan would cost O(rows).
import {
  CompiledQuery,
  createQueryId,
  sql,
  type KyselyPlugin,
  type RootOperationNode,
} from 'kysely';
import type { Database } from '../db/open-database.js';
import type { Db } from '../db/schema.js';

/** Runs `work` with a database handle that records every query, and returns them compiled. */
export async function captureQueries(
  db: Db,
  work: (recording: Db) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const nodes: RootOperationNode[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await work(db.withPlugin(recorder));
  return nodes.map((node) => db.getExecutor().compileQuery(node, createQueryId()));
}

/**
 * The lines of the query's plan. PostgreSQL is told to avoid sequential scans, so that on tiny test
 * tables it still shows the index it would use on big ones.
 */
export async function queryPlan(database: Database, query: CompiledQuery): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const plan = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    );
    return plan.rows.map((row) => row.detail);
  }
  return database.db.connection().execute(async (connection) => {
    await sql`SET enable_seqscan = off`.execute(connection);
    try {
      const plan = await connection.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]),
      );
      return plan.rows.map((row) => row['QUERY PLAN']);
    } finally {
      await sql`RESET enable_seqscan`.execute(connection);
    }
  });
}

/** True when the plan finds rows through an index lookup on `column = value`. */
export function seeksIndexBy(plan: readonly string[], column: string): boolean {
  const sqlite = new RegExp(`USING (?:COVERING )?INDEX \\S+ \\(${column}=\\?`);
  const postgres = new RegExp(`Index Cond: \\(+${column} = `);
  return plan.some((line) => sqlite.test(line) || postgres.test(line));
}
