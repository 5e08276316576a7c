// `pnpm --filter @plugboard/server test`: the whole Node suite twice, on SQLite (in memory) and on a
// throwaway PostgreSQL this script starts and removes. Each run writes its own JUnit report for
// scripts/test-all.mjs. Without PostgreSQL the run fails and says why.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_DATABASE_URL_VARIABLE } from '../src/test-support/test-database.js';
import { startThrowawayPostgres } from '../src/test-support/throwaway-postgres.js';

const nodeTest = fileURLToPath(new URL('../../../scripts/node-test.mjs', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

function run(database: string, env: Record<string, string>): boolean {
  process.stdout.write(`\n# server tests on ${database}\n`);
  const result = spawnSync(process.execPath, [nodeTest, sources], {
    stdio: 'inherit',
    env: { ...process.env, ...env, PB_JUNIT_NAME: `server-${database}` },
  });
  return result.status === 0;
}

let ok = run('sqlite', {});
try {
  const postgres = await startThrowawayPostgres();
  try {
    ok = run('postgresql', { [TEST_DATABASE_URL_VARIABLE]: postgres.url }) && ok;
  } finally {
    await postgres.stop();
  }
} catch (error) {
  process.stderr.write(`\nserver tests on PostgreSQL could not run: ${(error as Error).message}\n`);
  ok = false;
}
process.exit(ok ? 0 : 1);
