// Runs `size-limit --json` on the budgets in .size-limit.mjs and prints one line per budget; exits
// non-zero when one is over or missing (size-limit itself reports a missing file as 0 bytes and
// passed). size-limit writes no JUnit, so scripts/test-all.mjs counts this as one check.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import budgets from '../.size-limit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', 'size-limit', 'bin.js');

const run = spawnSync(process.execPath, [bin, '--json'], { cwd: root, encoding: 'utf8' });
const results = parseResults(run.stdout);

let failed = 0;
for (const budget of budgets) {
  // size-limit reports a missing file as 0 bytes and "passed": only a built bundle can pass.
  const paths = [budget.path].flat();
  const built = paths.every(isBuilt);
  const result = results?.find((entry) => entry.name === budget.name);
  if (built && result?.passed) {
    console.log(`✓ ${budget.name}: ${formatKb(result.size)} (limit ${budget.limit})`);
  } else {
    failed++;
    const why = !built
      ? 'not built'
      : result
        ? `${formatKb(result.size)} is over ${budget.limit}`
        : 'not measured';
    console.error(`✗ ${budget.name}: ${why} (${paths.join(', ')})`);
  }
}
// Without results size-limit itself failed: show why.
if (!results) console.error((run.stderr || run.stdout || run.error?.message || '').trim());
process.exit(failed === 0 ? 0 : 1);

/** @returns {{ name: string, passed: boolean, size: number }[] | null} */
function parseResults(stdout) {
  try {
    const parsed = JSON.parse(stdout);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A file that exists, or a `dir/*.ext` pattern with at least one match. */
function isBuilt(path) {
  if (!path.includes('*')) return existsSync(join(root, path));
  const dir = join(root, dirname(path));
  const suffix = basename(path).split('*').pop();
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith(suffix));
}

function formatKb(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`;
}
