// Runs a package's Node tests (`*.test.ts`, but not `*.browser.test.ts`) with node:test and tsx,
// with node:test's own JUnit reporter beside the human one when scripts/test-all.mjs asks for it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { junitFile } from './junit-file.mjs';

const dir = resolve(process.argv[2] ?? 'src');
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter(
    (f) => f.endsWith('.test.ts') && !f.endsWith('.browser.test.ts') && !f.includes('node_modules'),
  )
  .map((f) => join(dir, f));
if (files.length === 0) {
  console.error(`no *.test.ts files under ${dir}`);
  process.exit(1);
}
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
// A script that runs the same files twice (the server on two databases) names each run's report.
const junit = junitFile(process.env.PB_JUNIT_NAME ?? 'node-test');
if (junit) reporters.push('--test-reporter=junit', `--test-reporter-destination=${junit}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...reporters, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
