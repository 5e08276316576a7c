import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IN_MEMORY, migrate, openDatabase } from './open-database.js';
import { migrations } from './migrations.js';

describe('migrations', () => {
  it('applies every numbered migration once and records it', () => {
    const db = openDatabase(IN_MEMORY);
    const versions = db.prepare('SELECT version FROM migrations ORDER BY version').pluck().all();
    assert.deepEqual(
      versions,
      migrations.map((migration) => migration.version),
    );
    assert.deepEqual(migrate(db, migrations), [], 'nothing left to apply');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    for (const table of [
      'app_health',
      'connections',
      'idempotency_keys',
      'oauth_flows',
      'sessions',
    ]) {
      assert.ok(tables.includes(table), table);
    }
    db.close();
  });

  it('applies only the newer migrations, and rolls back a failing one', () => {
    const db = openDatabase(IN_MEMORY, migrations.slice(0, 1));
    const latest = migrations.at(-1)!.version;
    assert.deepEqual(
      migrate(db, migrations),
      migrations.slice(1).map((migration) => migration.version),
    );
    const broken = [
      ...migrations,
      { version: latest + 1, name: 'broken', sql: 'CREATE TABLE t3 (a); NOT SQL;' },
    ];
    assert.throws(() => migrate(db, broken));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 't3'").all();
    assert.deepEqual(tables, []);
    assert.equal(db.prepare('SELECT MAX(version) FROM migrations').pluck().get(), latest);
    db.close();
  });
});
