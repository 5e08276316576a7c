// End-to-end tests in Debian's Chromium against the real reference stack (see harness/fixtures.ts).
// Run: pnpm exec playwright test --config test/playwright.config.ts
import { defineConfig } from '@playwright/test';
import { junitFile } from '../scripts/junit-file.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './harness/chromium.mjs';

const junit = junitFile('playwright');

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results/e2e',
  // One worker: the machine has two cores shared with other suites, and each worker starts a stack.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ...(junit ? [['junit', { outputFile: junit }] as const] : [])],
  use: {
    browserName: 'chromium',
    // Playwright gives each run its own temporary profile, so no --user-data-dir here.
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
    trace: 'retain-on-failure',
  },
});
