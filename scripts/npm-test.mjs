// `npm test`: bootstrap (pnpm, dependencies, browsers), then every suite through scripts/test-all.mjs.
import { ensureBrowsers, ensurePnpm, installWorkspace, run } from './bootstrap.mjs';

const pnpm = ensurePnpm();
installWorkspace(pnpm);
ensureBrowsers();
run(process.execPath, ['scripts/test-all.mjs', ...process.argv.slice(2)], {
  env: { ...process.env, PB_PNPM: pnpm },
});
