// Health overrides are shared by every instance: one instance's change shows on another at its
// next request, through a notification (PostgreSQL) or the shared process (SQLite).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { IN_MEMORY, openDatabase, type Database } from '../db/open-database.js';
import { freshTestDatabaseUrl } from '../test-support/test-database.js';
import { CatalogService } from './catalog-service.js';

describe('health overrides across instances', () => {
  it('shows a change made on one instance on the other, without waiting for the cache', async () => {
    const url = await freshTestDatabaseUrl();
    const first = await openDatabase({ url, sqlitePath: IN_MEMORY, poolSize: 2 });
    // On PostgreSQL a second pool and listener, as a second instance has; SQLite has one process.
    const second: Database = url
      ? await openDatabase({ url, sqlitePath: IN_MEMORY, poolSize: 2 })
      : first;
    const catalog = (database: Database) =>
      new CatalogService(demoCatalog, database.db, database.notifications, 'http://x', Date.now);
    const [a, b] = [catalog(first), catalog(second)];
    try {
      await b.refreshHealth();
      assert.equal(b.find('slack').health.status, 'operational');
      await a.setHealth('slack', { status: 'down', message: 'Slack is down.' });
      // The notice arrives asynchronously on PostgreSQL: wait for it, well under the cache time.
      const deadline = Date.now() + 1000;
      while (Date.now() < deadline) {
        await b.refreshHealth();
        if (b.find('slack').health.status === 'down') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(b.find('slack').health, { status: 'down', message: 'Slack is down.' });
    } finally {
      if (second !== first) await second.close();
      await first.close();
    }
  });
});
