// `pnpm --filter @plugboard/server test`: the whole Node suite twice, on SQLite (in memory) and on a
// throwaway PostgreSQL this script starts and removes. Counts of both runs are summed into
// $PB_RESULT_FILE for scripts/test-all.mjs. Without PostgreSQL the run fails and says why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_DATABASE_URL_VARIABLE } from '../src/test-support/test-database.js';
import { startThrowawayPostgres } from '../src/test-support/throwaway-postgres.js';

const nodeTest = fileURLToPath(new URL('../../../scripts/node-test.mjs', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));
const countsDir = mkdtempSync(join(tmpdir(), 'pb-server-counts-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, env: Record<string, string>): boolean {
  process.stdout.write(`\n# server tests on ${label}\n`);
  const counts = join(countsDir, `${label}.json`);
  const result = spawnSync(process.execPath, [nodeTest, sources], {
    stdio: 'inherit',
    env: { ...process.env, ...env, PB_RESULT_FILE: counts },
  });
  try {
    const parsed = JSON.parse(readFileSync(counts, 'utf8')) as typeof totals;
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += parsed[key];
  } catch {
    totals.failed += 1;
  }
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
  totals.failed += 1;
  ok = false;
}
rmSync(countsDir, { recursive: true, force: true });
process.stdout.write(
  `\nserver tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped (SQLite and PostgreSQL)\n`,
);
if (process.env.PB_RESULT_FILE) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.PB_RESULT_FILE, JSON.stringify(totals));
}
process.exit(ok ? 0 : 1);
