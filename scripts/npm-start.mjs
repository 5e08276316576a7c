// `npm start`: bootstrap, build the packages, examples and Storybook, then run every service
// (scripts/start-services.ts) until Ctrl-C.
import { ensurePnpm, installWorkspace, run } from './bootstrap.mjs';

const pnpm = ensurePnpm();
installWorkspace(pnpm);
run(pnpm, ['run', '--silent', 'build']);
run(pnpm, ['run', '--silent', 'build:storybook']);
run(process.execPath, ['--import', 'tsx', 'scripts/start-services.ts']);
