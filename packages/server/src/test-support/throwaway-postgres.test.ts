import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PostgresMissingError, startThrowawayPostgres } from './throwaway-postgres.js';

describe('startThrowawayPostgres', () => {
  it('fails with an install hint when PostgreSQL is missing, never skips', async () => {
    const saved = process.env.PB_POSTGRES_BIN;
    process.env.PB_POSTGRES_BIN = '/nonexistent/postgresql/bin';
    try {
      await assert.rejects(startThrowawayPostgres(), (error: unknown) => {
        assert.ok(error instanceof PostgresMissingError);
        assert.match(error.message, /apt-get install -y postgresql/);
        return true;
      });
    } finally {
      if (saved === undefined) delete process.env.PB_POSTGRES_BIN;
      else process.env.PB_POSTGRES_BIN = saved;
    }
  });
});
