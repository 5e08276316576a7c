// `npm start`: bootstrap, build, then run every service (see scripts/dev-services.mjs).
import { ensurePnpm, installWorkspace, run } from './bootstrap.mjs';

const pnpm = ensurePnpm();
installWorkspace(pnpm);
run(pnpm, ['run', '--silent', 'build']);
run(process.execPath, ['scripts/start-services.mjs']);
