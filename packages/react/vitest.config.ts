// The React wrappers' browser tests, in Debian's Chromium through Vitest's browser mode: React ships
// CommonJS only, which Vite pre-bundles for the browser (@web/test-runner serves modules as they
// are), and StrictMode's double mount needs React's development build. Run from this folder:
//   pnpm exec vitest run --config vitest.config.ts
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../test/harness/chromium.mjs';
import { junitFile } from '../../scripts/junit-file.mjs';

const junit = junitFile('vitest');

export default defineConfig({
  // MSW's worker (test/static/mockServiceWorker.js) must be served from the origin root.
  publicDir: '../../test/static',
  test: {
    name: 'react',
    include: ['src/**/*.browser.test.ts'],
    reporters: junit ? ['default', ['junit', { outputFile: junit }]] : ['default'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
