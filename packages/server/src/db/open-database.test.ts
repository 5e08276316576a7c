import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshTestDatabaseUrl } from '../test-support/test-database.js';
import { migrations } from './migrations.js';
import { IN_MEMORY, migrate, openDatabase } from './open-database.js';

describe('openDatabase', () => {
  it('applies every migration once, also when several instances start at once', async () => {
    const url = await freshTestDatabaseUrl();
    if (url === undefined) {
      const database = await openDatabase({ sqlitePath: IN_MEMORY });
      assert.deepEqual(await migrate(database.db, database.dialect), [], 'nothing left to apply');
      assert.equal(await database.isReachable(), true);
      await database.close();
      return;
    }
    // Three instances on one PostgreSQL schema: the advisory lock lets one apply each migration.
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ url, sqlitePath: IN_MEMORY, poolSize: 2 })),
    );
    try {
      const applied = await instances[0]!.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      assert.deepEqual(
        applied.map((row) => (row as { name: string }).name).sort(),
        Object.keys(migrations).sort(),
      );
      for (const instance of instances) assert.equal(await instance.isReachable(), true);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it('keeps the data of a database made by the earlier migrator', async () => {
    const database = await openDatabase({ sqlitePath: IN_MEMORY });
    await database.db
      .insertInto('app_health')
      .values({ app: 'slack', status: 'down', message: null, updated_at: 1 })
      .execute();
    // 001 and 002 are written IF NOT EXISTS: running them over existing tables changes nothing.
    await migrations['001_sessions_connections_flows']!.up(database.db);
    await migrations['002_app_health']!.up(database.db);
    const rows = await database.db.selectFrom('app_health').selectAll().execute();
    assert.equal(rows.length, 1);
    await database.close();
  });
});
