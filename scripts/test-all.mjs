// Runs every suite, even after one fails, then prints one plain line: `N passed, N failed, N skipped`.
// Each suite gets its own folder in .pb-results/ ($PB_RESULTS_DIR); its test runner writes JUnit XML
// there (scripts/junit-file.mjs) and the test cases of those reports are added up. A suite that
// writes no report, or one without a single test case, counts as one check, passed or failed by its
// exit code; a suite that exits non-zero counts at least one failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, buildEnv } from './bootstrap.mjs';
import { countJUnitReports } from './junit-counts.mjs';
import { suites } from './suites.mjs';

const pnpm = process.env.PB_PNPM || 'pnpm';
const only = process.argv.slice(2);
const resultsDir = join(root, '.pb-results');
rmSync(resultsDir, { recursive: true, force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

for (const suite of suites(pnpm)) {
  if (only.length && !only.some((name) => suite.name.startsWith(name))) continue;
  const suiteDir = join(resultsDir, suite.name.replaceAll(/[^\w.-]/g, '_'));
  mkdirSync(suiteDir, { recursive: true });
  const started = Date.now();
  console.log(`\n━━ ${suite.name} ━━ ${suite.command.join(' ')}`);
  const result = spawnSync(suite.command[0], suite.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...buildEnv(), PB_RESULTS_DIR: suiteDir, FORCE_COLOR: '0' },
    timeout: (suite.timeoutMinutes ?? 15) * 60_000,
  });
  const ok = result.status === 0;
  const reported = countJUnitReports(suiteDir);
  const testCases = reported.passed + reported.failed + reported.skipped;
  const counts =
    testCases > 0
      ? { passed: reported.passed, failed: reported.failed, skipped: reported.skipped }
      : { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  // A crash after some tests passed (or a failure outside any test) must still count as a failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  rows.push({ name: suite.name, ...counts, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\nsuite'.padEnd(34) + 'passed  failed  skipped  seconds');
for (const row of rows) {
  console.log(
    row.name.padEnd(33) +
      String(row.passed).padStart(6) +
      String(row.failed).padStart(8) +
      String(row.skipped).padStart(9) +
      String(row.seconds).padStart(9),
  );
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || rows.length === 0 ? 1 : 0);
