// `pnpm bench`: runs bench/run.ts (bundle sizes, search per keystroke, browser main-thread times
// side by side; see docs/benchmarks.md) with tsx, passing its exit code on.
// `pnpm bench:server` (`node scripts/bench.mjs server`): the reference server under load instead
// (bench/server-load.ts: SQLite, PostgreSQL, three instances behind HAProxy).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = process.argv[2] === 'server' ? 'bench/server-load.ts' : 'bench/run.ts';
const { status } = spawnSync(process.execPath, ['--import', 'tsx', script], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(status ?? 1);
