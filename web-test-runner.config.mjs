// Browser tests (elements' *.test.ts, core's *.browser.test.ts) in one engine per run:
//   node scripts/wtr-run.mjs chromium|firefox|webkit [web-test-runner flags]
// The engine comes from PB_ENGINE (default chromium) so each engine is its own suite and fails on its
// own; chromium and firefox also run directly: PB_ENGINE=firefox npx wtr --config web-test-runner.config.mjs
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { browserFor } from './scripts/wtr-browsers.mjs';
import { freePort } from './scripts/wtr-free-port.mjs';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { junitFile } from './scripts/junit-file.mjs';

const engine = process.env.PB_ENGINE ?? 'chromium';
const junit = junitFile(`wtr-${engine}`);

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: [
    'packages/elements/src/**/*.test.ts',
    'packages/core/src/**/*.browser.test.ts',
    'packages/mocks/src/**/*.browser.test.ts',
  ],
  rootDir: '.',
  hostname: '127.0.0.1',
  // Several test runs may share this machine: take a free port rather than the default 8000.
  port: await freePort(),
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  browsers: [browserFor(engine)],
  // One test file at a time in every engine: tests that focus elements, open modal dialogs or
  // popovers interfere across parallel tabs (seen in Chromium), WebDriver drives a single window,
  // and two shared cores gain nothing from parallel tabs (the full Chromium run took as long).
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  browserStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  middleware: [serveMockServiceWorker],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' })],
  reporters: [defaultReporter(), ...(junit ? [junitReporter({ outputPath: junit })] : [])],
};

/** MSW's worker (committed in test/static/) must be served from the origin root to control every page. */
function serveMockServiceWorker(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = '/test/static/mockServiceWorker.js';
  return next();
}
