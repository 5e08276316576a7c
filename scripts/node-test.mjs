// Runs a package's Node tests (`*.test.ts`, but not `*.browser.test.ts`) with node:test and tsx,
// reporting counts to $PB_RESULT_FILE when scripts/test-all.mjs asks for them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const countsReporter = join(
  dirname(fileURLToPath(import.meta.url)),
  'reporters',
  'node-test-counts.mjs',
);
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.PB_RESULT_FILE) {
  reporters.push(
    `--test-reporter=${countsReporter}`,
    `--test-reporter-destination=${process.env.PB_RESULT_FILE}`,
  );
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...reporters, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
