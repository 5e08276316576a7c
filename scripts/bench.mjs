// `pnpm bench`: runs bench/run.ts (bundle sizes, search per keystroke, browser main-thread times
// side by side; see docs/benchmarks.md) with tsx, passing its exit code on.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { status } = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(status ?? 1);
