// Runs every suite, even after one fails, then prints one plain line: `N passed, N failed, N skipped`.
// A suite reports its counts by writing {passed, failed, skipped} as JSON to $PB_RESULT_FILE; a suite
// that writes nothing counts as one check, passed or failed by its exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, buildEnv } from './bootstrap.mjs';
import { suites } from './suites.mjs';

const pnpm = process.env.PB_PNPM || 'pnpm';
const only = process.argv.slice(2);
const resultsDir = join(root, '.pb-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

for (const suite of suites(pnpm)) {
  if (only.length && !only.some((name) => suite.name.startsWith(name))) continue;
  const resultFile = join(resultsDir, `${suite.name.replaceAll(/[^\w.-]/g, '_')}.json`);
  const started = Date.now();
  console.log(`\n━━ ${suite.name} ━━ ${suite.command.join(' ')}`);
  const result = spawnSync(suite.command[0], suite.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...buildEnv(), PB_RESULT_FILE: resultFile, FORCE_COLOR: '0' },
    timeout: (suite.timeoutMinutes ?? 15) * 60_000,
  });
  const ok = result.status === 0;
  const counts = readCounts(resultFile) ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  // A crash after some tests passed must still count as a failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  rows.push({ name: suite.name, ...counts, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\nsuite'.padEnd(34) + 'passed  failed  skipped  seconds');
for (const row of rows) {
  console.log(
    row.name.padEnd(33) +
      String(row.passed).padStart(6) +
      String(row.failed).padStart(8) +
      String(row.skipped ?? 0).padStart(9) +
      String(row.seconds).padStart(9),
  );
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || rows.length === 0 ? 1 : 0);

function readCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: data.passed | 0, failed: data.failed | 0, skipped: data.skipped | 0 };
  } catch {
    return null;
  }
}
