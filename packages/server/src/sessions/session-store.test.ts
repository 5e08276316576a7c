import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Database } from '../db/open-database.js';
import { captureQueries, queryPlan, seeksIndexBy } from '../test-support/query-plans.js';
import { openTestDatabase } from '../test-support/test-database.js';
import { SessionStore } from './session-store.js';

const HOUR = 60 * 60 * 1000;

describe('SessionStore.isKnownOrigin (CORS for requests without a usable token)', () => {
  let database: Database;
  let clock: number;
  let store: SessionStore;
  beforeEach(async () => {
    database = await openTestDatabase();
    clock = Date.parse('2026-06-01T12:00:00Z');
    store = new SessionStore(database.db, () => clock);
  });
  afterEach(() => database.close());

  it('knows the origins of live sessions, and for a day after they expire', async () => {
    const { token } = await store.create({
      userId: 'u1',
      allowedOrigins: ['https://app.example.com', 'https://admin.example.com'],
      ttlSeconds: 60,
    });
    assert.equal(await store.isKnownOrigin('https://admin.example.com'), true);
    assert.equal(await store.isKnownOrigin('https://evil.example'), false);
    assert.equal(await store.isKnownOrigin('https://app_example.com'), false);
    clock += 23 * HOUR;
    assert.equal(await store.isKnownOrigin('https://app.example.com'), true);
    clock += 2 * HOUR;
    assert.equal(await store.isKnownOrigin('https://app.example.com'), false);

    const revoked = await store.create({
      userId: 'u2',
      allowedOrigins: ['https://r.example'],
      ttlSeconds: 600,
    });
    await store.revoke(revoked.token);
    assert.equal(await store.isKnownOrigin('https://r.example'), false);
    assert.ok(token);
  });

  it('answers an unknown origin from an index, not by scanning every session (finding 5)', async () => {
    for (let i = 0; i < 50; i += 1) {
      await store.create({
        userId: `u${i}`,
        allowedOrigins: [`https://site${i}.example`],
        ttlSeconds: 600,
      });
    }
    const queries = await captureQueries(database.db, (db) =>
      new SessionStore(db, () => clock).isKnownOrigin('https://random-origin.example'),
    );
    assert.equal(queries.length, 1);
    const plan = await queryPlan(database, queries[0]!);
    assert.ok(seeksIndexBy(plan, 'origin'), `not an index lookup by origin:\n${plan.join('\n')}`);
  });
});
