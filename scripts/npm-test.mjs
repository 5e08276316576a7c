// `npm test`: bootstrap (pnpm, dependencies, Debian packages), then every suite through scripts/test-all.mjs.
import { ensureSystemPackages, ensurePnpm, installWorkspace, run } from './bootstrap.mjs';

const pnpm = ensurePnpm();
installWorkspace(pnpm);
ensureSystemPackages();
run(process.execPath, ['scripts/test-all.mjs', ...process.argv.slice(2)], {
  env: { ...process.env, PB_PNPM: pnpm },
});
